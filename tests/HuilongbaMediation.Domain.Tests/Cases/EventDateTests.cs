using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>Every step carries the date it happened; the history keeps that date and, besides it, when it was recorded.</summary>
public sealed class EventDateTests
{
    private static readonly DateOnly FiledOn = new(2025, 12, 20);

    /// <summary>09:00 on 3 January 2026 in 回龙坝: everything below is entered after the fact.</summary>
    private static readonly DateTime RecordedUtc = new(2026, 1, 3, 1, 0, 0, DateTimeKind.Utc);

    private static MediationCase Filed()
    {
        var @case = Ok(MediationCase.File(Draft(FiledOn), Actors.VillageHead, RecordedUtc, ChinaClock.Today(RecordedUtc)));
        Ok(@case.AssignMediators(Actors.VillageHead, RecordedUtc, LeadAndAssistant));
        return @case;
    }

    private static MediationCase Mediating(DateOnly acceptedOn, DateOnly heldOn)
    {
        var @case = Filed();
        Ok(@case.Accept(Actors.Lead, RecordedUtc, new AcceptInput(acceptedOn)));
        Ok(@case.RecordSession(Actors.Lead, RecordedUtc, new SessionInput(heldOn, 3, "张三、李四", "双方陈述意见。")));
        return @case;
    }

    [Fact]
    public void An_agreement_signed_on_31_December_and_recorded_on_3_January_happened_in_December()
    {
        var @case = Mediating(new DateOnly(2025, 12, 21), new DateOnly(2025, 12, 28));

        Ok(@case.Resolve(Actors.Lead, RecordedUtc, WrittenAgreement(new DateOnly(2025, 12, 31))));

        var resolve = @case.History[^1];
        Assert.Equal((new DateOnly(2025, 12, 31), RecordedUtc, AgreementKind.Written), (resolve.OccurredOn, resolve.AtUtc, resolve.AgreementKind));
        Assert.Equal(new DateOnly(2025, 12, 31), @case.ConcludedOn);
    }

    [Fact]
    public void Accepting_on_a_past_date_sets_the_deadline_from_that_date()
    {
        var @case = Filed();

        Ok(@case.Accept(Actors.Lead, RecordedUtc, new AcceptInput(new DateOnly(2025, 12, 22))));

        Assert.Equal((new DateOnly(2025, 12, 22), new DateOnly(2026, 1, 21)), (@case.AcceptedOn, @case.DueOn));
        Assert.Equal((new DateOnly(2025, 12, 22), new DateOnly(2026, 1, 21)), (@case.History[^1].OccurredOn, @case.History[^1].DueOn));
    }

