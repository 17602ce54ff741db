using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>What each trigger carries: its checks, its effect on the case and its history entry.</summary>
public sealed class TriggerDataTests
{
    private readonly Scenario _scenario = new();

    [Fact]
    public void Decline_records_the_reason_and_concludes_the_case()
    {
        var @case = _scenario.In(CaseStatus.Filed);

        Ok(@case.Decline(Actors.VillageHead, _scenario.Tick(), new DeclineInput("  不属于民间纠纷  ", _scenario.Today)));

        Assert.Equal("不属于民间纠纷", @case.DeclineReason);
        Assert.Equal(_scenario.Today, @case.ConcludedOn);
        Assert.Equal($"不予受理日期 {_scenario.Today.ToLabel()}；不予受理理由：不属于民间纠纷", @case.History[^1].Details);
    }

    [Fact]
    public void Decline_without_a_reason_is_invalid_and_changes_nothing()
    {
        var @case = _scenario.In(CaseStatus.Filed);
        var before = Snapshot(@case);

        var result = @case.Decline(Actors.VillageHead, _scenario.Tick(), new DeclineInput(" ", _scenario.Today));

        Assert.Equal(WorkflowResultKind.Invalid, result.Kind);
        Assert.Equal([new FieldError("Reason", "请填写不予受理理由")], result.Errors);
        Assert.Equal([CaseTrigger.Accept, CaseTrigger.Decline], result.PermittedTriggers);
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void The_state_is_checked_before_the_data()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Assert.Equal(WorkflowResultKind.NotAllowedInState, @case.ReturnReferral(Actors.JudicialOffice, _scenario.Tick(), new ReturnReferralInput("", _scenario.Today)).Kind);
    }

    [Fact]
    public void A_reason_longer_than_500_characters_is_invalid()
    {
        var @case = _scenario.In(CaseStatus.ReferralPending);

        Ok(@case.ReturnReferral(Actors.JudicialOffice, _scenario.Tick(), new ReturnReferralInput(new string('意', 500), _scenario.Today)));
        Ok(_scenario.Fire(@case, CaseTrigger.Refer, Actors.Lead));
        Assert.Equal(
            [new FieldError("Comment", "退回意见不能超过 500 字")],
            @case.ReturnReferral(Actors.JudicialOffice, _scenario.Tick(), new ReturnReferralInput(new string('意', 501), _scenario.Today)).Errors);
    }

    [Fact]
    public void Record_session_with_bad_data_reports_every_field()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var now = _scenario.Tick();
        var before = Snapshot(@case);

        var result = @case.RecordSession(Actors.Lead, now, new SessionInput(ChinaClock.Today(now).AddDays(1), 0, "", ""));

        Assert.Equal(
            ["HeldOn", "VenueId", "Attendees", "Summary"],
            result.Errors.Select(e => e.Field));
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void Record_session_before_acceptance_is_invalid()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        var result = @case.RecordSession(Actors.Lead, _scenario.Tick(), new SessionInput(@case.AcceptedOn!.Value.AddDays(-1), 3, "张三", "调解"));

