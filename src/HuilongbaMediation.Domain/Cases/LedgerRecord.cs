namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// Where an imported case came from: a row of a town or village ledger (台账). <see cref="RowKey"/> is the row's content
/// as a fingerprint, so that importing the same row again adds nothing.
/// </summary>
public sealed class LedgerRecord
{
    public const int FileNameMaxLength = 200;
    public const int NumberMaxLength = 40;
    public const int MediatorsMaxLength = 100;

    /// <summary>The file's name, without its folder.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The row as the spreadsheet numbers it (1-based, title and header rows included).</summary>
    public int RowNumber { get; private set; }

    /// <summary>The fingerprint of the row's content (see the web layer's ledger import).</summary>
    public string RowKey { get; private set; } = "";

    /// <summary>The ledger's own number for the case (编号), when it had one.</summary>
    public string? Number { get; private set; }

    /// <summary>The mediators as the ledger names them (调解员), kept when some have no account.</summary>
    public string? Mediators { get; private set; }

    /// <summary>"2022年五云山村台账.xlsx 第5行": how the case and each of its imported steps name their source.</summary>
    public string Label => $"{FileName} 第{RowNumber}行";

    internal static LedgerRecord From(LedgerSource source, string? mediators) => new()
    {
        FileName = source.FileName.Trim(),
        RowNumber = source.RowNumber,
        RowKey = source.RowKey,
        Number = Common.Text.Clean(source.Number),
        Mediators = Common.Text.Clean(mediators),
    };
}

/// <summary>The row a ledger case comes from.</summary>
public sealed record LedgerSource(string FileName, int RowNumber, string RowKey, string? Number);

/// <summary>How a ledger row says its case ended (调解结果), after the alias table has read it.</summary>
public enum LedgerOutcome
{
    /// <summary>Empty, or 在办: the case is still open.</summary>
    Open,

    /// <summary>调解成功, 成功, 达成协议 …</summary>
    Resolved,

    /// <summary>调解不成, 未成功, 移交 …: referred, and the referral approved.</summary>
    Referred,

    /// <summary>终止</summary>
    Terminated,

    /// <summary>不予受理</summary>
    Declined,
}

/// <summary>
/// A ledger row as the domain imports it: the filing as a <see cref="CaseDraft"/>, the mediators it names (those with an
/// account as references, all of them as written), and how and when the case ended.
/// </summary>
public sealed record LedgerEntry
{
    public required CaseDraft Draft { get; init; }

    public required LedgerSource Source { get; init; }

    /// <summary>The mediators matched to users of the village, the first as lead.</summary>
    public IReadOnlyList<MediatorRef> Mediators { get; init; } = [];

    /// <summary>调解员 as the ledger writes it.</summary>
    public string? MediatorNames { get; init; }

    public LedgerOutcome Outcome { get; init; }

    /// <summary>结案日期 / 办结日期: required for every outcome but <see cref="LedgerOutcome.Open"/>.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>协议形式 of a resolved case.</summary>
    public AgreementKind AgreementKind { get; init; } = AgreementKind.Written;

    /// <summary>The 调解结果 cell in full, kept as the agreement's terms or the note of the ending.</summary>
    public string? OutcomeText { get; init; }

    /// <summary>The referral target of a referred case (其他 when the ledger does not say).</summary>
    public int ReferralTargetId { get; init; }
}
