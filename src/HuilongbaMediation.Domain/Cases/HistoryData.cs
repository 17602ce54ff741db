namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// What a trigger or recorded action carries. It is the parameter the workflow machine is fired with, and
/// the history entry keeps it twice: <see cref="Describe"/> as <see cref="HistoryEntry.Details"/> and the
/// object itself, as JSON, as <see cref="HistoryEntry.Data"/>.
/// </summary>
internal interface IHistoryData
{
    /// <summary>A short Chinese sentence of what was carried.</summary>
    string Describe();
}

internal sealed record AcceptData(DateOnly AcceptedOn, DateOnly DueOn) : IHistoryData
{
    public string Describe() => $"受理日期 {AcceptedOn.ToLabel()}；办结期限 {DueOn.ToLabel()}";
}

internal sealed record DeclineData(string Reason, DateOnly DeclinedOn) : IHistoryData
{
    public string Describe() => $"不予受理理由：{Reason}";
}

internal sealed record ResolveData(AgreementInput Agreement, DateOnly ResolvedOn) : IHistoryData
{
    public string Describe() => $"{Agreement.Kind.ToLabel()}；协议日期 {Agreement.SignedOn.ToLabel()}";
}

internal sealed record ReferData(int TargetId, string Reason, bool Urgent, DateOnly ReferredOn) : IHistoryData
{
    public string Describe() => $"移交理由：{Reason}" + (Urgent ? "；紧急（有暴力风险）" : "");
}

internal sealed record TerminateData(TerminationReason Reason, string? Note, DateOnly TerminatedOn) : IHistoryData
{
    public string Describe() => $"终止原因：{Reason.ToLabel()}" + (Note is null ? "" : $"；{Note}");
}

internal sealed record ApproveReferralData(string ReceivingBody, string? ReceiptNumber, DateOnly ApprovedOn) : IHistoryData
{
    public string Describe() => $"接收单位：{ReceivingBody}" + (ReceiptNumber is null ? "" : $"；回执编号：{ReceiptNumber}");
}

internal sealed record ReturnReferralData(string Comment) : IHistoryData
{
    public string Describe() => $"退回意见：{Comment}";
}

internal sealed record ReopenData(string Reason, DateOnly DueOn) : IHistoryData
{
    public string Describe() => $"重新调解理由：{Reason}；办结期限 {DueOn.ToLabel()}";
}

internal sealed record ExtendDeadlineData(DateOnly PreviousDueOn, DateOnly NewDueOn, string Reason) : IHistoryData
{
    public string Describe() => $"办结期限由 {PreviousDueOn.ToLabel()} 延长至 {NewDueOn.ToLabel()}；理由：{Reason}";
}

internal sealed record RevealData(int PartyId, string PartyName, PersonalDataField Field) : IHistoryData
{
    public string Describe() => $"查看当事人{PartyName}的完整{Field.ToLabel()}";
}
