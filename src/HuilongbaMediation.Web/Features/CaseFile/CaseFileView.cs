using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>A case's 卷宗 as its page shows and prints it: the cover, the 卷内目录 and what this user may do.</summary>
public sealed record CaseFileView(int CaseId, CaseFileCover Cover, IReadOnlyList<CaseFileEntry> Entries, bool MayUpload)
{
    /// <summary>The required items that are present (an item this case does not need does not count either way).</summary>
    public int PresentCount => Entries.Count(e => e.IsRequired && e.IsPresent);

    /// <summary>The items this case needs (<see cref="CaseFileRequirements"/>).</summary>
    public int RequiredCount => Entries.Count(e => e.IsRequired);

    /// <summary>完整度 in whole percent of the required items present.</summary>
    public int Percent => RequiredCount == 0 ? 100 : (int)Math.Round(PresentCount * 100.0 / RequiredCount, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The cover (卷皮). 卷号 is the case number; 立卷人 the lead mediator; 立卷日期 the day the case was concluded, and
/// with it the 保管期限 (none while the case is open: it is not archived yet).
/// </summary>
public sealed record CaseFileCover(
    string Number,
    string FirstApplicant,
    string FirstRespondent,
    string Category,
    IReadOnlyList<string> Mediators,
    string? Compiler,
    DateOnly FiledOn,
    DateOnly? ConcludedOn,
    CaseFileRetention? Retention);

/// <summary>
/// 保管期限. A resolved case keeps its agreement, which the parties may rely on in court for years (长期); a case
/// that ended otherwise (declined, terminated, referred) keeps only its record of how it ended (短期).
/// </summary>
public enum CaseFileRetention
{
    /// <summary>长期</summary>
    Long,

    /// <summary>短期</summary>
    Short,
}

/// <summary>One line of the 卷内目录: what the system holds for the item and the files filed under it.</summary>
/// <param name="IsRequired">Whether this case needs the item (<see cref="CaseFileRequirements"/>); an item it does not need is shown as such.</param>
public sealed record CaseFileEntry(CaseFileItem Item, IReadOnlyList<CaseRecordRef> Records, IReadOnlyList<AttachmentView> Attachments, bool IsRequired = true)
{
    /// <summary>序号</summary>
    public int Number => (int)Item;

    public bool IsPresent => Records.Count > 0 || Attachments.Count > 0;
}

/// <summary>A record the system itself holds that counts for an item (DOMAIN.md: sessions, the agreement, follow-ups).</summary>
public sealed record CaseRecordRef(CaseRecordKind Kind, DateOnly Date, PerformanceStatus? Performance = null);

public enum CaseRecordKind
{
    /// <summary>A session (调解记录).</summary>
    Session,

    /// <summary>The written agreement (调解协议书), which the system produces as a Word file and a print view.</summary>
    WrittenAgreement,

    /// <summary>An oral agreement, its terms recorded in the case.</summary>
    OralAgreement,

    /// <summary>A follow-up visit (回访记录).</summary>
    FollowUp,
}

public sealed record AttachmentView(int Id, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAtUtc, bool MayDelete);

/// <summary>An attachment ready to be sent: where it is on disk, its type and the name to offer.</summary>
public sealed record AttachmentFile(string Path, string ContentType, string FileName);
