using HuilongbaMediation.Domain.Cases;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

public sealed class GuardTests
{
    [Theory]
    [InlineData(Persona.VillageHead)]
    [InlineData(Persona.JudicialOffice)]
    public void Accept_without_lead_mediator_is_refused(Persona persona)
    {
        var scenario = new Scenario();
        var @case = scenario.FileCase();
        var before = Snapshot(@case);

        var result = scenario.Fire(@case, CaseTrigger.Accept, Actors.For(persona));

        Assert.Equal(WorkflowResultKind.NotAllowedInState, result.Kind);
        Assert.Equal("受理前须指定主办调解员", result.Message);
        Assert.DoesNotContain(CaseTrigger.Accept, result.PermittedTriggers);
        Assert.Contains(CaseTrigger.Decline, result.PermittedTriggers);
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void Accept_sets_accepted_on_to_the_china_date_and_due_on_thirty_days_later()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Filed);
        var lateEveningUtc = new DateTime(2026, 3, 31, 16, 30, 0, DateTimeKind.Utc); // 00:30 on 1 April in China

        Ok(@case.Accept(Actors.Lead, lateEveningUtc, new AcceptInput(HuilongbaMediation.Domain.Common.ChinaClock.Today(lateEveningUtc))));

        Assert.Equal(new DateOnly(2026, 4, 1), @case.AcceptedOn);
        Assert.Equal(new DateOnly(2026, 5, 1), @case.DueOn);
        Assert.Equal("受理日期 2026年4月1日；办结期限 2026年5月1日", @case.History[^1].Details);
        Assert.Contains("\"DueOn\":\"2026-05-01\"", @case.History[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_without_a_recorded_session_is_refused()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Filed);
        Ok(scenario.Fire(@case, CaseTrigger.Accept, Actors.Lead));
        var before = Snapshot(@case);

        var result = scenario.Fire(@case, CaseTrigger.Resolve, Actors.Lead);

        Assert.Equal(WorkflowResultKind.NotAllowedInState, result.Kind);
        Assert.Equal("调解成功前须至少记录一次调解", result.Message);
        Assert.Equal([CaseTrigger.RecordSession, CaseTrigger.Refer, CaseTrigger.Terminate], result.PermittedTriggers);
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void Reopen_without_a_follow_up_is_refused()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Mediating);
        Ok(scenario.Fire(@case, CaseTrigger.Resolve, Actors.Lead));
        var before = Snapshot(@case);

        var result = scenario.Fire(@case, CaseTrigger.Reopen, Actors.Lead);

        Assert.Equal(WorkflowResultKind.NotAllowedInState, result.Kind);
        Assert.StartsWith("重新调解须有", result.Message, StringComparison.Ordinal);
        Assert.Empty(result.PermittedTriggers);
        Assert.Equal(before, Snapshot(@case));
    }

    [Fact]
    public void Reopen_after_a_follow_up_that_found_full_performance_is_refused()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Mediating);
        Ok(scenario.Fire(@case, CaseTrigger.Resolve, Actors.Lead));
        Ok(scenario.Record(@case, CaseAction.RecordFollowUp, Actors.Lead, PerformanceStatus.Full));

        Assert.Equal(WorkflowResultKind.NotAllowedInState, scenario.Fire(@case, CaseTrigger.Reopen, Actors.Lead).Kind);
    }

    [Theory]
    [InlineData(PerformanceStatus.Partial)]
    [InlineData(PerformanceStatus.None)]
    public void Reopen_after_a_follow_up_that_found_the_agreement_unperformed_restarts_mediation(PerformanceStatus performance)
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Mediating);
        Ok(scenario.Fire(@case, CaseTrigger.Resolve, Actors.Lead));
        Ok(scenario.Record(@case, CaseAction.RecordFollowUp, Actors.Lead, performance));

        Ok(scenario.Fire(@case, CaseTrigger.Reopen, Actors.Assistant));

        Assert.Equal(CaseStatus.Mediating, @case.Status);
        Assert.Equal("回访发现被申请人未按期付款", @case.ReopenReason);
        Assert.Equal(scenario.Today.AddDays(30), @case.DueOn);
        Assert.Null(@case.ConcludedOn);
    }

    [Fact]
    public void Reopen_needs_a_new_follow_up_after_the_case_is_resolved_again()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Resolved);
        Ok(scenario.Fire(@case, CaseTrigger.Reopen, Actors.Lead));
        Ok(scenario.Fire(@case, CaseTrigger.Resolve, Actors.Lead));

        Assert.Equal(WorkflowResultKind.NotAllowedInState, scenario.Fire(@case, CaseTrigger.Reopen, Actors.Lead).Kind);

        Ok(scenario.Record(@case, CaseAction.RecordFollowUp, Actors.Lead, PerformanceStatus.Partial));
        Ok(scenario.Fire(@case, CaseTrigger.Reopen, Actors.Lead));
        Assert.Equal(2, @case.History.Count(h => h.Action == "Resolve"));
    }
}
