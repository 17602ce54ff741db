using HuilongbaMediation.Domain.Cases;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>Every stored state × every trigger, fired by the judicial office (who may fire them all).</summary>
public sealed class WorkflowTableTests
{
    public static TheoryData<CaseStatus, CaseTrigger> EveryStateAndTrigger()
    {
        var data = new TheoryData<CaseStatus, CaseTrigger>();
        foreach (var status in Workflow.LeafStates)
        {
            foreach (var trigger in Enum.GetValues<CaseTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTrigger))]
    public void A_trigger_moves_the_case_as_the_table_says_or_is_refused_without_changing_anything(CaseStatus from, CaseTrigger trigger)
    {
        var scenario = new Scenario();
        var @case = scenario.In(from);
        var before = Snapshot(@case);
        var historyCount = @case.History.Count;

        var result = scenario.Fire(@case, trigger, Actors.JudicialOffice);

        if (Workflow.Table.TryGetValue((from, trigger), out var to))
        {
            Ok(result);
            Assert.Equal(to, @case.Status);
            Assert.Equal(historyCount + 1, @case.History.Count);
            var entry = @case.History[^1];
            Assert.Equal(from, entry.FromStatus);
            Assert.Equal(to, entry.ToStatus);
            Assert.Equal(trigger.ToString(), entry.Action);
            Assert.Equal(Actors.JudicialOffice.UserId, entry.ActorId);
            Assert.Equal(Actors.JudicialOffice.DisplayName, entry.ActorName);
            Assert.Equal(scenario.Now, entry.AtUtc);
            Assert.NotEmpty(entry.Details);
            Assert.StartsWith("{", entry.Data, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(WorkflowResultKind.NotAllowedInState, result.Kind);
            Assert.Equal($"「{from.ToLabel()}」的案件不能「{trigger.ToLabel()}」", result.Message);
            Assert.Equal(Workflow.From(from), result.PermittedTriggers);
            Assert.Equal(before, Snapshot(@case));
        }
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTrigger))]
    public void Permitted_triggers_are_the_tables_for_the_judicial_office(CaseStatus status, CaseTrigger trigger)
    {
        var @case = new Scenario().In(status);

        Assert.Equal(Workflow.Table.ContainsKey((status, trigger)), @case.PermittedTriggers(Actors.JudicialOffice).Contains(trigger));
    }

    [Fact]
    public void Referred_is_a_superstate_of_the_two_referral_states_and_is_never_stored()
    {
        var scenario = new Scenario();
        var pending = scenario.In(CaseStatus.ReferralPending);
        var approved = scenario.In(CaseStatus.ReferralApproved);

        Assert.Equal(CaseStatus.ReferralPending, pending.Status);
        Assert.Equal(CaseStatus.ReferralApproved, approved.Status);
        Assert.True(pending.Machine(Actors.JudicialOffice).IsInState(CaseStatus.Referred));
        Assert.True(approved.Machine(Actors.JudicialOffice).IsInState(CaseStatus.Referred));
        var referred = Assert.Single(pending.Machine(Actors.JudicialOffice).GetInfo().States, s => s.UnderlyingState.Equals(CaseStatus.Referred));
        Assert.Equal(
            [CaseStatus.ReferralPending, CaseStatus.ReferralApproved],
            referred.Substates.Select(s => (CaseStatus)s.UnderlyingState).Order());
    }

    [Fact]
    public void Record_session_is_a_reentry_that_keeps_the_status_and_writes_history()
    {
        var scenario = new Scenario();
        var @case = scenario.In(CaseStatus.Mediating);
        var sessions = @case.Sessions.Count;

        Ok(scenario.Fire(@case, CaseTrigger.RecordSession, Actors.Assistant));

        Assert.Equal(CaseStatus.Mediating, @case.Status);
        Assert.Equal(sessions + 1, @case.Sessions.Count);
        Assert.Equal(Actors.Assistant.UserId, @case.Sessions[^1].RecordedById);
        var entry = @case.History[^1];
        Assert.Equal((CaseStatus.Mediating, CaseStatus.Mediating, "RecordSession"), (entry.FromStatus!.Value, entry.ToStatus, entry.Action));
    }

    [Fact]
    public void Triggers_come_in_workflow_table_order()
    {
        Assert.Equal(
            [CaseTrigger.RecordSession, CaseTrigger.Resolve, CaseTrigger.Refer, CaseTrigger.Terminate],
            new Scenario().In(CaseStatus.Mediating).PermittedTriggers(Actors.Lead));
    }
}
