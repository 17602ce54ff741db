using HuilongbaMediation.Web.Features.Cases;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>What to import: the file, the sheet (the first with a header when null), the columns (as found when null) and the village of a village's own ledger.</summary>
public sealed record LedgerImportRequest(byte[] Content, string FileName, string? Sheet = null, IReadOnlyDictionary<LedgerField, int>? Mapping = null, int? VillageId = null);

/// <summary>A sheet as the preview shows it: where its header is, what each column was matched to, and its first rows.</summary>
/// <param name="HeaderRow">The header's row number; null when no row names three ledger columns.</param>
/// <param name="VillageId">The village the title rows or the file name name, for a village's ledger without a village column.</param>
public sealed record LedgerPreview(
    string FileName,
    IReadOnlyList<string> Sheets,
    string Sheet,
    int? HeaderRow,
    IReadOnlyList<string?> Headings,
    IReadOnlyDictionary<LedgerField, int> Mapping,
    int? VillageId,
    IReadOnlyList<LedgerRow> FirstRows,
    int DataRows,
    IReadOnlyList<Option<int>> Villages);

public sealed record LedgerProgress(int Done, int Total);

/// <summary>
/// How an import went: how many rows became cases, were already there (a row of the same content imported before, or
/// a case with the ledger's own 案号), were not cases, and were refused — each refused row with its number and reasons.
/// <see cref="Problem"/> says why nothing could be read at all.
/// </summary>
public sealed record LedgerImportResult(
    string FileName,
    string? Sheet,
    IReadOnlyList<string?> Headings,
    int Imported,
    IReadOnlyList<int> AlreadyPresent,
    IReadOnlyList<SkippedRow> Skipped,
    IReadOnlyList<RefusedRow> Refused,
    string? Problem = null)
{
    public bool NothingRead => Problem is not null;

    public static LedgerImportResult Unreadable(string fileName, string problem) => new(fileName, null, [], 0, [], [], [], problem);
}
