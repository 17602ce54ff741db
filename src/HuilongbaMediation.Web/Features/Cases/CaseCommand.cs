using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>What a button on the case page does: a workflow trigger or a recorded action, each with its dialog.</summary>
public enum CaseCommand
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
    RecordFollowUp,
    RecordJudicialConfirmation,
}

public static class CaseCommands
{
    /// <summary>The buttons of the case page, in workflow-table order, for what this user may do now.</summary>
    public static IReadOnlyList<CaseCommand> For(CaseDetails details) =>
    [
        .. details.PermittedTriggers.Select(t => Enum.Parse<CaseCommand>(t.ToString())),
        .. details.PermittedActions.Where(a => a != CaseAction.RevealPersonalData && a != CaseAction.File).Select(a => Enum.Parse<CaseCommand>(a.ToString())),
    ];

    /// <summary>The command that concludes or moves the case on: shown as the main (filled) button.</summary>
    public static bool IsPrimary(CaseCommand command) =>
        command is CaseCommand.Accept or CaseCommand.Resolve or CaseCommand.RecordSession or CaseCommand.ApproveReferral;
}
