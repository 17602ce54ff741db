using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// Who may see a case, file one, and do what on it (DOMAIN.md "Who uses it" and the "who" column of the workflow
/// table). The only place these rules live: the workflow machine's guards, the recorded actions and the web
/// layer's authorization handlers all ask here. Whether an operation fits the case's state is the workflow's
/// business, not this class's.
/// </summary>
public static class CaseAccess
{
    /// <summary>
    /// A mediator sees the cases of their village or area and every case assigned to them; a village head the
    /// cases of their village; the judicial office and admins every case.
    /// </summary>
    public static bool CanRead(MediationCase @case, Actor actor) => actor.Role switch
    {
        UserRole.Mediator => @case.VillageId == actor.VillageId || IsAssigned(@case, actor),
        UserRole.VillageHead => @case.VillageId == actor.VillageId,
        UserRole.JudicialOffice or UserRole.Admin => true,
        _ => false,
    };

    /// <summary>Who may file (<see cref="Capability.FileCases"/>), for this village: their own village or area; the judicial office any.</summary>
    public static bool CanFile(Actor actor, int villageId) =>
        Capability.FileCases.Allows(actor) && (actor.Role == UserRole.JudicialOffice || actor.VillageId == villageId);

    /// <summary>Ledgers are imported by <see cref="Capability.ImportLedgers"/>: an import files cases of every village at once.</summary>
    public static bool CanImport(Actor actor) => Capability.ImportLedgers.Allows(actor);

    internal static bool MayFire(MediationCase @case, Actor actor, CaseTrigger trigger) => Includes(WhoFor(trigger), @case, actor);

    internal static string Describe(CaseTrigger trigger) => Describe(WhoFor(trigger));

    /// <summary>
    /// Whether the actor may do the recorded action on this case at all. For AssignMediators that includes a
    /// mediator who may assign themselves (<see cref="MayAssign"/> decides on the actual assignment).
    /// </summary>
    internal static bool MayRecord(MediationCase @case, Actor actor, CaseAction action) =>
        (Includes(WhoFor(action), @case, actor) && (!IsCorrection(action) || !IsConcluded(@case) || actor.Role == UserRole.JudicialOffice))
        || (action == CaseAction.AssignMediators && MaySelfAssign(@case, actor));

    internal static string Describe(CaseAction action) => action switch
    {
        CaseAction.AssignMediators => Describe(WhoFor(action)) + "；调解员可在登记后指定自己为主办调解员",
        _ when IsCorrection(action) => Describe(WhoFor(action)) + "；案件办结后限司法所",
        _ => Describe(WhoFor(action)),
    };

    /// <summary>
    /// Corrections after filing (a party's details, a party added, the handling committee): the case's mediators and the
    /// judicial office while the case is open; once it is concluded its documents are signed and filed, so the judicial
    /// office alone corrects it.
    /// </summary>
    private static bool IsCorrection(CaseAction action) => action is CaseAction.CorrectParty or CaseAction.AddParty or CaseAction.AssignCommittee;

    private static bool IsConcluded(MediationCase @case) => @case.Status is not (CaseStatus.Filed or CaseStatus.Mediating or CaseStatus.ReferralPending);

    /// <summary>
    /// The village head of the case's village and the judicial office assign anyone; a mediator of the case's
    /// village may take an unassigned, just-filed case as its lead, alone.
    /// </summary>
    internal static bool MayAssign(MediationCase @case, Actor actor, MediatorAssignment assignment) =>
        Includes(WhoFor(CaseAction.AssignMediators), @case, actor)
        || (MaySelfAssign(@case, actor) && assignment.Lead.UserId == actor.UserId && assignment.Assistants.Count == 0);

    private static bool MaySelfAssign(MediationCase @case, Actor actor) =>
        actor.Role == UserRole.Mediator
        && actor.VillageId == @case.VillageId
        && @case.Status == CaseStatus.Filed
        && @case.Mediators.Count == 0;

    private static bool IsAssigned(MediationCase @case, Actor actor) =>
        actor.Role == UserRole.Mediator && @case.Mediators.Any(m => m.UserId == actor.UserId);

    private static bool IsLead(MediationCase @case, Actor actor) =>
        actor.Role == UserRole.Mediator && @case.LeadMediator?.UserId == actor.UserId;

    private static bool IsVillageHeadOfCase(MediationCase @case, Actor actor) =>
        actor.Role == UserRole.VillageHead && actor.VillageId == @case.VillageId;

    private static Who WhoFor(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Accept or CaseTrigger.Decline => Who.LeadVillageHeadOrJudicialOffice,
        CaseTrigger.ApproveReferral or CaseTrigger.ReturnReferral => Who.JudicialOffice,
        CaseTrigger.RecordSession or CaseTrigger.Resolve or CaseTrigger.Refer or CaseTrigger.Terminate or CaseTrigger.Reopen
            => Who.CaseMediatorsOrJudicialOffice,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    private static Who WhoFor(CaseAction action) => action switch
    {
        CaseAction.File => Who.Nobody, // filing creates a case; see CanFile
        CaseAction.AssignMediators => Who.VillageHeadOrJudicialOffice,
        CaseAction.ExtendDeadline => Who.JudicialOffice,
        CaseAction.RecordFollowUp or CaseAction.RecordJudicialConfirmation or CaseAction.RevealPersonalData or CaseAction.IssueOriginal
            or CaseAction.ScheduleSession
            or CaseAction.CorrectParty or CaseAction.AddParty or CaseAction.AssignCommittee
            => Who.CaseMediatorsOrJudicialOffice,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static bool Includes(Who who, MediationCase @case, Actor actor) =>
        actor.Role == UserRole.JudicialOffice
            ? who != Who.Nobody
            : who switch
            {
                Who.LeadVillageHeadOrJudicialOffice => IsLead(@case, actor) || IsVillageHeadOfCase(@case, actor),
                Who.CaseMediatorsOrJudicialOffice => IsAssigned(@case, actor),
                Who.VillageHeadOrJudicialOffice => IsVillageHeadOfCase(@case, actor),
                _ => false,
            };

    private static string Describe(Who who) => who switch
    {
        Who.LeadVillageHeadOrJudicialOffice => "限本案主办调解员、本村（社区）负责人或司法所",
        Who.CaseMediatorsOrJudicialOffice => "限本案调解员或司法所",
        Who.VillageHeadOrJudicialOffice => "限本村（社区）负责人或司法所",
        Who.JudicialOffice => "限司法所",
        _ => "不可执行",
    };

    /// <summary>The groups of the "who" column.</summary>
    private enum Who
    {
        Nobody,
        LeadVillageHeadOrJudicialOffice,
        CaseMediatorsOrJudicialOffice,
        VillageHeadOrJudicialOffice,
        JudicialOffice,
    }
}
