using System.Text.Json;
using HuilongbaMediation.Domain.Months;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;

namespace HuilongbaMediation.Web.Features.MonthlyForm;

/// <summary>
/// A closed month's form as reported, kept as JSON on <see cref="ClosedMonth.Figures"/>: each line's figures by column
/// ("group/label"), so that a column added later (a new venue) reads as empty rather than shifting the others. The
/// 补报 lines the month carried are kept with it.
/// </summary>
internal static class FormSnapshot
{
    public static string Write(StatisticalForm form) => JsonSerializer.Serialize(new Stored(
        [.. form.Rows.Select(r => new StoredRow(r.VillageId, r.Name, form.Columns.Select((c, i) => (Key(c), r.Cells[i].Value)).ToDictionary(x => x.Item1, x => x.Value)))],
        [.. form.Late ?? []]));

    public static StatisticalForm Read(ClosedMonth closed, FormPeriod period, IReadOnlyList<FormColumn> columns, int? villageOnly)
    {
        var stored = JsonSerializer.Deserialize<Stored>(closed.Figures)!;
        var rows = stored.Rows
            .Where(r => villageOnly is null || r.VillageId == villageOnly)
            .Select(r => new FormRow(r.VillageId, r.Name, [.. columns.Select(c => new Figure<decimal?>(
                r.Values.TryGetValue(Key(c), out var v) ? v : null,
                c.DrillDown?.Invoke(new CaseFilter { VillageId = r.VillageId }, period.Period)))]))
            .ToList();
        return new StatisticalForm(
            period, columns, rows, new ClosedInfo(closed.ClosedByName, closed.ClosedAtUtc),
            [.. stored.Late.Where(l => villageOnly is null || l.VillageId == villageOnly)]);
    }

    private static string Key(FormColumn c) => $"{c.Group}/{c.Label}";

    private sealed record Stored(IReadOnlyList<StoredRow> Rows, IReadOnlyList<LateEntry> Late);

    private sealed record StoredRow(int? VillageId, string Name, Dictionary<string, decimal?> Values);
}
