using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

// What each workflow step carries, as the forms fill it in: each with the date the step happened (entered with it,
// defaulting to today), which is the date every figure, deadline and warning counts it on. The history keeps the
// time it was recorded besides. SessionInput, AgreementInput, FollowUpInput and JudicialConfirmationInput are in
// their own files.

/// <summary>What Accept carries: 受理日期. Mediation is due <see cref="MediationCase.MediationDays"/> days later.</summary>
/// <param name="AcceptedOn">Not in the future, not before filing.</param>
public sealed record AcceptInput(DateOnly AcceptedOn);

/// <summary>What Decline carries: the reason (already in court, not a civil dispute, ...) and 不予受理日期.</summary>
public sealed record DeclineInput(string Reason, DateOnly DeclinedOn) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => DeclinedOn;

    string IHistoryData.Describe() => $"不予受理日期 {DeclinedOn.ToLabel()}；不予受理理由：{Reason}";
}

/// <summary>What Refer carries: 移交去向 (reference-data id), the reason, an urgent flag (risk of violence) and 移交日期.</summary>
public sealed record ReferInput(int TargetId, string Reason, bool Urgent, DateOnly ReferredOn) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => ReferredOn;

    string IHistoryData.Describe() => $"移交日期 {ReferredOn.ToLabel()}；移交理由：{Reason}" + (Urgent ? "；紧急（有暴力风险）" : "");
}

/// <summary>What Terminate carries: the reason, a note (required for Other) and 终止日期.</summary>
public sealed record TerminateInput(TerminationReason Reason, string? Note, DateOnly TerminatedOn) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => TerminatedOn;

    string IHistoryData.Describe() => $"终止日期 {TerminatedOn.ToLabel()}；终止原因：{Reason.ToLabel()}" + (Note is null ? "" : $"；{Note}");
}

/// <summary>What ApproveReferral carries: 接收单位, its receipt number when known, and 审核通过日期.</summary>
public sealed record ApproveReferralInput(string ReceivingBody, string? ReceiptNumber, DateOnly ApprovedOn) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => ApprovedOn;

    string IHistoryData.Describe() =>
        $"审核通过日期 {ApprovedOn.ToLabel()}；接收单位：{ReceivingBody}" + (ReceiptNumber is null ? "" : $"；回执编号：{ReceiptNumber}");
}

/// <summary>What ReturnReferral carries: the judicial office's comment and 退回日期.</summary>
public sealed record ReturnReferralInput(string Comment, DateOnly ReturnedOn) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => ReturnedOn;

    string IHistoryData.Describe() => $"退回日期 {ReturnedOn.ToLabel()}；退回意见：{Comment}";
}

/// <summary>What Reopen carries: the reason and 重新调解日期; mediation is due again 30 days after it.</summary>
public sealed record ReopenInput(string Reason, DateOnly ReopenedOn);

/// <summary>What ExtendDeadline carries: the new due date and the reason. A decision taken in the app: dated when recorded.</summary>
public sealed record ExtendDeadlineInput(DateOnly NewDueOn, string Reason);

/// <summary>
/// What ScheduleSession (安排调解) carries: the day and time of a coming session and where: a venue (调解场所) and, when
/// the venue needs it, the place in words (an address for 上门调解, a room). A decision taken in the app: dated when recorded.
/// </summary>
/// <param name="On">Today or later.</param>
/// <param name="At">The time of day it begins.</param>
/// <param name="VenueId">The venue's id; the web layer names it (<see cref="VenueName"/>).</param>
/// <param name="Place">地点说明, optional, up to 100 characters.</param>
public sealed record ScheduleSessionInput(DateOnly On, TimeOnly At, int VenueId, string? Place) : IHistoryData
{
    public const int PlaceMaxLength = 100;

    /// <summary>The venue's name as the history and the applicant read it.</summary>
    public string? VenueName { get; init; }

    string IHistoryData.Describe() =>
        $"安排调解：{On.ToLabel()} {At.ToLabel()}；调解场所：{Text.Clean(VenueName)}" + (Text.Clean(Place) is { } place ? $"（{place}）" : "");
}
