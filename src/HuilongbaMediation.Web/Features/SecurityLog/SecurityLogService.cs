using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using CsvHelper;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>What the 安全日志 page asks for: a time range of China dates, part of a user name, one kind.</summary>
public sealed record SecurityLogFilter(DateOnly? From = null, DateOnly? To = null, string? User = null, SecurityEventKind? Kind = null)
{
    public string ToQuery()
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["user"] = string.IsNullOrWhiteSpace(User) ? null : User.Trim(),
            ["kind"] = Kind?.ToString(),
        };
        return QueryHelpers.AddQueryString("", query.Where(p => p.Value is not null)!);
    }

    public static SecurityLogFilter Parse(IQueryCollection query) => new(
        Date(query["from"]),
        Date(query["to"]),
        query["user"].ToString() is { Length: > 0 } user ? user : null,
        Enum.TryParse<SecurityEventKind>(query["kind"], out var kind) && Enum.IsDefined(kind) ? kind : null);

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

public sealed record SecurityLogRow(long Id, DateTime AtUtc, SecurityEventKind Kind, string UserName, string? ClientAddress, string? Subject, string? Detail);

public sealed record SecurityLogPage(IReadOnlyList<SecurityLogRow> Rows, int Total);

/// <summary>
/// Reading the security log, for administrators only (checked here as well as on the page and the endpoint): a page
/// of lines in SQL, newest first, and the whole filtered log as CSV. Reading is all it does; exporting it is itself
/// written to the log.
/// </summary>
public sealed class SecurityLogService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public const int MaxPageSize = 100;

    /// <summary>Null for anyone but an administrator.</summary>
    public async Task<SecurityLogPage?> PageAsync(SecurityLogFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        if (!MayRead(await currentUser.GetPrincipalAsync()))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = Matching(db, filter);
        var total = await lines.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await Newest(lines).Skip(Math.Max(0, page) * size).Take(size).Select(Row).ToListAsync(ct);
        return new SecurityLogPage(rows, total);
    }

    public static bool MayRead(ClaimsPrincipal user) => Capability.Administer.Allows(user.ToActor());

    /// <summary>The file name of an export made today.</summary>
    public static string FileName(DateOnly today) => $"安全日志-{today:yyyy-MM-dd}.csv";

    /// <summary>
    /// The filtered log as CSV (UTF-8 with BOM, for Excel; formula characters escaped), streamed from the database.
    /// The caller has checked the user with <see cref="MayRead"/>.
    /// </summary>
    public async Task WriteCsvAsync(SecurityLogFilter filter, Stream output, Func<SecurityEventKind, string> label, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordsAsync(CsvRowsAsync(db, filter, label, ct), ct);
    }

    private static async IAsyncEnumerable<SecurityLogCsvRow> CsvRowsAsync(
        AppDbContext db, SecurityLogFilter filter, Func<SecurityEventKind, string> label, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Newest(Matching(db, filter)).Select(Row).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new SecurityLogCsvRow
            {
                Time = ChinaTime(row.AtUtc),
                Kind = label(row.Kind),
                User = row.UserName,
                Address = row.ClientAddress,
                Subject = row.Subject,
                Detail = row.Detail,
            };
        }
    }

    /// <summary>2026-11-29 08:15:02, in 回龙坝's time.</summary>
    public static string ChinaTime(DateTime utc) => (utc + TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static IQueryable<SecurityEvent> Matching(AppDbContext db, SecurityLogFilter filter)
    {
        var lines = db.SecurityLog.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = ChinaClock.StartOfDayUtc(from);
            lines = lines.Where(e => e.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaClock.StartOfDayUtc(to.AddDays(1));
            lines = lines.Where(e => e.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            lines = lines.Where(e => e.UserName.Contains(user));
        }

        if (filter.Kind is { } kind)
        {
            lines = lines.Where(e => e.Kind == kind);
        }

        return lines;
    }

    private static IQueryable<SecurityEvent> Newest(IQueryable<SecurityEvent> lines) => lines.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);

    private static readonly System.Linq.Expressions.Expression<Func<SecurityEvent, SecurityLogRow>> Row =
        e => new SecurityLogRow(e.Id, e.AtUtc, e.Kind, e.UserName, e.ClientAddress, e.Subject, e.Detail);
}

/// <summary>A line of the CSV export, with Chinese column names.</summary>
[CsvRecord]
public sealed partial record SecurityLogCsvRow
{
    [CsvColumn("时间")]
    public required string Time { get; init; }

    [CsvColumn("类型")]
    public required string Kind { get; init; }

    [CsvColumn("用户")]
    public required string User { get; init; }

    [CsvColumn("地址")]
    public string? Address { get; init; }

    [CsvColumn("对象")]
    public string? Subject { get; init; }

    [CsvColumn("详情")]
    public string? Detail { get; init; }
}
