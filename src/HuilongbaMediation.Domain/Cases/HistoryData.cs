namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// What a trigger or recorded action carries. It is the parameter the workflow machine is fired with, and
/// the history entry keeps it: <see cref="Describe"/> as <see cref="HistoryEntry.Details"/>, the object itself,
/// as JSON, as <see cref="HistoryEntry.Data"/>, and what the figures read as typed columns (<see cref="EventDate"/>,
/// <see cref="NewDueDate"/>, <see cref="Agreement"/>).
/// </summary>
internal interface IHistoryData
{
    /// <summary>A short Chinese sentence of what was carried.</summary>
    string Describe();

    /// <summary>The date the recorded thing happened, when it carries one; otherwise it is dated the day it was recorded.</summary>
    DateOnly? EventDate => null;

    /// <summary>The due date (办结期限) this step sets, if any: Accept, Reopen, ExtendDeadline.</summary>
    DateOnly? NewDueDate => null;

    /// <summary>The kind of agreement a Resolve reached.</summary>
    AgreementKind? Agreement => null;

    /// <summary>协议金额 of a Resolve's agreement.</summary>
    decimal? AgreedAmount => null;

    /// <summary>A Resolve marked 防止群体性上访.</summary>
    bool PreventedGroupPetition => false;

    /// <summary>What a follow-up visit found about the agreement's performance.</summary>
    PerformanceStatus? Performance => null;
}

internal sealed record AcceptData(DateOnly AcceptedOn, DateOnly DueOn) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => AcceptedOn;

    DateOnly? IHistoryData.NewDueDate => DueOn;

    public string Describe() => $"受理日期 {AcceptedOn.ToLabel()}；办结期限 {DueOn.ToLabel()}";
}

internal sealed record ResolveData(AgreementInput Agreement) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => Agreement.SignedOn;

    AgreementKind? IHistoryData.Agreement => Agreement.Kind;

    decimal? IHistoryData.AgreedAmount => Agreement.AgreedAmount;

    bool IHistoryData.PreventedGroupPetition => Agreement.PreventedGroupPetition;

    public string Describe() => $"{Agreement.Kind.ToLabel()}；协议日期 {Agreement.SignedOn.ToLabel()}"
        + (Agreement.AgreedAmount is { } amount ? $"；协议金额 {amount:0.##}元" : "")
        + (Agreement.PreventedGroupPetition ? "；防止群体性上访" : "");
}

internal sealed record ReopenData(string Reason, DateOnly ReopenedOn, DateOnly DueOn) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => ReopenedOn;

    DateOnly? IHistoryData.NewDueDate => DueOn;

    public string Describe() => $"重新调解日期 {ReopenedOn.ToLabel()}；重新调解理由：{Reason}；办结期限 {DueOn.ToLabel()}";
}

internal sealed record ExtendDeadlineData(DateOnly PreviousDueOn, DateOnly NewDueOn, string Reason) : IHistoryData
{
    DateOnly? IHistoryData.NewDueDate => NewDueOn;

    public string Describe() => $"办结期限由 {PreviousDueOn.ToLabel()} 延长至 {NewDueOn.ToLabel()}；理由：{Reason}";
}

internal sealed record RevealData(int PartyId, string PartyName, PersonalDataField Field) : IHistoryData
{
    public string Describe() => $"查看当事人{PartyName}的完整{Field.ToLabel()}";
}

/// <summary>
/// What IssueOriginal carries: which document, and how it was issued (打印, 下载 Word 文件, 下载装订版 PDF).
/// </summary>
/// <param name="Document">The document's title, e.g. 人民调解协议书.</param>
/// <param name="How">打印 or the file downloaded.</param>
public sealed record OriginalIssued(string Document, string How) : IHistoryData
{
    public const int MaxLength = 100;

    string IHistoryData.Describe() => $"{How}：{Document}（原件，载有当事人完整身份信息）";
}
