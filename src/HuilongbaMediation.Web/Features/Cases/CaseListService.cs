using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>The columns the case list sorts by.</summary>
public enum CaseSort
{
    FiledOn,
    Number,
    DueOn,
    Status,
    Village,
}

/// <summary>One page of the case list: which cases, which page, in which order.</summary>
public sealed record CaseListRequest(CaseFilter Filter, int Page = 0, int PageSize = 25, CaseSort Sort = CaseSort.FiledOn, bool Descending = true);

/// <summary>A row of the case list. <see cref="DaysLeft"/> is negative when overdue; null when no deadline runs.</summary>
public sealed record CaseRow(
    int Id,
    string Number,
    CaseStatus Status,
    string Summary,
    string Village,
    string Category,
    string? LeadMediator,
    string Parties,
    RiskLevel Risk,
    DateOnly FiledOn,
    DateOnly? DueOn,
    int? DaysLeft)
{
    public bool IsOverdue => DaysLeft < 0;
}

/// <summary>
/// One page of rows and how many cases match: exactly, or, for a search, up to <see cref="CaseListService.SearchTotalCap"/>,
/// with <see cref="TotalCapped"/> set when there are more (the list shows "1,000+", and pages up to the cap).
/// </summary>
public sealed record CasePage(IReadOnlyList<CaseRow> Rows, int Total, bool TotalCapped = false);

/// <summary>
/// How often the events of an event filter happened to the listed cases: a statistics figure counts events, the list
/// cases, so a case resolved twice in the period is one row and two in the figure.
/// </summary>
public sealed record EventTally(int Events, int CasesMoreThanOnce);

