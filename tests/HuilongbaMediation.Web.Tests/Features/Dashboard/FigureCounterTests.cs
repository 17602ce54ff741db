using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HuilongbaMediation.Web.Tests.Infrastructure.BackdatedCases;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>
/// The dashboard's counters, which the database keeps by triggers, against what the cases say: random towns whose cases
/// take random walks through the workflow on back-dated days (reopenings, returned referrals, extensions), then are
/// changed after the fact (a later step, a committee reassigned, a case's facts corrected by hand, a case deleted).
/// Every counter must equal one made from scratch, and every figure of random periods (whole months and part months)
/// a direct count of the cases in memory (<see cref="DirectCount"/>), on each engine the tests run on.
/// </summary>
public sealed class FigureCounterTests : IAsyncLifetime
{
    private static readonly string[] Villages = ["wuyunshan", "huilongba", "dashuigou", "julongcheng", "wuliuyuan"];

    private static readonly string[] Categories = ["neighbour", "labour-wages", "marriage-family", "contract", "traffic", "consumer"];

    private TestApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        await _app.SignInAsUserAsync("wangfang");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task After_random_workloads_every_counter_equals_a_count_from_scratch_and_every_figure_a_direct_count(int seed)
    {
        var random = new Random(seed);
        var town = await CreateAsync(_app);
        var walks = Enumerable.Range(0, 40).Select(_ => Walk(town, random)).ToList();
        await town.SaveAsync();

        // After the fact: a step on a case already saved (dated back), then changes that move a case's contributions.
        var ids = walks.Select(w => w.Case.Id).ToList();
        await using (var db = await _app.DbAsync())
        {
            var resolved = await db.Cases.Where(c => ids.Contains(c.Id) && c.Status == CaseStatus.Resolved).Select(c => c.Id).FirstOrDefaultAsync();
            if (resolved != 0)
            {
                await town.ApplyAsync(resolved, Today, (c, actor, at) => c.RecordFollowUp(actor, at, new FollowUpInput(Today, PerformanceStatus.None, "未履行")));
                await town.ApplyAsync(resolved, Today, (c, actor, at) => c.Reopen(actor, at, new ReopenInput("协议未履行", Today)));
            }

            var committee = await db.Committees.Where(c => c.Code == "traffic-committee").Select(c => c.Id).SingleAsync();
            var moved = ids[random.Next(ids.Count)];
            var version = await db.Cases.Where(c => c.Id == moved).Select(c => c.Version).SingleAsync();
            Assert.True((await _app.Get<CaseService>().AssignCommitteeAsync(moved, version, committee)).Succeeded);

            // Corrections by hand, around the services: the triggers still see them.
            var corrected = ids[random.Next(ids.Count)];
            var otherCategory = await db.Categories.Where(c => c.Code == "traffic").Select(c => c.Id).SingleAsync();
            await db.Cases.Where(c => c.Id == corrected).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CategoryId, otherCategory)
                .SetProperty(c => c.PeopleInvolved, c => c.PeopleInvolved + 3)
                .SetProperty(c => c.RiskLevel, RiskLevel.High));
            var deleted = ids[random.Next(ids.Count)];
            await db.Cases.Where(c => c.Id == deleted).ExecuteDeleteAsync();
            var village = await db.Villages.Where(v => v.Code == "julongcheng").Select(v => v.Id).SingleAsync();
            var movedAway = ids[random.Next(ids.Count)];
            await db.Cases.Where(c => c.Id == movedAway).ExecuteUpdateAsync(s => s.SetProperty(c => c.VillageId, village));
        }

        var asOf = await DeltasEqualAsOfAsync(_app, D(2023, 10, 1));
        Assert.True(asOf.InMediation > 0 && asOf.PendingReview > 0 && asOf.Overdue > 0, $"the workload left no open, pending or overdue month-end: {asOf}");

        var rebuild = await _app.Get<FigureCounterRebuilder>().RebuildAsync();
        Assert.Equal(0, rebuild.Differing);

        List<MediationCase> cases;
        await using (var db = await _app.DbAsync())
        {
            cases = await db.Cases.AsNoTracking().Include(c => c.History).ToListAsync();
        }

        var statistics = _app.Get<StatisticsService>();
        foreach (var period in RandomPeriods(random))
        {
            var stats = (await statistics.GetAsync(period))!;
            new DirectCount(cases, period.From, period.To, stats.Today).AssertEqual(stats.Town, $"{period.From}–{period.To}");
            foreach (var village in stats.Villages)
            {
                new DirectCount(cases.Where(c => c.VillageId == village.VillageId), period.From, period.To, stats.Today)
                    .AssertEqual(village.Figures, $"{village.Name} {period.From}–{period.To}");
            }
        }

        // An event's date moved by hand (DirectCount reads the dates the entries' JSON carried, so only the rebuild and AsOf can judge).
        await using (var db = await _app.DbAsync())
        {
            await db.CaseHistory.Where(h => ids.Contains(h.CaseId) && h.Action == nameof(CaseTrigger.Resolve))
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.OccurredOn, h => h.OccurredOn.AddDays(-40)));

            // The open states' history changed by hand: acceptances dated later, a deadline brought forward, a case's last
            // step taken back.
            await db.CaseHistory.Where(h => ids.Contains(h.CaseId) && h.CaseId % 3 == 0 && h.Action == nameof(CaseTrigger.Accept))
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.OccurredOn, h => h.OccurredOn.AddDays(9)));
            await db.CaseHistory.Where(h => ids.Contains(h.CaseId) && h.Action == nameof(CaseAction.ExtendDeadline))
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.DueOn, h => h.DueOn!.Value.AddDays(-30)));
            var takenBack = ids[random.Next(ids.Count)];
            var last = await db.CaseHistory.Where(h => h.CaseId == takenBack).OrderByDescending(h => h.Id).Select(h => h.Id).FirstAsync();
            await db.CaseHistory.Where(h => h.Id == last).ExecuteDeleteAsync();
        }

        await DeltasEqualAsOfAsync(_app, D(2023, 10, 1));
        Assert.Equal(0, (await _app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
    }

    /// <summary>
    /// At the end of every month from <paramref name="from"/> to the last one before today, for every village, category and
    /// committee: the open-state deltas summed up to the month equal <see cref="CaseQueries.AsOf"/>'s count at its last
    /// day (在办, 移交待审核, 超期). Returns the totals over all those month-ends, for a test to see it checked something.
    /// </summary>
    internal static async Task<(int InMediation, int PendingReview, int Overdue)> DeltasEqualAsOfAsync(TestApp app, DateOnly from)
    {
        await using var db = await app.DbAsync();
        var open = FigureDefinitions.OpenStates.Select(s => (CaseStatus?)s).ToList();
        var deltas = await db.OpenStateDeltas.AsNoTracking().ToListAsync();
        var totals = (0, 0, 0);
        for (var end = new DateOnly(from.Year, from.Month, 1).AddMonths(1).AddDays(-1); end < Today; end = end.AddDays(1).AddMonths(1).AddDays(-1))
        {
            var direct = (await db.Cases.AsOf(end, Today).Where(x => open.Contains(x.State))
                    .Select(x => new { x.Case.VillageId, x.Case.CategoryId, x.Case.CommitteeId, x.State, x.Overdue }).ToListAsync())
                .GroupBy(x => (x.VillageId, x.CategoryId, CommitteeId: x.CommitteeId ?? 0))
                .Select(g => (g.Key, Counts: (g.Count(), g.Count(x => x.State == CaseStatus.ReferralPending), g.Count(x => x.Overdue))))
                .OrderBy(x => x.Key).ToList();
            var summed = deltas.Where(d => d.Month <= FigureCounter.MonthKey(end))
                .GroupBy(d => (d.VillageId, d.CategoryId, d.CommitteeId))
                .Select(g => (g.Key, Counts: (g.Sum(d => d.InMediationDelta), g.Sum(d => d.PendingReviewDelta), g.Sum(d => d.OverdueDelta))))
                .Where(x => x.Counts != (0, 0, 0))
                .OrderBy(x => x.Key).ToList();
            Assert.True(direct.SequenceEqual(summed), $"{end}: AsOf {string.Join(' ', direct)} but the deltas {string.Join(' ', summed)}");
            totals = (totals.Item1 + direct.Sum(x => x.Counts.Item1), totals.Item2 + direct.Sum(x => x.Counts.Item2), totals.Item3 + direct.Sum(x => x.Counts.Item3));
        }

        return totals;
    }

    [Fact]
    public async Task Rebuilding_finds_and_mends_counters_written_around_the_triggers()
    {
        var town = await CreateAsync(_app);
        town.File("wuyunshan", "neighbour", D(2025, 3, 1), amount: 500m).Accept(D(2025, 3, 2)).Session(D(2025, 3, 3)).Resolve(D(2025, 3, 9), AgreementKind.Written);
        await town.SaveAsync();
        await using (var db = await _app.DbAsync())
        {
            await db.FigureCounters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Resolved, c => c.Resolved + 5));
        }

        var before = (await _app.Get<StatisticsService>().GetAsync(StatisticsPeriod.OfYear(2025)))!;
        var output = new StringWriter();
        Assert.Equal(0, await new RebuildCountersCommand(output).RunAsync(_app.Get<IServiceProvider>()));
        var after = (await _app.Get<StatisticsService>().GetAsync(StatisticsPeriod.OfYear(2025)))!;

        Assert.Equal(6, before.Town.Resolved.Value);
        Assert.Equal(1, after.Town.Resolved.Value);
        Assert.Contains("重建前有 1 行与案件记录不符", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await _app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
    }

    /// <summary>A case filed on a random day of 2024–today in a random village and category, walked on through the workflow.</summary>
    private static CaseScript Walk(BackdatedCases town, Random random)
    {
        var span = Today.DayNumber - D(2024, 1, 1).DayNumber;
        var on = D(2024, 1, 1).AddDays(random.Next(span));
        var risk = random.Next(4) == 0 ? RiskLevel.High : RiskLevel.Low;
        var script = town.File(Villages[random.Next(Villages.Length)], Categories[random.Next(Categories.Length)], on,
            amount: random.Next(3) == 0 ? null : random.Next(1, 200_000) / 100m, people: random.Next(2, 12), risk: risk);
        DateOnly Later() => on = on.AddDays(random.Next(0, 25)) is var next && next > Today ? Today : next;
        try
        {
            if (random.Next(8) == 0)
            {
                return script.Decline(Later());
            }

            script.Accept(Later()).Session(Later());
            for (var steps = 0; steps < 4; steps++)
            {
                switch (random.Next(6))
                {
                    case 0:
                        script.Resolve(Later(), random.Next(2) == 0 ? AgreementKind.Written : AgreementKind.Oral);
                        if (random.Next(3) != 0)
                        {
                            return script;
                        }

                        script.Reopen(Later()).Session(Later());
                        break;
                    case 1:
                        script.Refer(Later());
                        if (random.Next(2) == 0)
                        {
                            return script.Approve(Later());
                        }

                        script.Return(Later()).Session(Later());
                        break;
                    case 2:
                        return script.Terminate(Later());
                    case 3:
                        script.ExtendDeadline(Later(), on.AddDays(45));
                        break;
                    case 4:
                        script.Session(Later());
                        break;
                    default:
                        return script; // left open, perhaps overdue
                }
            }
        }
        catch (InvalidOperationException)
        {
            // A step the workflow refused (e.g. a reopening too late): the case keeps the steps it had.
        }

        return script;
    }

    /// <summary>Whole years, whole months, and ranges that start and end inside months (and one inside a single month).</summary>
    private static IEnumerable<StatisticsPeriod> RandomPeriods(Random random)
    {
        yield return StatisticsPeriod.OfYear(2024);
        yield return StatisticsPeriod.OfYear(2025);
        yield return StatisticsPeriod.OfYear(Today.Year);
        for (var i = 0; i < 6; i++)
        {
            var from = D(2024, 1, 1).AddDays(random.Next(Today.DayNumber - D(2024, 1, 1).DayNumber));
            var to = from.AddDays(random.Next(i == 0 ? 20 : 400));
            yield return StatisticsPeriod.Between(from, to)!;
        }
    }
}
