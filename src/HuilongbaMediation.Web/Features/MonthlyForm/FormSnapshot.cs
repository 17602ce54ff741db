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
    /// <param name="byVillage">The form's lines by village, and the town total.</param>
    /// <param name="byCommittee">The same month's lines by committee, kept too so that view is frozen as well.</param>
    public static string Write(StatisticalForm byVillage, StatisticalForm byCommittee) => JsonSerializer.Serialize(new Stored(
        Lines(byVillage),
        [.. byVillage.Late ?? []],
        Lines(byCommittee)));

    private static List<StoredRow> Lines(StatisticalForm form) =>
        [.. form.Rows.Select(r => new StoredRow(r.VillageId, r.Name, form.Columns.Select((c, i) => (Key(c), r.Cells[i].Value)).ToDictionary(x => x.Item1, x => x.Value), r.CommitteeId))];

    /// <summary>
    /// The month as stored. A month closed before committees' lines were kept has none: its committee view is empty, and
    /// says so, rather than counted afresh.
    /// </summary>
    public static StatisticalForm Read(ClosedMonth closed, FormPeriod period, IReadOnlyList<FormColumn> columns, int? villageOnly, FormScope scope = FormScope.Village)
    {
        var stored = JsonSerializer.Deserialize<Stored>(closed.Figures)!;
        var lines = scope == FormScope.Committee ? stored.Committees ?? [] : stored.Rows;
        var rows = lines
            .Where(r => villageOnly is null || r.VillageId == villageOnly)
            .Select(r => new FormRow(r.VillageId, r.Name, [.. columns.Select(c => new Figure<decimal?>(
                r.Values.TryGetValue(Key(c), out var v) ? v : null,
                c.DrillDown?.Invoke(new CaseFilter { VillageId = r.VillageId, CommitteeId = r.CommitteeId }, period.Period)))], r.CommitteeId))
            .ToList();
        return new StatisticalForm(
            period, columns, rows, new ClosedInfo(closed.ClosedByName, closed.ClosedAtUtc),
            [.. stored.Late.Where(l => villageOnly is null || l.VillageId == villageOnly)])
        { Scope = scope };
    }

    private static string Key(FormColumn c) => $"{c.Group}/{c.Label}";

    private sealed record Stored(IReadOnlyList<StoredRow> Rows, IReadOnlyList<LateEntry> Late, IReadOnlyList<StoredRow>? Committees = null);

    private sealed record StoredRow(int? VillageId, string Name, Dictionary<string, decimal?> Values, int? CommitteeId = null);
}
