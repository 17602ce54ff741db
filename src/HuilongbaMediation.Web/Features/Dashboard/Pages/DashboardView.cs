using HuilongbaMediation.Web.Resources;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Dashboard.Pages;

/// <summary>
/// What the dashboard shows of one <see cref="Statistics"/>, each figure already as its text and link, worked out once
/// when the figures are read. The page keeps this instead of the statistics: a figure's link was written anew at each
/// render (and kept twice, in the page's current and previous render tree), and each of the page's ~500 figures held
/// the case-list filter behind it (about 100 KB a page) only to write that link.
/// </summary>
public sealed record DashboardView(
    string? ScopeName,
    IReadOnlyList<FigureCell> Headline,
    IReadOnlyList<DashboardView.VillageLine> Villages,
    IReadOnlyList<FigureCell> Town,
    IReadOnlyList<DashboardView.Line> Categories,
    IReadOnlyList<DashboardView.Line> Committees,
    IReadOnlyList<string> Months,
    IReadOnlyList<DashboardView.TrendLine> Trend,
    IReadOnlyList<FigureCell> Outcomes)
{
    /// <summary>A row of figures under a name; <paramref name="Emphasis"/> for a statistics group's total.</summary>
    public sealed record Line(string Name, IReadOnlyList<FigureCell> Cells, bool Emphasis = false);

    /// <summary>A village's row, with its active mediators (flagged below the minimum).</summary>
    public sealed record VillageLine(string Name, IReadOnlyList<FigureCell> Cells, int ActiveMediators, bool BelowMinimum);

    /// <summary>A row of the month-by-month table: the figure's name, and per month its cell and its tooltip.</summary>
    public sealed record TrendLine(string Name, IReadOnlyList<FigureCell> Cells, IReadOnlyList<string> Labels);

    /// <summary>The headline figures above the tables.</summary>
    public static readonly IReadOnlyList<FigureColumn> HeadlineColumns =
    [
        FigureColumns.Filed, FigureColumns.Resolved, FigureColumns.SuccessRate, FigureColumns.InMediation, FigureColumns.Overdue, FigureColumns.PendingReview,
    ];

    /// <summary>What the statistical form adds up over resolutions, and the time to conclude.</summary>
    public static readonly IReadOnlyList<FigureColumn> OutcomeColumns =
    [
        FigureColumns.WrittenAgreements, FigureColumns.OralAgreements, FigureColumns.AmountResolved, FigureColumns.PeopleResolved,
        FigureColumns.PreventedCases, FigureColumns.PreventedPeople, FigureColumns.AverageDays,
    ];

    /// <summary>The rows of the month-by-month table.</summary>
    private static readonly (string Key, Func<MonthRow, Figure<int>> Figure)[] TrendRows =
    [
        ("Figure.Filed", m => m.Filed), ("Figure.Resolved", m => m.Resolved), ("Figure.Referred", m => m.Referred),
    ];

    public static DashboardView Of(Statistics stats, Func<DateOnly, string> monthLabel, IStringLocalizer<DashboardText> text)
    {
        var months = stats.Trend.Select(m => monthLabel(m.Month)).ToArray();
        return new(
            stats.ScopeName,
            Cells(stats.Scope, HeadlineColumns),
            [.. stats.Villages.Select(v => new VillageLine(v.Name, Cells(v.Figures, FigureColumns.Villages), v.ActiveMediators, v.BelowMinimum))],
            Cells(stats.Town, FigureColumns.Villages),
            [.. stats.Categories.Select(c => new Line(DashboardExport.CategoryName(c, text), Cells(c.Figures, FigureColumns.Categories), c.IsGroupTotal))],
            [.. stats.Committees.Select(c => new Line(c.Name, Cells(c.Figures, FigureColumns.Categories)))],
            months,
            [.. TrendRows.Select(r =>
            {
                string name = text[r.Key];
                return new TrendLine(name, [.. stats.Trend.Select(m => FigureColumns.CellOf(r.Figure(m)))], [.. months.Select(m => $"{name} {m}")]);
            })],
            Cells(stats.Scope, OutcomeColumns));
    }

    private static FigureCell[] Cells(Figures figures, IReadOnlyList<FigureColumn> columns) => [.. columns.Select(c => c.Cell(figures))];
}
