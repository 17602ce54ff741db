namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// Recorded actions: operations on a case that write a history entry but do not change its status
/// (DOMAIN.md "Not a trigger, but recorded ..."). The names are the <see cref="HistoryEntry.Action"/> values.
/// </summary>
public enum CaseAction
{
    /// <summary>登记: the case was filed (the first history entry, from no status to Filed).</summary>
    File,

    /// <summary>指派调解员: assign or reassign the lead and assistant mediators (Filed, Mediating).</summary>
    AssignMediators,

    /// <summary>延长办结期限: move the due date later, with a reason (Mediating; judicial office).</summary>
    ExtendDeadline,

    /// <summary>记录回访: a follow-up visit on the agreement's performance (Resolved).</summary>
    RecordFollowUp,

    /// <summary>记录司法确认: the parties' application for judicial confirmation (Resolved).</summary>
    RecordJudicialConfirmation,

    /// <summary>查看完整信息: a party's identity number or phone was shown unmasked (any status).</summary>
    RevealPersonalData,

    /// <summary>
    /// 出具文书原件: a document the parties sign (协议书, 申请书, 司法确认申请书), which carries their full identity numbers,
    /// addresses and phones, was printed or downloaded (any status).
    /// </summary>
    IssueOriginal,

    /// <summary>安排调解: the date, time and place of a coming session, for the parties to come to (Mediating).</summary>
    ScheduleSession,

    /// <summary>
    /// 更正当事人信息: a party's details corrected after filing (any status; once the case is concluded, the judicial office only).
    /// </summary>
    CorrectParty,

    /// <summary>追加当事人: a party (usually a 第三人) joins after filing (any status; once concluded, the judicial office only).</summary>
    AddParty,
    /// <summary>变更调解组织: the committee or station that handles the case (any status; once concluded, the judicial office only).</summary>
    AssignCommittee,
}
