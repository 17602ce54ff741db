using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Home;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// A number on the dashboard with the case-list filter of the cases behind it; no filter when this viewer may not
/// follow it (a village head's town total).
/// </summary>
public sealed record Figure<T>(T Value, CaseFilter? DrillDown)
{
    /// <summary>The case list showing the cases behind the figure.</summary>
    public string? Href => DrillDown is null ? null : "/cases" + DrillDown.ToQueryString();
}

/// <summary>
/// The figures of DOMAIN.md "Dashboards and statistics" for one row (a village, a category, the town), as
/// <see cref="FigureDefinitions"/> defines them.
/// </summary>
public sealed record Figures(
    Figure<int> Filed,
    Figure<int> InMediation,
    Figure<int> PendingReview,
    Figure<int> Overdue,
    Figure<int> Resolved,
    Figure<int> Referred,
    Figure<int> Terminated,
    Figure<int> Declined,
    Figure<decimal?> SuccessRate,
    Figure<decimal?> AverageDaysToConclude,
    Figure<int> WrittenAgreements,
    Figure<int> OralAgreements,
    Figure<decimal> AmountResolved,
    Figure<int> PeopleResolved,
    Figure<int> PreventedCriminalCases,
    Figure<int> PreventedCriminalPeople);

/// <summary>A village, community or area row, with its count of active mediators (flagged below three).</summary>
public sealed record VillageRow(int VillageId, string Name, int ActiveMediators, Figures Figures)
{
    public bool BelowMinimum => ActiveMediators < VillageRoster.RequiredMediators;
}

/// <summary>A category row, or the total of a statistics group (劳动争议 = its two rows).</summary>
/// <param name="Group">The statistics group the category belongs to, or that this row totals.</param>
public sealed record CategoryRow(string Name, string? Group, bool IsGroupTotal, Figures Figures);

/// <summary>A mediation committee or station (调解组织) and the figures of the cases it handled.</summary>
public sealed record CommitteeRow(int CommitteeId, string Name, Figures Figures);

/// <summary>A month of the trend: filed, resolved and referred in that month (within the period).</summary>
public sealed record MonthRow(DateOnly Month, Figure<int> Filed, Figure<int> Resolved, Figure<int> Referred);

/// <summary>
/// The dashboard of a period as one user may see it. The judicial office and admins see every village and the town,
/// with every link. A village head sees their own village's row, and the town total without links;
/// <see cref="Scope"/>, <see cref="Categories"/> and <see cref="Trend"/> are then their village's.
/// </summary>
/// <param name="ScopeName">The village whose figures <see cref="Scope"/> holds; null for the town.</param>
public sealed record Statistics(
    StatisticsPeriod Period,
    DateOnly Today,
    string? ScopeName,
    IReadOnlyList<VillageRow> Villages,
    Figures Town,
    Figures Scope,
    IReadOnlyList<CategoryRow> Categories,
    IReadOnlyList<MonthRow> Trend,
    IReadOnlyList<CommitteeRow> Committees);