/// <summary>
/// The case list: what the user may see, filtered, searched, sorted and paged in SQL. It loads the rows it shows and
/// one count, never the whole table.
/// </summary>
public sealed class CaseListService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>A search counts its matches up to this many ("1,000+" beyond): a count of every match would read them all.</summary>
    public const int SearchTotalCap = 1000;

    /// <summary>
    /// A common term's page is found by testing the cases in the list's order while it ends within this many matches (the
    /// first four pages of 25); beyond, by the candidates. At a million cases, 王's first page took 7 ms this way and its
    /// fortieth 380 ms, where the candidates cost about 200 ms whatever the page (a loaded machine, raw SQL).
    /// </summary>
    public const int ExactWalkRows = 100;
    private const int SummaryLength = 60;
    private const int MaxPartiesShown = 4;

    public async Task<CasePage> ListAsync(CaseListRequest request, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return new CasePage([], 0);
        }

        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var search = request.Filter.Search is { Length: > 0 } term ? term : null;
        // A search's rows are found from its candidates (unless the term is common, below), the user's scope tested on them.
        var cases = db.Cases.AsNoTracking().VisibleTo(actor, scopeLeads: search is null).Matching(db, request.Filter, actor, today);
        var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var skip = Math.Max(0, request.Page) * size;
        var (total, capped) = (0, false);
        var index = CaseSearchIndex.Of(db);
        // Nothing but the term narrows what the user sees (all cases for the office, a village's for its head): the list's
        // order is an index's (CaseListPlanTests), so the cases can be tested in it until the page is full.
        var onlyTerm = search is not null && request.Filter.States.Count == 0
            && request.Filter == new CaseFilter { States = request.Filter.States, Search = search };
        var searchOnly = onlyTerm && CaseQueries.SeesEveryCase(actor);
        if (search is null)
        {
            total = await cases.CountAsync(ct);
        }
        else if (searchOnly
            ? await index.ProvesMoreThanAsync(db, search, SearchTotalCap, ct)
            : await index.ProvesMoreThanAsync(db, db.Cases.AsNoTracking().VisibleTo(actor, scopeLeads: false).Matching(db, request.Filter with { Search = null }, actor, today), search, SearchTotalCap, ct))
        {
            // The index alone shows more than the cap among the cases the list may show: no match need be tested.
            (total, capped) = (SearchTotalCap, true);
        }
        else
        {
            total = await cases.OrderBy(c => c.Id).Take(SearchTotalCap + 1).CountAsync(ct);
            (total, capped) = total > SearchTotalCap ? (SearchTotalCap, true) : (total, false);
        }

        // A very common term, sorted by a column with an index (filing date, number): the page is found walking that index,
        // testing each case (the first pages of a list nothing else narrows, where the term is common enough that a page
        // is near: for the office, or more than the cap among a village's cases) or looking it up among the candidates
        // (deeper pages, where testing would read more, and lists narrowed by other filters, which SQLite may read by
        // another index and sort). Both walk the list's order with the user's scope leading (a village's by its index).
        if (search is not null && request.Sort is CaseSort.FiledOn or CaseSort.Number && await index.IsCommonAsync(db, search, ct))
        {
            var walk = (searchOnly || (onlyTerm && capped)) && skip + size <= ExactWalkRows ? SearchWalk.Exact : SearchWalk.Candidates;
            cases = db.Cases.AsNoTracking().VisibleTo(actor).Matching(db, request.Filter, actor, today, walk);
        }

        var oneVillage = actor.Role == UserRole.VillageHead || request.Filter.VillageId is not null;
        var rows = await Sorted(cases, db, request, oneVillage)
            .Skip(skip)
            .Take(size)
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Status,
                c.Summary,
                Village = db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.Name).First(),
                Category = db.Categories.Where(v => v.Id == c.CategoryId).Select(v => v.Name).First(),
                Lead = c.Mediators.Where(m => m.IsLead).Select(m => m.DisplayName).FirstOrDefault(),
                // All of the page's parties (a handful each), not Take(n) in SQL: that becomes a window over every party.
                Parties = c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => p.Name).ToList(),
                c.RiskLevel,
                c.FiledOn,
                c.DueOn,
            })
            .ToListAsync(ct);
        return new CasePage(
            [.. rows.Select(r => new CaseRow(
                r.Id, r.Number, r.Status, Shorten(r.Summary), r.Village, r.Category, r.Lead, string.Join("、", r.Parties.Take(MaxPartiesShown)), r.RiskLevel,
                r.FiledOn, r.DueOn, r.Status == CaseStatus.Mediating && r.DueOn is { } due ? due.DayNumber - today.DayNumber : null))],
            total,
            capped);
    }

    /// <summary>The events behind an event filter (<see cref="CaseFilter.Event"/>) among the cases it lists; null without one.</summary>
    public async Task<EventTally?> EventTallyAsync(CaseFilter filter, CancellationToken ct = default)
    {
        if (filter.Event is not { } events || await currentUser.GetActorAsync() is not { } actor)
        {
            return null;
        }

        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = CaseQueries.Events(events, filter.EventFrom, filter.EventTo);
        var perCase = db.Cases.AsNoTracking().VisibleTo(actor).Matching(db, filter, actor, today)
            .Select(c => c.History.AsQueryable().Count(matching));
        var tally = await perCase.GroupBy(_ => 1)
            .Select(g => new EventTally(g.Sum(n => n), g.Count(n => n > 1)))
            .SingleOrDefaultAsync(ct);
        return tally ?? new EventTally(0, 0);
    }

    /// <summary>
    /// The page's order. Each has an index to walk (SQLite and PostgreSQL stop at the page instead of sorting every visible
    /// case): the filing date, the number, the deadline with the cases without one last (<see cref="CaseListIndexes"/>),
    /// the status then the filing date (ties of a status follow the column's direction, so that one index serves both);
    /// a village's list by filing date or by status; one village's list in the village's order is its list by filing date.
    /// Three still sort (<c>CaseListPlanTests</c> names them): the office's by village, the village's place being another
    /// table's, and a village's list by number or by deadline.
    /// </summary>
    private static IQueryable<MediationCase> Sorted(IQueryable<MediationCase> cases, AppDbContext db, CaseListRequest request, bool oneVillage) =>
        (request.Sort, request.Descending) switch
        {
            (CaseSort.Number, false) => cases.OrderBy(c => c.Year).ThenBy(c => c.Sequence).ThenByDescending(c => c.Id),
            (CaseSort.Number, true) => cases.OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).ThenByDescending(c => c.Id),
            (CaseSort.DueOn, false) => cases.OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenByDescending(c => c.Id),
            (CaseSort.DueOn, true) => cases.OrderBy(c => c.DueOn == null).ThenByDescending(c => c.DueOn).ThenByDescending(c => c.Id),
            (CaseSort.Status, false) => cases.OrderBy(c => c.Status).ThenBy(c => c.FiledOn).ThenBy(c => c.Id),
            (CaseSort.Status, true) => cases.OrderByDescending(c => c.Status).ThenByDescending(c => c.FiledOn).ThenByDescending(c => c.Id),
            (CaseSort.Village, false) when !oneVillage =>
                cases.OrderBy(c => db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.SortOrder).First()).ThenBy(c => c.FiledOn).ThenBy(c => c.Id),
            (CaseSort.Village, true) when !oneVillage =>
                cases.OrderByDescending(c => db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.SortOrder).First()).ThenByDescending(c => c.FiledOn).ThenByDescending(c => c.Id),
            (_, false) => cases.OrderBy(c => c.FiledOn).ThenByDescending(c => c.Id),
            (_, true) => cases.OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id),
        };

    private static string Shorten(string summary) =>
        summary.Length <= SummaryLength ? summary : string.Concat(summary.AsSpan(0, SummaryLength), "…");
}
