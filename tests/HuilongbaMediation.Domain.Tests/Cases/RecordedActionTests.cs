using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

public sealed class RecordedActionTests
{
    private readonly Scenario _scenario = new();

    public static TheoryData<CaseAction, CaseStatus> EveryRecordedActionAndState()
    {
        var data = new TheoryData<CaseAction, CaseStatus>();
        foreach (var action in Enum.GetValues<CaseAction>().Where(a => a != CaseAction.File))
        {
            foreach (var status in Workflow.LeafStates)
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRecordedActionAndState))]
    public void A_recorded_action_writes_history_in_its_states_and_is_refused_in_the_others(CaseAction action, CaseStatus status)
    {
        var @case = _scenario.In(status);
        var before = Snapshot(@case);
        var historyCount = @case.History.Count;

        var result = _scenario.Record(@case, action, Actors.JudicialOffice);

        if (Workflow.Allows(action, status))
        {
            Ok(result);
            Assert.Equal(status, @case.Status);
            Assert.Equal(historyCount + 1, @case.History.Count);
            var entry = @case.History[^1];
            Assert.Equal((status, status, action.ToString()), (entry.FromStatus!.Value, entry.ToStatus, entry.Action));
            Assert.Equal((Actors.JudicialOffice.UserId, _scenario.Now), (entry.ActorId, entry.AtUtc));
        }
        else
        {
            Assert.Equal(WorkflowResultKind.NotAllowedInState, result.Kind);
            Assert.Equal($"「{status.ToLabel()}」的案件不能「{action.ToLabel()}」", result.Message);
            Assert.Equal(Workflow.From(status), result.PermittedTriggers);
            Assert.Equal(before, Snapshot(@case));
        }
    }

    [Fact]
    public void Assign_mediators_replaces_the_lead_and_assistants()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var assignment = new MediatorAssignment(new MediatorRef("m3", "钱调解"), [new MediatorRef("m4", "孙调解"), new MediatorRef(Actors.Lead.UserId, "王主办")]);

        Ok(@case.AssignMediators(Actors.VillageHead, _scenario.Tick(), assignment));

        Assert.Equal([("m3", true), ("m4", false), (Actors.Lead.UserId, false)], @case.Mediators.Select(m => (m.UserId, m.IsLead)));
        Assert.Equal("主办调解员：钱调解；协办调解员：孙调解、王主办", @case.History[^1].Details);
    }

    [Fact]
    public void Assign_mediators_refuses_a_missing_lead_and_duplicates()
    {
        var @case = _scenario.FileCase();

        var noLead = @case.AssignMediators(Actors.VillageHead, _scenario.Tick(), new MediatorAssignment(new MediatorRef("", ""), []));
        var twice = @case.AssignMediators(Actors.VillageHead, _scenario.Tick(), new MediatorAssignment(new MediatorRef("m1", "甲"), [new MediatorRef("m1", "甲")]));

        Assert.Equal([new FieldError("Lead", "请选择主办调解员")], noLead.Errors);
        Assert.Equal([new FieldError("Assistants", "同一调解员不能重复指定")], twice.Errors);
        Assert.Empty(@case.Mediators);
    }

    [Fact]
    public void Extend_deadline_moves_the_due_date_later_with_a_reason()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var dueOn = @case.DueOn!.Value;

        Ok(@case.ExtendDeadline(Actors.JudicialOffice, _scenario.Tick(), new ExtendDeadlineInput(dueOn.AddDays(15), "当事人住院")));

        Assert.Equal(dueOn.AddDays(15), @case.DueOn);
        Assert.Equal($"办结期限由 {dueOn.ToLabel()} 延长至 {dueOn.AddDays(15).ToLabel()}；理由：当事人住院", @case.History[^1].Details);
    }

    [Fact]
    public void Extend_deadline_to_the_same_or_an_earlier_date_or_without_reason_is_invalid()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var dueOn = @case.DueOn!.Value;

        var result = @case.ExtendDeadline(Actors.JudicialOffice, _scenario.Tick(), new ExtendDeadlineInput(dueOn, ""));

        Assert.Equal(["NewDueOn", "Reason"], result.Errors.Select(e => e.Field));
        Assert.Equal(dueOn, @case.DueOn);
    }

    [Fact]
    public void Extending_an_overdue_case_to_a_date_already_past_is_refused()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var dueOn = @case.DueOn!.Value;
        var weeksLater = _scenario.Now.AddDays(MediationCase.MediationDays + 27);
        var today = ChinaClock.Today(weeksLater);

        var result = @case.ExtendDeadline(Actors.JudicialOffice, weeksLater, new ExtendDeadlineInput(dueOn.AddDays(15), "当事人外出"));

        Assert.Equal([new FieldError("NewDueOn", $"新的办结期限不能早于今天（{today.ToLabel()}）")], result.Errors);
        Assert.Equal(dueOn, @case.DueOn);
        Ok(@case.ExtendDeadline(Actors.JudicialOffice, weeksLater, new ExtendDeadlineInput(today, "当事人外出")));
        Assert.Equal(today, @case.DueOn);
    }

    [Fact]
    public void A_follow_up_is_recorded_with_who_and_when()
    {
        var @case = _scenario.In(CaseStatus.Resolved);

        Ok(@case.RecordFollowUp(Actors.Assistant, _scenario.Tick(), new FollowUpInput(_scenario.Today, PerformanceStatus.Full, "已付清")));

        var visit = @case.FollowUps[^1];
        Assert.Equal((PerformanceStatus.Full, "已付清", Actors.Assistant.UserId, _scenario.Now), (visit.Performance, visit.Notes, visit.RecordedById, visit.RecordedAtUtc));
        Assert.EndsWith("履行情况：全部履行；已付清", @case.History[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_before_the_agreement_or_in_the_future_is_invalid()
    {
        var @case = _scenario.In(CaseStatus.Resolved);
        var signedOn = @case.Agreement!.SignedOn;

        Assert.Equal(
            [new FieldError("VisitedOn", $"回访日期不能早于协议日期（{signedOn.ToLabel()}）")],
            @case.RecordFollowUp(Actors.Lead, _scenario.Tick(), new FollowUpInput(signedOn.AddDays(-1), PerformanceStatus.None, null)).Errors);
        Assert.Equal(
            [new FieldError("VisitedOn", $"回访日期不能晚于今天（{_scenario.Today.ToLabel()}）")],
            @case.RecordFollowUp(Actors.Lead, _scenario.Tick(), new FollowUpInput(_scenario.Today.AddDays(1), PerformanceStatus.None, null)).Errors);
    }

    [Fact]
    public void Judicial_confirmation_may_be_applied_for_up_to_thirty_days_after_the_agreement_takes_effect()
    {
        var @case = _scenario.In(CaseStatus.Resolved);
        var effectiveOn = @case.Agreement!.EffectiveOn;
        var later = _scenario.Now.AddDays(40);

        var onTheLastDay = @case.RecordJudicialConfirmation(Actors.Lead, later, new JudicialConfirmationInput(true, effectiveOn.AddDays(30), "沙坪坝区人民法院", null));
        var aDayLate = @case.RecordJudicialConfirmation(Actors.Lead, later, new JudicialConfirmationInput(true, effectiveOn.AddDays(31), "沙坪坝区人民法院", null));

        Ok(onTheLastDay);
        Assert.Equal("AppliedOn", Assert.Single(aDayLate.Errors).Field);
        Assert.StartsWith("须在协议生效之日起 30 日内", aDayLate.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(effectiveOn.AddDays(30), @case.JudicialConfirmation?.AppliedOn);
    }

    [Fact]
    public void Judicial_confirmation_checks_its_fields_together()
    {
        var @case = _scenario.In(CaseStatus.Resolved);

        var applied = @case.RecordJudicialConfirmation(Actors.Lead, _scenario.Tick(), new JudicialConfirmationInput(false, _scenario.Today, null, null));
        var resultWithoutApplying = @case.RecordJudicialConfirmation(Actors.Lead, _scenario.Tick(), new JudicialConfirmationInput(true, null, null, "确认有效"));

        Assert.Equal(["IntendsToApply", "Court"], applied.Errors.Select(e => e.Field));
        Assert.Equal([new FieldError("Result", "尚未申请司法确认，不能填写确认结果")], resultWithoutApplying.Errors);
        Ok(@case.RecordJudicialConfirmation(Actors.Lead, _scenario.Tick(), new JudicialConfirmationInput(true, null, null, null)));
        Assert.Equal("当事人有意申请司法确认", @case.History[^1].Details);
    }

    [Theory]
    [InlineData(PersonalDataField.IdNumber)]
    [InlineData(PersonalDataField.Phone)]
    public void Revealing_personal_data_returns_it_in_full_and_records_whose_and_which(PersonalDataField field)
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        var revealed = Ok(@case.RevealPersonalData(Actors.Assistant, _scenario.Tick(), 1, field));

        Assert.Equal(field == PersonalDataField.IdNumber ? ApplicantIdNumber : ApplicantPhone, revealed);
        var entry = @case.History[^1];
        Assert.Equal(("RevealPersonalData", Actors.Assistant.UserId), (entry.Action, entry.ActorId));
        Assert.Equal($"查看当事人张三的完整{field.ToLabel()}", entry.Details);
        Assert.DoesNotContain(revealed, entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Revealing_data_of_an_unknown_party_or_data_not_on_file_is_invalid()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var historyCount = @case.History.Count;

        var unknown = @case.RevealPersonalData(Actors.Lead, _scenario.Tick(), 99, PersonalDataField.Phone);
        var noIdNumber = @case.RevealPersonalData(Actors.Lead, _scenario.Tick(), 2, PersonalDataField.IdNumber);

        Assert.Equal([new FieldError("PartyId", "当事人不存在")], unknown.Errors);
        Assert.Equal([new FieldError("Field", "该当事人未登记身份证号")], noIdNumber.Errors);
        Assert.Throws<InvalidOperationException>(() => unknown.Value);
        Assert.Equal(historyCount, @case.History.Count);
    }

    [Theory]
    [InlineData(Persona.VillageHead)]
    [InlineData(Persona.VillageMediator)]
    [InlineData(Persona.Admin)]
    public void Only_the_judicial_office_and_the_cases_mediators_may_reveal_personal_data(Persona persona)
    {
        var @case = _scenario.In(CaseStatus.Declined);

        var result = @case.RevealPersonalData(Actors.For(persona), _scenario.Tick(), 1, PersonalDataField.IdNumber);

        Assert.Equal(WorkflowResultKind.Forbidden, result.Kind);
        Assert.Equal("「查看完整信息」限本案调解员或司法所", result.Message);
    }
}
