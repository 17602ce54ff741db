using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>Random walks over the workflow: whatever anyone tries, the case stays on the table's graph.</summary>
public sealed class WorkflowPropertyTests
{
    /// <summary>A step: a trigger or a recorded action (with valid data) tried by one of the personas.</summary>
    public sealed record Step(StepKind Kind, Persona Persona);

    public enum StepKind
    {
        Accept,
        Decline,
        RecordSession,
        Resolve,
        Refer,
        Terminate,
        ApproveReferral,
        ReturnReferral,
        Reopen,
        AssignMediators,
        ExtendDeadline,
        FollowUpFull,
        FollowUpPartial,
        RecordJudicialConfirmation,
        RevealPersonalData,
    }

    /// <summary>
    /// Steps by the lead, the village head and the judicial office come three times as often as others, so that
    /// walks get deep into the graph; everyone still tries everything.
    /// </summary>
    public static class Steps
    {
        public static Arbitrary<Step> Step() =>
            Gen.Elements(Enum.GetValues<StepKind>())
                .Zip(Gen.Elements([.. Enum.GetValues<Persona>(), .. Repeat(Persona.Lead), .. Repeat(Persona.VillageHead), .. Repeat(Persona.JudicialOffice)]))
                .Select(pair => new Step(pair.Item1, pair.Item2))
                .ToArbitrary();

        private static Persona[] Repeat(Persona persona) => [persona, persona];
    }

    [Property(MaxTest = 300, StartSize = 100, EndSize = 400, Arbitrary = [typeof(Steps)])]
    public void Random_steps_never_leave_the_graph_and_the_history_replays_to_the_status(Step[] steps)
    {
        var scenario = new Scenario();
        var @case = scenario.FileCase();

        foreach (var step in steps)
        {
            var from = @case.Status;
            var historyCount = @case.History.Count;

            var result = Take(scenario, @case, step);

            Assert.Contains(@case.Status, Workflow.LeafStates);
            if (!result.IsOk)
            {
                Assert.Equal((from, historyCount), (@case.Status, @case.History.Count));
            }
            else if (Enum.TryParse<CaseTrigger>(step.Kind.ToString(), out var trigger))
            {
                Assert.Equal(Workflow.Table[(from, trigger)], @case.Status);
            }
            else
            {
                Assert.Equal(from, @case.Status);
            }
        }

        CaseStatus? replayed = null;
        foreach (var entry in @case.History)
        {
            Assert.Equal(replayed, entry.FromStatus);
            Assert.Equal(ExpectedTo(entry), entry.ToStatus);
            replayed = entry.ToStatus;
        }

        Assert.Equal(@case.Status, replayed);
    }

    /// <summary>Where an entry must lead according to the table: transitions by their trigger, actions stay put.</summary>
    private static CaseStatus ExpectedTo(HistoryEntry entry) =>
        entry.FromStatus is not { } from ? CaseStatus.Filed
        : Enum.TryParse<CaseTrigger>(entry.Action, out var trigger) ? Workflow.Table[(from, trigger)]
        : from;

    private static WorkflowResult Take(Scenario scenario, MediationCase @case, Step step)
    {
        var actor = Actors.For(step.Persona);
        return step.Kind switch
        {
            StepKind.AssignMediators => scenario.Record(@case, CaseAction.AssignMediators, actor),
            StepKind.ExtendDeadline => scenario.Record(@case, CaseAction.ExtendDeadline, actor),
            StepKind.FollowUpFull => scenario.Record(@case, CaseAction.RecordFollowUp, actor, PerformanceStatus.Full),
            StepKind.FollowUpPartial => scenario.Record(@case, CaseAction.RecordFollowUp, actor, PerformanceStatus.Partial),
            StepKind.RecordJudicialConfirmation => scenario.Record(@case, CaseAction.RecordJudicialConfirmation, actor),
            StepKind.RevealPersonalData => scenario.Record(@case, CaseAction.RevealPersonalData, actor),
            _ => scenario.Fire(@case, Enum.Parse<CaseTrigger>(step.Kind.ToString()), actor),
        };
    }
}