    [Fact]
    public void A_step_may_not_happen_before_the_filing()
    {
        var @case = Filed();
        var before = Snapshot(@case);

        var result = @case.Accept(Actors.Lead, RecordedUtc, new AcceptInput(FiledOn.AddDays(-1)));

        Assert.Equal([new FieldError("AcceptedOn", "受理日期不能早于登记日期（2025年12月20日）")], result.Errors);
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void A_step_may_not_happen_in_the_future()
    {
        var @case = Filed();

        var result = @case.Decline(Actors.VillageHead, RecordedUtc, new DeclineInput("已起诉", new DateOnly(2026, 1, 4)));

        Assert.Equal([new FieldError("DeclinedOn", "不予受理日期不能晚于今天（2026年1月3日）")], result.Errors);
    }

    [Fact]
    public void A_step_may_not_happen_before_the_previous_one()
    {
        var @case = Mediating(new DateOnly(2025, 12, 21), new DateOnly(2025, 12, 28));

        var resolve = @case.Resolve(Actors.Lead, RecordedUtc, WrittenAgreement(new DateOnly(2025, 12, 27)));
        var refer = @case.Refer(Actors.Lead, RecordedUtc, new ReferInput(1, "需诉讼", Urgent: false, new DateOnly(2025, 12, 26)));

        Assert.Equal([new FieldError("SignedOn", "协议日期不能早于调解日期（2025年12月28日）")], resolve.Errors);
        Assert.Equal([new FieldError("ReferredOn", "移交日期不能早于调解日期（2025年12月28日）")], refer.Errors);
    }

    [Fact]
    public void Sessions_may_be_entered_out_of_order_but_not_before_the_mediation_began()
    {
        var @case = Mediating(new DateOnly(2025, 12, 21), new DateOnly(2025, 12, 28));

        Ok(@case.RecordSession(Actors.Lead, RecordedUtc, new SessionInput(new DateOnly(2025, 12, 24), 3, "张三", "补录的调解记录")));
        var early = @case.RecordSession(Actors.Lead, RecordedUtc, new SessionInput(new DateOnly(2025, 12, 20), 3, "张三", "受理前的记录"));

        Assert.Equal([new FieldError("HeldOn", "调解日期不能早于受理日期（2025年12月21日）")], early.Errors);
    }

    [Fact]
    public void Decisions_taken_in_the_app_are_dated_when_recorded_and_do_not_hold_back_the_steps()
    {
        var @case = Filed();

        Assert.Equal(new DateOnly(2026, 1, 3), @case.History[^1].OccurredOn); // the assignment, today
        Ok(@case.Accept(Actors.Lead, RecordedUtc, new AcceptInput(new DateOnly(2025, 12, 20))));
    }

    [Fact]
    public void Reopening_sets_the_deadline_from_the_date_reopened()
    {
        var @case = Mediating(new DateOnly(2025, 12, 21), new DateOnly(2025, 12, 22));
        Ok(@case.Resolve(Actors.Lead, RecordedUtc, WrittenAgreement(new DateOnly(2025, 12, 23))));
        Ok(@case.RecordFollowUp(Actors.Lead, RecordedUtc, new FollowUpInput(new DateOnly(2025, 12, 30), PerformanceStatus.None, "未付款")));

        var tooEarly = @case.Reopen(Actors.Lead, RecordedUtc, new ReopenInput("未履行", new DateOnly(2025, 12, 29)));
        Ok(@case.Reopen(Actors.Lead, RecordedUtc, new ReopenInput("未履行", new DateOnly(2026, 1, 2))));

        Assert.Equal([new FieldError("ReopenedOn", "重新调解日期不能早于回访日期（2025年12月30日）")], tooEarly.Errors);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 2)), (@case.DueOn, @case.History[^1].OccurredOn));
    }

    [Fact]
    public void A_referral_is_approved_and_returned_on_the_dates_entered()
    {
        var @case = Mediating(new DateOnly(2025, 12, 21), new DateOnly(2025, 12, 22));
        Ok(@case.Refer(Actors.Lead, RecordedUtc, new ReferInput(1, "需诉讼", Urgent: false, new DateOnly(2025, 12, 23))));

        var returnedEarly = @case.ReturnReferral(Actors.JudicialOffice, RecordedUtc, new ReturnReferralInput("请继续调解", new DateOnly(2025, 12, 22)));
        Ok(@case.ApproveReferral(Actors.JudicialOffice, RecordedUtc, new ApproveReferralInput("陈家桥人民法庭", null, new DateOnly(2025, 12, 29))));

        Assert.Equal([new FieldError("ReturnedOn", "退回日期不能早于移交日期（2025年12月23日）")], returnedEarly.Errors);
        Assert.Equal((new DateOnly(2025, 12, 29), new DateOnly(2025, 12, 29)), (@case.ConcludedOn, @case.History[^1].OccurredOn));
    }

    [Fact]
    public void A_judicial_confirmation_is_dated_by_its_decision_which_comes_after_its_application()
    {
        var @case = Mediating(new DateOnly(2025, 12, 21), new DateOnly(2025, 12, 22));
        Ok(@case.Resolve(Actors.Lead, RecordedUtc, WrittenAgreement(new DateOnly(2025, 12, 23))));

        var decidedFirst = @case.RecordJudicialConfirmation(Actors.Lead, RecordedUtc,
            new JudicialConfirmationInput(true, new DateOnly(2025, 12, 26), "陈家桥人民法庭", "确认有效", new DateOnly(2025, 12, 25), JudicialOutcome.Confirmed));
        var resultWithoutDate = @case.RecordJudicialConfirmation(Actors.Lead, RecordedUtc,
            new JudicialConfirmationInput(true, new DateOnly(2025, 12, 26), "陈家桥人民法庭", "确认有效"));
        Ok(@case.RecordJudicialConfirmation(Actors.Lead, RecordedUtc,
            new JudicialConfirmationInput(true, new DateOnly(2025, 12, 26), "陈家桥人民法庭", "确认有效", new DateOnly(2025, 12, 30), JudicialOutcome.Confirmed)));

        Assert.Equal([new FieldError("DecidedOn", "裁定日期不能早于申请日期（2025年12月26日）")], decidedFirst.Errors);
        Assert.Equal([new FieldError("DecidedOn", "请填写裁定日期")], resultWithoutDate.Errors);
        Assert.Equal(new DateOnly(2025, 12, 30), @case.History[^1].OccurredOn);
        Assert.Equal(new DateOnly(2025, 12, 30), @case.JudicialConfirmation!.DecidedOn);
    }
}
