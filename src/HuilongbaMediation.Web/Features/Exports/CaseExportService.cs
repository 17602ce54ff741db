using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Features.Exports;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>What an export file is called and what it is, decided before its rows are streamed.</summary>
public sealed record ExportPlan(string FileName, string ContentType);

/// <summary>
/// The case list as a file: the cases the user may see that match the list's filter, in the list's default order
/// (newest filing first), at most <see cref="MaxRows"/> of them. Rows stream from the database into the file; 身份证号
/// and phones are masked with <see cref="Masking"/>, and the risk shows 高 for a case an early-warning rule raises.
/// </summary>
public sealed class CaseExportService(IDbContextFactory<AppDbContext> dbFactory, EarlyWarningService warnings, TimeProvider clock)
{
    public const int MaxRows = 10_000;

    private const string SheetName = "案件列表";

    /// <summary>The file's name and type; a capped export says so in its name: 案件列表-2026-11-27-前10000件-共12345件.xlsx.</summary>
    public async Task<ExportPlan> PlanAsync(Actor actor, CaseFilter filter, ExportFormat format, CancellationToken ct = default)
    {
        var today = Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = await Cases(db, actor, filter, today).CountAsync(ct);
        var name = $"{SheetName}-{Date(today)}" + (matching > MaxRows ? $"-前{MaxRows}件-共{matching}件" : "");
        return format switch
        {
            ExportFormat.Xlsx => new ExportPlan($"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ExportFormat.Csv => new ExportPlan($"{name}.csv", "text/csv; charset=utf-8"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>Streams the rows into <paramref name="output"/>, writing to it asynchronously only (a response body refuses the rest).</summary>
    public async Task WriteAsync(Actor actor, CaseFilter filter, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        var today = Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = Cases(db, actor, filter, today);
        var raised = await warnings.RaisedAsync(db, cases, today, ct);
        var rows = RowsAsync(db, cases, today, raised, ct);
        switch (format)
        {
            case ExportFormat.Xlsx:
                // MiniExcel closes the workbook's zip with synchronous writes, which Kestrel refuses on a response body;
                // a temp file (deleted on close) takes them and keeps memory flat, then is copied out asynchronously.
                await using (var file = new FileStream(
                    Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()),
                    FileMode.CreateNew,
                    FileAccess.ReadWrite,
                    FileShare.None,
                    bufferSize: 81920,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous))
                {
                    await MiniExcel.SaveAsAsync(file, rows, sheetName: SheetName, cancellationToken: ct);
                    file.Position = 0;
                    await file.CopyToAsync(output, ct);
                }

                break;
            case ExportFormat.Csv:
                // The BOM makes Excel read the file as UTF-8 (it would show the Chinese garbled otherwise); Escape stops
                // a summary that starts with "=" from running as a formula.
                await using (var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
                {
                    await csv.WriteRecordsAsync(rows, ct);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    private static IQueryable<MediationCase> Cases(AppDbContext db, Actor actor, CaseFilter filter, DateOnly today) =>
        db.Cases.AsNoTracking().VisibleTo(actor).Matching(db, filter, actor, today);

    private static async IAsyncEnumerable<CaseExportRow> RowsAsync(
        AppDbContext db, IQueryable<MediationCase> cases, DateOnly today, IReadOnlySet<int> raised, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = cases
            .OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id)
            .Take(MaxRows)
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Status,
                c.FiledOn,
                Village = db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.Name).First(),
                Category = db.Categories.Where(v => v.Id == c.CategoryId).Select(v => v.Name).First(),
                Lead = c.Mediators.Where(m => m.IsLead).Select(m => m.DisplayName).FirstOrDefault(),
                Parties = c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => new { p.Role, p.Name, p.IdNumber, p.Phone }).ToList(),
                c.Summary,
                c.DueOn,
                c.RiskLevel,
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return new CaseExportRow
            {
                Number = c.Number,
                Status = c.Status.ToLabel(),
                FiledOn = Date(c.FiledOn),
                Village = c.Village,
                Category = c.Category,
                LeadMediator = c.Lead,
                Parties = string.Join("；", c.Parties.Select(p => Party(p.Role, p.Name, p.IdNumber, p.Phone))),
                Summary = c.Summary,
                DueOn = c.DueOn is { } due ? Date(due) : null,
                DaysLeft = c.Status == CaseStatus.Mediating && c.DueOn is { } d ? d.DayNumber - today.DayNumber : null,
                Risk = (raised.Contains(c.Id) ? RiskLevel.High : c.RiskLevel).ToLabel(),
            };
        }
    }

    /// <summary>申请人 王大明（身份证号 110105********002X，电话 138****1234）: never a full 身份证号 or phone.</summary>
    private static string Party(PartyRole role, string name, string? idNumber, string? phone)
    {
        var contact = string.Join("，", new[]
        {
            idNumber is null ? null : $"身份证号 {Masking.IdNumber(idNumber)}",
            phone is null ? null : $"电话 {Masking.Phone(phone)}",
        }.OfType<string>());
        return $"{role.ToLabel()} {name}" + (contact.Length == 0 ? "" : $"（{contact}）");
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly Today() => ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
}
