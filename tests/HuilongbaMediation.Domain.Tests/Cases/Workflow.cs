using HuilongbaMediation.Domain.Cases;
using static HuilongbaMediation.Domain.Cases.CaseStatus;
using static HuilongbaMediation.Domain.Cases.CaseTrigger;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>DOMAIN.md's workflow table, written out again for the tests to hold the machine to.</summary>
internal static class Workflow
{
    public static readonly IReadOnlyDictionary<(CaseStatus From, CaseTrigger Trigger), CaseStatus> Table =
        new Dictionary<(CaseStatus, CaseTrigger), CaseStatus>
        {
            [(Filed, Accept)] = Mediating,
            [(Filed, Decline)] = Declined,
            [(Filed, Terminate)] = Terminated,
            [(Mediating, RecordSession)] = Mediating,
            [(Mediating, Resolve)] = Resolved,
            [(Mediating, Refer)] = ReferralPending,
            [(Mediating, Terminate)] = Terminated,
            [(ReferralPending, ApproveReferral)] = ReferralApproved,
            [(ReferralPending, ReturnReferral)] = Mediating,
            [(Resolved, Reopen)] = Mediating,
        };

    /// <summary>The states a case can be stored in: every state but the superstate Referred.</summary>
    public static readonly IReadOnlyList<CaseStatus> LeafStates = [.. Enum.GetValues<CaseStatus>().Where(s => s != Referred)];

    /// <summary>Who may fire each trigger (the table's "who" column).</summary>
    public static readonly IReadOnlyDictionary<CaseTrigger, Persona[]> Who = new Dictionary<CaseTrigger, Persona[]>
    {
        [Accept] = [Persona.Lead, Persona.VillageHead, Persona.JudicialOffice],
        [Decline] = [Persona.Lead, Persona.VillageHead, Persona.JudicialOffice],
        [RecordSession] = [Persona.Lead, Persona.Assistant, Persona.JudicialOffice],
        [Resolve] = [Persona.Lead, Persona.Assistant, Persona.JudicialOffice],
        [Refer] = [Persona.Lead, Persona.Assistant, Persona.JudicialOffice],
        [Terminate] = [Persona.Lead, Persona.Assistant, Persona.JudicialOffice],
        [ApproveReferral] = [Persona.JudicialOffice],
        [ReturnReferral] = [Persona.JudicialOffice],
        [Reopen] = [Persona.Lead, Persona.Assistant, Persona.JudicialOffice],
    };

    /// <summary>The state each recorded action is allowed in.</summary>
    public static bool Allows(CaseAction action, CaseStatus status) => action switch
    {
        CaseAction.AssignMediators => status is Filed or Mediating,
        CaseAction.ExtendDeadline or CaseAction.ScheduleSession => status is Mediating,
        CaseAction.RecordFollowUp or CaseAction.RecordJudicialConfirmation => status is Resolved,
        CaseAction.RevealPersonalData or CaseAction.IssueOriginal => true,
        CaseAction.CorrectParty or CaseAction.AddParty or CaseAction.AssignCommittee => true,
        _ => false,
    };

    /// <summary>The triggers the table permits from a state, in table order.</summary>
    public static IReadOnlyList<CaseTrigger> From(CaseStatus status) =>
        [.. Enum.GetValues<CaseTrigger>().Where(t => Table.ContainsKey((status, t)))];
}
