using System.Globalization;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>
/// 导出台账: the cases a user may see (with the case list's filter) in the town's ledger layout: a title row, the ledger
/// columns (<see cref="LedgerFields.Heading"/>), one row per case in filing order. It reads back through the import
/// to the same figures, save what a ledger row cannot hold: a second resolution of a reopened case, and a referral
/// still waiting for review (exported as open).
/// </summary>
public sealed class LedgerExportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The columns of the export, in order.</summary>
    public static readonly IReadOnlyList<LedgerField> Columns =
    [
        LedgerField.Number, LedgerField.FiledOn, LedgerField.Village, LedgerField.Category, LedgerField.Applicant, LedgerField.Respondent,
        LedgerField.Summary, LedgerField.Mediators, LedgerField.Outcome, LedgerField.AgreementKind, LedgerField.Amount, LedgerField.People,
        LedgerField.Risk, LedgerField.ClosedOn,
    ];

    public string FileName() => $"回龙坝镇人民调解台账-{ChinaClock.Today(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.xlsx";

    public async Task<byte[]> CreateAsync(Actor actor, CaseFilter filter, CancellationToken ct = default)
    {
        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await db.Cases.AsNoTracking().VisibleTo(actor).Matching(db, filter, actor, today)
            .OrderBy(c => c.FiledOn).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Number,
                c.FiledOn,
                Village = db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.Name).First(),
                Category = db.Categories.Where(x => x.Id == c.CategoryId).Select(x => x.Name).First(),
                Parties = c.Parties.OrderBy(p => p.Id).Select(p => new { p.Role, p.Name }).ToList(),
                c.Summary,
                Mediators = c.Mediators.OrderByDescending(m => m.IsLead).ThenBy(m => m.Id).Select(m => m.DisplayName).ToList(),
                LedgerMediators = c.Ledger == null ? null : c.Ledger.Mediators,
                c.Status,
                Kind = c.Agreement == null ? (AgreementKind?)null : c.Agreement.Kind,
                c.AmountInvolved,
                c.PeopleInvolved,
                c.RiskLevel,
                c.ConcludedOn,
            })
            .ToListAsync(ct);

        var width = Columns.Count;
        Dictionary<string, object?> Row(IReadOnlyList<object?> values) =>
            Enumerable.Range(0, width).ToDictionary(i => $"c{i}", i => i < values.Count ? values[i] : null);
        var rows = new List<Dictionary<string, object?>>
        {
            Row([$"回龙坝镇人民调解案件台账（{today:yyyy年M月d日}导出）"]),
            Row([.. Columns.Select(c => (object?)c.Heading())]),
        };
        rows.AddRange(cases.Select(c => Row(
        [
            c.Number,
            Date(c.FiledOn),
            c.Village,
            c.Category,
            string.Join("、", c.Parties.Where(p => p.Role == PartyRole.Applicant).Select(p => p.Name)),
            string.Join("、", c.Parties.Where(p => p.Role == PartyRole.Respondent).Select(p => p.Name)),
            c.Summary,
            c.Mediators.Count > 0 ? string.Join("、", c.Mediators) : c.LedgerMediators,
            Outcome(c.Status),
            c.Status == CaseStatus.Resolved && c.Kind is { } kind ? (kind == AgreementKind.Written ? "书面" : "口头") : null,
            c.AmountInvolved,
            c.PeopleInvolved,
            c.RiskLevel.ToLabel(),
            c.ConcludedOn is { } closed ? Date(closed) : null,
        ])));

        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "台账");
        return stream.ToArray();
    }

    /// <summary>调解结果 as the ledgers write it, each read back by the alias table to the same ending.</summary>
    public static string? Outcome(CaseStatus status) => status switch
    {
        CaseStatus.Resolved => "调解成功",
        CaseStatus.ReferralApproved => "调解不成（已移交）",
        CaseStatus.Terminated => "终止调解",
        CaseStatus.Declined => "不予受理",
        _ => null,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
