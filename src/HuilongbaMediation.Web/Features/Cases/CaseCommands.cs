using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Cases.Components.Commands;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>
/// A button of the case page: a workflow trigger or a recorded action, and the form that carries its input record.
/// <see cref="Name"/> is the trigger's or action's own name (resource keys <c>Command.{Name}</c>, test ids <c>action-{Name}</c>).
/// </summary>
/// <param name="Wide">The form is a grid of fields (a party's details) and opens in a wider dialog.</param>
public sealed record CaseCommand(string Name, Type Form, bool IsPrimary = false, bool IsDestructive = false, bool Wide = false);

public static class CaseCommands
{
    /// <summary>Each trigger's form, in workflow-table order.</summary>
    public static readonly IReadOnlyDictionary<CaseTrigger, CaseCommand> ForTrigger = new Dictionary<CaseTrigger, CaseCommand>
    {
        [CaseTrigger.Accept] = new(nameof(CaseTrigger.Accept), typeof(AcceptForm), IsPrimary: true),
        [CaseTrigger.Decline] = new(nameof(CaseTrigger.Decline), typeof(DeclineForm), IsDestructive: true),
        [CaseTrigger.RecordSession] = new(nameof(CaseTrigger.RecordSession), typeof(SessionForm), IsPrimary: true),
        [CaseTrigger.Resolve] = new(nameof(CaseTrigger.Resolve), typeof(ResolveForm), IsPrimary: true),
        [CaseTrigger.Refer] = new(nameof(CaseTrigger.Refer), typeof(ReferForm)),
        [CaseTrigger.Terminate] = new(nameof(CaseTrigger.Terminate), typeof(TerminateForm), IsDestructive: true),
        [CaseTrigger.ApproveReferral] = new(nameof(CaseTrigger.ApproveReferral), typeof(ApproveReferralForm), IsPrimary: true),
        [CaseTrigger.ReturnReferral] = new(nameof(CaseTrigger.ReturnReferral), typeof(ReturnReferralForm)),
        [CaseTrigger.Reopen] = new(nameof(CaseTrigger.Reopen), typeof(ReopenForm)),
    };

    /// <summary>The forms of the recorded actions a user takes from the case page (filing and revealing have their own places).</summary>
    public static readonly IReadOnlyDictionary<CaseAction, CaseCommand> ForAction = new Dictionary<CaseAction, CaseCommand>
    {
        [CaseAction.AssignMediators] = new(nameof(CaseAction.AssignMediators), typeof(AssignMediatorsForm)),
        [CaseAction.ScheduleSession] = new(nameof(CaseAction.ScheduleSession), typeof(ScheduleSessionForm)),
        [CaseAction.ExtendDeadline] = new(nameof(CaseAction.ExtendDeadline), typeof(ExtendDeadlineForm)),
        [CaseAction.RecordFollowUp] = new(nameof(CaseAction.RecordFollowUp), typeof(FollowUpForm)),
        [CaseAction.RecordJudicialConfirmation] = new(nameof(CaseAction.RecordJudicialConfirmation), typeof(JudicialConfirmationForm)),
        [CaseAction.AddParty] = new(nameof(CaseAction.AddParty), typeof(AddPartyForm), Wide: true),
        [CaseAction.AssignCommittee] = new(nameof(CaseAction.AssignCommittee), typeof(AssignCommitteeForm)),
    };

    /// <summary>更正当事人信息: a button on each party of the case page, not among the case's buttons.</summary>
    public static readonly CaseCommand CorrectParty = new(nameof(CaseAction.CorrectParty), typeof(CorrectPartyForm), Wide: true);

    /// <summary>The buttons of the case page, in workflow-table order, for what this user may do now.</summary>
    public static IReadOnlyList<CaseCommand> For(CaseDetails details) =>
    [
        .. details.PermittedTriggers.Select(t => ForTrigger[t]),
        .. details.PermittedActions.Where(ForAction.ContainsKey).Select(a => ForAction[a]),
    ];
}