        Assert.Equal([new FieldError("HeldOn", $"调解日期不能早于受理日期（{@case.AcceptedOn.Value.ToLabel()}）")], result.Errors);
    }

    [Fact]
    public void The_first_session_sets_the_venue_of_a_case_that_had_none()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Assert.Equal(3, @case.VenueId);
        Ok(@case.RecordSession(Actors.Lead, _scenario.Tick(), new SessionInput(_scenario.Today, 5, "张三、李四", "第二次调解")));
        Assert.Equal(3, @case.VenueId);
    }

    [Fact]
    public void Resolve_keeps_the_agreement_and_concludes_the_case()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Ok(_scenario.Fire(@case, CaseTrigger.Resolve, Actors.Lead));

        Assert.Equal(AgreementKind.Written, @case.Agreement?.Kind);
        Assert.Equal(_scenario.Today, @case.Agreement?.EffectiveOn);
        Assert.Equal(_scenario.Today.AddDays(30), @case.Agreement?.JudicialConfirmationDeadline);
        Assert.Equal(_scenario.Today, @case.ConcludedOn);
        Assert.StartsWith("书面（调解协议书）；协议日期", @case.History[^1].Details, StringComparison.Ordinal);
        Assert.Contains("\"Terms\":\"被申请人于十日内疏通排水沟并赔偿申请人500元。\"", @case.History[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_agreement_needs_the_contents_the_law_requires()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var agreement = new AgreementInput { Kind = AgreementKind.Written, Terms = "赔偿500元", SignedOn = _scenario.Today };

        var result = @case.Resolve(Actors.Lead, _scenario.Tick(), agreement);

        Assert.Equal(["Facts", "MattersInDispute", "Responsibilities", "PerformanceManner"], result.Errors.Select(e => e.Field));
        Assert.Equal(CaseStatus.Mediating, @case.Status);
    }

    [Fact]
    public void An_oral_agreement_needs_only_its_terms()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var withoutTerms = new AgreementInput { Kind = AgreementKind.Oral, Terms = " ", SignedOn = _scenario.Today };

        Assert.Equal([new FieldError("Terms", "请填写协议内容")], @case.Resolve(Actors.Lead, _scenario.Tick(), withoutTerms).Errors);
        Ok(@case.Resolve(Actors.Lead, _scenario.Tick(), withoutTerms with { Terms = "李四当场赔礼道歉" }));
        Assert.Equal(AgreementKind.Oral, @case.Agreement?.Kind);
    }

    [Fact]
    public void The_agreed_amount_and_the_group_petition_mark_go_into_the_agreement_and_its_history_entry()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var agreement = new AgreementInput { Kind = AgreementKind.Oral, Terms = "张三支付李四工资8000元", SignedOn = _scenario.Today };

        Assert.Equal([new FieldError("AgreedAmount", "协议金额不能为负数")], @case.Resolve(Actors.Lead, _scenario.Tick(), agreement with { AgreedAmount = -1m }).Errors);
        Assert.Equal([new FieldError("AgreedAmount", "协议金额最多两位小数")], @case.Resolve(Actors.Lead, _scenario.Tick(), agreement with { AgreedAmount = 1.005m }).Errors);
        Ok(@case.Resolve(Actors.Lead, _scenario.Tick(), agreement with { AgreedAmount = 8000m, PreventedGroupPetition = true }));

        Assert.Equal(8000m, @case.Agreement?.AgreedAmount);
        Assert.Equal((8000m, true), (@case.History[^1].AgreedAmount, @case.History[^1].PreventedGroupPetition));
        Assert.EndsWith("；协议金额 8000元；防止群体性上访", @case.History[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_keeps_what_it_found_in_its_history_entry()
    {
        var @case = _scenario.In(CaseStatus.Resolved);

        Ok(@case.RecordFollowUp(Actors.Lead, _scenario.Tick(), new FollowUpInput(_scenario.Today, PerformanceStatus.Partial, null)));

        Assert.Equal(PerformanceStatus.Partial, @case.History[^1].Performance);
        Assert.Null(@case.History[0].Performance);
    }

    [Fact]
    public void A_decided_judicial_confirmation_needs_its_outcome()
    {
        var @case = _scenario.In(CaseStatus.Resolved);
        var applied = new JudicialConfirmationInput(true, _scenario.Today, "陈家桥人民法庭", "裁定驳回", _scenario.Today);

        Assert.Equal([new FieldError("Outcome", "请选择裁定结论（确认有效或驳回申请）")], @case.RecordJudicialConfirmation(Actors.Lead, _scenario.Tick(), applied).Errors);
        Ok(@case.RecordJudicialConfirmation(Actors.Lead, _scenario.Tick(), applied with { Outcome = JudicialOutcome.Rejected }));

        Assert.Equal(JudicialOutcome.Rejected, @case.JudicialConfirmation?.Outcome);
        Assert.Contains("裁定结论：驳回申请", @case.History[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_dates_must_be_consistent()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var today = _scenario.Today;
        var agreement = WrittenAgreement(today.AddDays(1)) with { EffectiveOn = today, PerformanceDeadline = today };

        var result = @case.Resolve(Actors.Lead, _scenario.Tick(), agreement);

        Assert.Equal(["SignedOn", "EffectiveOn", "PerformanceDeadline"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Refer_records_the_referral_without_concluding_the_case()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Ok(_scenario.Fire(@case, CaseTrigger.Refer, Actors.Lead));

        Assert.Equal((1, "涉及人身伤害，需由派出所处理", true, _scenario.Today), (@case.Referral!.TargetId, @case.Referral.Reason, @case.Referral.Urgent, @case.Referral.ReferredOn));
        Assert.Null(@case.ConcludedOn);
        Assert.Equal($"移交日期 {_scenario.Today.ToLabel()}；移交理由：涉及人身伤害，需由派出所处理；紧急（有暴力风险）", @case.History[^1].Details);
        Assert.Contains("\"TargetId\":1", @case.History[^1].Data, StringComparison.Ordinal);
        Assert.Contains("\"Urgent\":true", @case.History[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Refer_needs_a_target_and_a_reason()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        var result = @case.Refer(Actors.Lead, _scenario.Tick(), new ReferInput(0, "", Urgent: false, _scenario.Today));

        Assert.Equal([new FieldError("TargetId", "请选择移交去向"), new FieldError("Reason", "请填写移交理由")], result.Errors);
    }

    [Fact]
    public void Approve_referral_records_the_receiving_body_and_concludes_the_case()
    {
        var @case = _scenario.In(CaseStatus.ReferralPending);

        Ok(@case.ApproveReferral(Actors.JudicialOffice, _scenario.Tick(), new ApproveReferralInput("陈家桥人民法庭", null, _scenario.Today)));

        Assert.Equal(("陈家桥人民法庭", (string?)null), (@case.Referral!.ReceivingBody, @case.Referral.ReceiptNumber));
        Assert.Equal(_scenario.Today, @case.ConcludedOn);
    }

    [Fact]
    public void Approve_referral_needs_the_receiving_body()
    {
        var @case = _scenario.In(CaseStatus.ReferralPending);

        Assert.Equal(
            [new FieldError("ReceivingBody", "请填写接收单位")],
            @case.ApproveReferral(Actors.JudicialOffice, _scenario.Tick(), new ApproveReferralInput("", "123", _scenario.Today)).Errors);
    }

    [Fact]
    public void Return_referral_sends_the_case_back_to_mediation_with_the_comment_and_the_same_due_date()
    {
        var @case = _scenario.In(CaseStatus.ReferralPending);
        var dueOn = @case.DueOn;

        Ok(@case.ReturnReferral(Actors.JudicialOffice, _scenario.Tick(), new ReturnReferralInput("可先行调解", _scenario.Today)));

        Assert.Equal(CaseStatus.Mediating, @case.Status);
        Assert.Equal("可先行调解", @case.Referral?.ReturnComment);
        Assert.Equal(dueOn, @case.DueOn);
    }

    [Fact]
    public void Terminate_for_another_reason_needs_a_note()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Assert.Equal(
            [new FieldError("Note", "请填写终止说明")],
            @case.Terminate(Actors.Lead, _scenario.Tick(), new TerminateInput(TerminationReason.Other, null, _scenario.Today)).Errors);
        Ok(@case.Terminate(Actors.Lead, _scenario.Tick(), new TerminateInput(TerminationReason.PartyRefused, null, _scenario.Today)));
        Assert.Equal(TerminationReason.PartyRefused, @case.TerminationReason);
        Assert.Equal(_scenario.Today, @case.ConcludedOn);
        Assert.Equal($"终止日期 {_scenario.Today.ToLabel()}；终止原因：一方明确拒绝调解（人民调解法第十七条）", @case.History[^1].Details);
    }

    [Fact]
    public void Terminate_a_filed_case_is_allowed()
    {
        var @case = _scenario.In(CaseStatus.Filed);

        Ok(@case.Terminate(Actors.Lead, _scenario.Tick(), new TerminateInput(TerminationReason.ApplicantWithdrew, null, _scenario.Today)));

        Assert.Equal(CaseStatus.Terminated, @case.Status);
    }

    [Fact]
    public void An_undefined_enum_value_is_invalid()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Assert.Equal(
            [new FieldError("Reason", "请选择终止原因")],
            @case.Terminate(Actors.Lead, _scenario.Tick(), new TerminateInput((TerminationReason)42, "x", _scenario.Today)).Errors);
    }

    [Fact]
    public void A_time_that_is_not_utc_is_a_programming_error()
    {
        var @case = _scenario.In(CaseStatus.Filed);

        Assert.Throws<ArgumentException>(() => @case.Accept(Actors.Lead, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Local), new AcceptInput(new DateOnly(2026, 3, 2))));
        Assert.Throws<ArgumentException>(() => @case.Decline(Actors.Lead, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Unspecified), new DeclineInput("x", new DateOnly(2026, 3, 2))));
        Assert.Equal(CaseStatus.Filed, @case.Status);
    }
}
