using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figures for a period: the filed cases and the concluding events of its whole months read from the
/// counters the database keeps (<see cref="FigureCounter"/>), the states at the end of a past month from the open-state
/// deltas it keeps too (<see cref="OpenStateDelta"/>), those of a part-month edge counted in SQL, by village, category
/// and month, and four small queries (villages, categories, committees, the mediator roster). No case is loaded to be counted. See <see cref="FigureDefinitions"/> for what each figure counts.
/// </summary>
public sealed class StatisticsService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The judicial office, admins and village heads see statistics; mediators do not.</summary>
    public static bool MaySee(Actor? actor) => Capability.Oversight.Allows(actor);

    /// <summary>The statistics the signed-in user may see; null when they may see none.</summary>
    public async Task<Statistics?> GetAsync(StatisticsPeriod period, CancellationToken ct = default) =>
        await GetAsync(await currentUser.GetActorAsync(), period, ct);

    /// <summary>The statistics <paramref name="actor"/> may see (see <see cref="Statistics"/>); null when they may see none.</summary>
    public async Task<Statistics?> GetAsync(Actor? actor, StatisticsPeriod period, CancellationToken ct = default) =>
        !MaySee(actor) ? null : await ComputeAsync(actor!.Role == UserRole.VillageHead ? actor.VillageId : null, period, ct);

    /// <summary>The whole town without a user, for the command line.</summary>
    public Task<Statistics> GetTownAsync(StatisticsPeriod period, CancellationToken ct = default) => ComputeAsync(null, period, ct);

    /// <param name="villageOnly">A village head's village: their row in full, the town total without links.</param>
    private async Task<Statistics> ComputeAsync(int? villageOnly, StatisticsPeriod period, CancellationToken ct)
    {
        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        List<Cell> cells =
        [
            .. await AdditiveAsync(db, period, ct),
            .. await StatesAtEndAsync(db, period, today, ct),
        ];
        var villages = await db.Villages.AsNoTracking().OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, v.IsActive }).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.StatisticsGroup, c.IsActive }).ToListAsync(ct);
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.IsActive }).ToListAsync(ct);
        var mediators = await MediatorRoster.ActiveMediatorsByVillageAsync(db, ct);

        var byVillage = Totals(cells, c => c.VillageId);
        var villageRows = villages
            .Where(v => villageOnly is null ? v.IsActive || byVillage.ContainsKey(v.Id) : v.Id == villageOnly)
            .Select(v => new VillageRow(v.Id, v.Name, mediators.GetValueOrDefault(v.Id),
                FigureDefinitions.Of(byVillage.GetValueOrDefault(v.Id), new CaseFilter { VillageId = v.Id }, period)))
            .ToList();

        var scope = new CaseFilter { VillageId = villageOnly };
        var scopeCells = villageOnly is null ? cells : cells.Where(c => c.VillageId == villageOnly).ToList();
        var byCategory = Totals(scopeCells, c => c.CategoryId);
        var shown = categories.Where(c => c.IsActive || byCategory.ContainsKey(c.Id)).ToList();
        var categoryRows = new List<CategoryRow>();
        for (var i = 0; i < shown.Count; i++)
        {
            var category = shown[i];
            categoryRows.Add(new CategoryRow(category.Name, category.StatisticsGroup, IsGroupTotal: false,
                FigureDefinitions.Of(byCategory.GetValueOrDefault(category.Id), scope with { CategoryId = category.Id }, period)));
            if (category.StatisticsGroup is { } group && (i + 1 == shown.Count || shown[i + 1].StatisticsGroup != group))
            {
                var members = categories.Where(c => c.StatisticsGroup == group).Select(c => byCategory.GetValueOrDefault(c.Id));
                categoryRows.Add(new CategoryRow(group, group, IsGroupTotal: true,
                    FigureDefinitions.Of(Tally.Sum(members), scope with { CategoryGroup = group }, period)));
            }
        }

        // 调解组织: the committees that handled cases of the scope; an unused (or inactive, unused) one is left out.
        var byCommittee = Totals(scopeCells.Where(c => c.CommitteeId is not null), c => c.CommitteeId!.Value);
        var committeeRows = committees
            .Where(c => byCommittee.ContainsKey(c.Id))
            .Select(c => new CommitteeRow(c.Id, c.Name, FigureDefinitions.Of(byCommittee[c.Id], scope with { CommitteeId = c.Id }, period)))
            .ToList();

        var byMonth = Totals(scopeCells.Where(c => c.Month is not null), c => c.Month!.Value);
        return new Statistics(
            period,
            today,
            villages.SingleOrDefault(v => v.Id == villageOnly)?.Name,
            villageRows,
            FigureDefinitions.Of(Tally.Sum(cells.Select(c => c.Tally)), villageOnly is null ? new CaseFilter() : null, period),
            FigureDefinitions.Of(Tally.Sum(scopeCells.Select(c => c.Tally)), scope, period),
            categoryRows,
            [.. period.Months.Select(m => FigureDefinitions.Month(m, byMonth.GetValueOrDefault(m), scope, period))],
            committeeRows);
    }

    /// <summary>
    /// 登记 and the concluding events: the period's whole months from the counters the database keeps
    /// (<see cref="FigureCounter"/>, a dozen rows per village and category for a year, however large the town), and the
    /// days of a month the period covers only in part counted from the cases and history of those days.
    /// </summary>
    private static async Task<List<Cell>> AdditiveAsync(AppDbContext db, StatisticsPeriod period, CancellationToken ct)
    {
        var firstWhole = period.From.Day == 1 ? period.From : new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(1);
        var lastWhole = period.To.AddDays(1).Day == 1 ? new DateOnly(period.To.Year, period.To.Month, 1) : new DateOnly(period.To.Year, period.To.Month, 1).AddMonths(-1);
        if (firstWhole > lastWhole)
        {
            return [.. await FiledAsync(db, period.From, period.To, ct), .. await ConcludingEventsAsync(db, period.From, period.To, ct)];
        }

        var cells = await CountersAsync(db, FigureCounter.MonthKey(firstWhole), FigureCounter.MonthKey(lastWhole), ct);
        foreach (var (from, to) in new[] { (period.From, firstWhole.AddDays(-1)), (lastWhole.AddMonths(1), period.To) }.Where(r => r.Item1 <= r.Item2))
        {
            cells.AddRange(await FiledAsync(db, from, to, ct));
            cells.AddRange(await ConcludingEventsAsync(db, from, to, ct));
        }

        return cells;
    }

    private static async Task<List<Cell>> CountersAsync(AppDbContext db, int firstMonth, int lastMonth, CancellationToken ct) =>
        [.. (await db.FigureCounters.AsNoTracking().Where(c => c.Month >= firstMonth && c.Month <= lastMonth).ToListAsync(ct))
            .Select(c => new Cell(c.VillageId, c.CategoryId, c.CommitteeId == 0 ? null : c.CommitteeId, FigureCounter.MonthOf(c.Month), new Tally
            {
                Filed = c.Filed,
                Resolved = c.Resolved,
                Referred = c.Referred,
                Terminated = c.Terminated,
                Declined = c.Declined,
                WrittenAgreements = c.WrittenAgreements,
                OralAgreements = c.OralAgreements,
                AmountResolvedFen = c.AmountResolvedFen,
                PeopleResolved = c.PeopleResolved,
                PreventedCriminalCases = c.PreventedCriminalCases,
                PreventedCriminalPeople = c.PreventedCriminalPeople,
                Concluded = c.Concluded,
                DaysToConclude = c.DaysToConclude,
            }))];

    /// <summary>登记: cases filed on a date between two (inclusive), by village, category and month of filing.</summary>
    private static async Task<IEnumerable<Cell>> FiledAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Cases
            .Where(c => c.FiledOn >= from && c.FiledOn <= to)
            .GroupBy(c => new { c.VillageId, c.CategoryId, c.CommitteeId, c.FiledOn.Year, c.FiledOn.Month })
            .Select(g => new { g.Key.VillageId, g.Key.CategoryId, g.Key.CommitteeId, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct))
        .Select(r => new Cell(r.VillageId, r.CategoryId, r.CommitteeId, new DateOnly(r.Year, r.Month, 1), new Tally { Filed = r.Count }));

    /// <summary>
    /// 在办, 移交待审核 and 超期: the open cases by their state at the end of the period — now, when it has not ended; from
    /// the open-state deltas when it ended on a month's last day (every month, quarter and year); else from the history.
    /// </summary>
    private static async Task<IEnumerable<Cell>> StatesAtEndAsync(AppDbContext db, StatisticsPeriod period, DateOnly today, CancellationToken ct)
    {
        if (period.To >= today)
        {
            return await StatesNowAsync(db, today, ct);
        }

        if (period.To.AddDays(1).Day == 1)
        {
            return await StatesAtMonthEndAsync(db, FigureCounter.MonthKey(period.To), ct);
        }

        // A day inside a month: the deltas are by month, so this one is counted from the history.
        var open = FigureDefinitions.OpenStates.Select(s => (CaseStatus?)s).ToList();
        return (await db.Cases
                .AsOf(period.To, today)
                .Where(x => open.Contains(x.State))
                .GroupBy(x => new { x.Case.VillageId, x.Case.CategoryId, x.Case.CommitteeId, x.State, x.Overdue })
                .Select(g => new { g.Key.VillageId, g.Key.CategoryId, g.Key.CommitteeId, g.Key.State, g.Key.Overdue, Count = g.Count() })
                .ToListAsync(ct))
            .Select(r => OpenCell(r.VillageId, r.CategoryId, r.CommitteeId, r.State, r.Overdue, r.Count));
    }

    /// <summary>
    /// The states at the end of a past month: the sums of the open-state deltas of every month up to it
    /// (<see cref="OpenStateDelta"/>) — a few hundred rows per month of the town's life, however many cases.
    /// </summary>
    private static async Task<IEnumerable<Cell>> StatesAtMonthEndAsync(AppDbContext db, int month, CancellationToken ct) =>
        (await db.OpenStateDeltas
            .Where(d => d.Month <= month)
            .GroupBy(d => new { d.VillageId, d.CategoryId, d.CommitteeId })
            .Select(g => new
            {
                g.Key.VillageId,
                g.Key.CategoryId,
                g.Key.CommitteeId,
                InMediation = g.Sum(d => d.InMediationDelta),
                PendingReview = g.Sum(d => d.PendingReviewDelta),
                Overdue = g.Sum(d => d.OverdueDelta),
            })
            .ToListAsync(ct))
        .Where(r => r.InMediation != 0 || r.PendingReview != 0 || r.Overdue != 0)
        .Select(r => new Cell(r.VillageId, r.CategoryId, r.CommitteeId == 0 ? null : r.CommitteeId, null, new Tally
        {
            InMediation = r.InMediation,
            PendingReview = r.PendingReview,
            Overdue = r.Overdue,
        }));

    /// <summary>
    /// The states at the end of a period that has not ended: the cases' own state now, read by the index on state —
    /// the open cases only, however many are closed. (A step is never dated after the day it is recorded, so the last
    /// step by date is the last one recorded, and the case's state and due date are the ones its history ends in.)
    /// </summary>
    private static async Task<IEnumerable<Cell>> StatesNowAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var open = FigureDefinitions.OpenStates.ToList();
        return (await db.Cases
                .Where(c => open.Contains(c.Status))
                .GroupBy(c => new { c.VillageId, c.CategoryId, c.CommitteeId, c.Status, Overdue = c.Status == CaseStatus.Mediating && c.DueOn < today })
                .Select(g => new { g.Key.VillageId, g.Key.CategoryId, g.Key.CommitteeId, g.Key.Status, g.Key.Overdue, Count = g.Count() })
                .ToListAsync(ct))
            .Select(r => OpenCell(r.VillageId, r.CategoryId, r.CommitteeId, r.Status, r.Overdue, r.Count));
    }

    /// <summary>在办, 移交待审核 and 超期 of <paramref name="count"/> open cases in one state.</summary>
    private static Cell OpenCell(int villageId, int categoryId, int? committeeId, CaseStatus? state, bool overdue, int count) =>
        new(villageId, categoryId, committeeId, null, new Tally
        {
            InMediation = count,
            PendingReview = state == CaseStatus.ReferralPending ? count : 0,
            Overdue = overdue ? count : 0,
        });

    /// <summary>
    /// The concluding transitions that happened in the period, counted as events by village, category, action and the
    /// month they happened in, with what the statistical form adds up over resolutions: agreements by kind (the Resolve
    /// entry's typed column), amount, people, 防止民转刑; and the days from filing to each conclusion.
    /// </summary>
    private static async Task<IEnumerable<Cell>> ConcludingEventsAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        const RiskLevel high = FigureDefinitions.PreventedCriminalRisk;
        var rows = await db.CaseHistory
            .Where(CaseQueries.Events(CaseQueries.AnyOf(FigureDefinitions.Concluding), from, to))
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new
            {
                h.Action,
                h.AgreementKind,
                On = h.OccurredOn,
                c.VillageId,
                c.CategoryId,
                c.CommitteeId,
                c.FiledOn,
                c.AmountInvolved,
                c.PeopleInvolved,
                c.RiskLevel,
            })
            .GroupBy(x => new { x.VillageId, x.CategoryId, x.CommitteeId, x.Action, x.On.Year, x.On.Month })
            .Select(g => new
            {
                g.Key.VillageId,
                g.Key.CategoryId,
                g.Key.CommitteeId,
                g.Key.Action,
                g.Key.Year,
                g.Key.Month,
                Count = g.Count(),
                Written = g.Sum(x => x.AgreementKind == AgreementKind.Written ? 1 : 0),
                Oral = g.Sum(x => x.AgreementKind == AgreementKind.Oral ? 1 : 0),
                Amount = g.Sum(x => x.AmountInvolved ?? 0m),
                People = g.Sum(x => x.PeopleInvolved),
                HighRisk = g.Sum(x => x.RiskLevel == high ? 1 : 0),
                HighRiskPeople = g.Sum(x => x.RiskLevel == high ? x.PeopleInvolved : 0),
                Days = g.Sum(x => x.On.DayNumber - x.FiledOn.DayNumber),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Cell(r.VillageId, r.CategoryId, r.CommitteeId, new DateOnly(r.Year, r.Month, 1), r.Action switch
        {
            nameof(CaseTrigger.Resolve) => new Tally
            {
                Resolved = r.Count,
                WrittenAgreements = r.Written,
                OralAgreements = r.Oral,
                AmountResolvedFen = (long)(r.Amount * 100m),
                PeopleResolved = r.People,
                PreventedCriminalCases = r.HighRisk,
                PreventedCriminalPeople = r.HighRiskPeople,
                Concluded = r.Count,
                DaysToConclude = r.Days,
            },
            nameof(CaseTrigger.ApproveReferral) => new Tally { Referred = r.Count, Concluded = r.Count, DaysToConclude = r.Days },
            nameof(CaseTrigger.Terminate) => new Tally { Terminated = r.Count, Concluded = r.Count, DaysToConclude = r.Days },
            _ => new Tally { Declined = r.Count, Concluded = r.Count, DaysToConclude = r.Days },
        }));
    }

    private static Dictionary<TKey, Tally> Totals<TKey>(IEnumerable<Cell> cells, Func<Cell, TKey> key)
        where TKey : notnull =>
        cells.GroupBy(key).ToDictionary(g => g.Key, g => Tally.Sum(g.Select(c => c.Tally)));

    /// <summary>A tally of one village, category and handling committee (and month, for filings and events).</summary>
    private readonly record struct Cell(int VillageId, int CategoryId, int? CommitteeId, DateOnly? Month, Tally Tally);
}
