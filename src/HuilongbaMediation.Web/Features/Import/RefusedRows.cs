using System.Collections.Concurrent;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>
/// The refused rows of an import as a workbook the office can correct and import again: the sheet's own header, then
/// each refused row as it was, with its row number and the reasons in an added 错误原因 column (not a ledger column, so
/// the corrected file imports as any ledger does).
/// </summary>
public static class RefusedRowsFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ReasonHeading = "错误原因";
    public const string RowHeading = "原行号";

    public static byte[] Create(LedgerImportResult result)
    {
        var width = Math.Max(result.Headings.Count, result.Refused.Select(r => r.Row.Cells.Count).DefaultIfEmpty().Max());
        var names = new List<string>();
        for (var i = 0; i < width; i++)
        {
            var heading = i < result.Headings.Count ? result.Headings[i] : null;
            names.Add(heading is null || names.Contains(heading) ? $"第{i + 1}列" : heading);
        }

        var rows = result.Refused.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { [RowHeading] = r.Row.Number };
            for (var i = 0; i < width; i++)
            {
                row[names[i]] = r.Row[i] is DateTime d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : r.Row[i];
            }

            row[ReasonHeading] = r.Reason;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "未导入的行");
        return stream.ToArray();
    }
}

/// <summary>
/// Keeps the refused-rows workbook of an import for its download, for an hour, for the user who imported: the page links
/// to it by a random id; the file holds personal data and is never shared.
/// </summary>
public sealed class RefusedRowsStore(TimeProvider clock)
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, (string UserId, string FileName, byte[] Content, DateTimeOffset Until)> _files = new();

    public Guid Keep(string userId, string fileName, byte[] content)
    {
        foreach (var old in _files.Where(f => f.Value.Until < clock.GetUtcNow()).Select(f => f.Key).ToList())
        {
            _files.TryRemove(old, out _);
        }

        var id = Guid.NewGuid();
        _files[id] = (userId, fileName, content, clock.GetUtcNow() + Kept);
        return id;
    }

    public (string FileName, byte[] Content)? Get(Guid id, string userId) =>
        _files.TryGetValue(id, out var file) && file.UserId == userId && file.Until >= clock.GetUtcNow() ? (file.FileName, file.Content) : null;
}
