using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>The dashboard's figures over <see cref="TownScenario"/>, against direct counts and against the case list.</summary>
public sealed class StatisticsServiceTests : IAsyncLifetime
{
    private static readonly StatisticsPeriod Year2025 = StatisticsPeriod.OfYear(TownScenario.Year);

    private TestApp _app = default!;

    private StatisticsService Statistics => _app.Get<StatisticsService>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        await TownScenario.BuildAsync(_app);
        await _app.SignInAsUserAsync("wangfang");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> Periods => new()
    {
        { "2024-01-01", "2024-12-31" },
        { "2025-01-01", "2025-12-31" },
        { "2025-02-01", "2025-04-30" },
        { "2026-01-01", "2026-12-31" },
        { "2025-01-15", "2025-03-10" }, // part months at both ends around a whole one (counters and direct counts)
        { "2025-03-05", "2025-03-25" }, // inside one month
        { "2024-12-25", "2025-12-31" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Every_figure_of_every_row_equals_a_direct_count(string from, string to)
    {
        var period = StatisticsPeriod.Between(DateOnly.Parse(from), DateOnly.Parse(to))!;
        var stats = (await Statistics.GetAsync(period))!;
        var cases = await AllCasesAsync();
        DirectCount Count(Func<MediationCase, bool> which) => new(cases.Where(which), period.From, period.To, stats.Today);

        Count(_ => true).AssertEqual(stats.Town, "town");
        Count(_ => true).AssertEqual(stats.Scope, "scope");
        await using var db = await _app.DbAsync();
        Assert.Equal(await db.Villages.CountAsync(), stats.Villages.Count);
        foreach (var village in stats.Villages)
        {
            Count(c => c.VillageId == village.VillageId).AssertEqual(village.Figures, village.Name);
        }

        var categories = await db.Categories.ToListAsync();
        foreach (var row in stats.Categories)
        {
            var ids = categories.Where(c => row.IsGroupTotal ? c.StatisticsGroup == row.Name : c.Name == row.Name).Select(c => c.Id).ToList();
            Count(c => ids.Contains(c.CategoryId)).AssertEqual(row.Figures, row.Name);
        }

        // 调解组织: each committee's row counts the cases it handled; together they hold every case (each has one).
        Assert.Equal(stats.Committees.Select(r => r.CommitteeId).Distinct().Count(), stats.Committees.Count);
        foreach (var row in stats.Committees)
        {
            Count(c => c.CommitteeId == row.CommitteeId).AssertEqual(row.Figures, row.Name);
        }

        Assert.Equal(stats.Town.Filed.Value, stats.Committees.Sum(r => r.Figures.Filed.Value));
        Assert.Equal(stats.Town.Resolved.Value, stats.Committees.Sum(r => r.Figures.Resolved.Value));

        foreach (var month in stats.Trend)
        {
            var first = month.Month < period.From ? period.From : month.Month;
            var last = month.Month.AddMonths(1).AddDays(-1) is var end && end > period.To ? period.To : end;
            var direct = new DirectCount(cases, first, last, stats.Today);
            Assert.Equal((direct.Filed, direct.Resolved, direct.Referred), (month.Filed.Value, month.Resolved.Value, month.Referred.Value));
        }
    }

    [Fact]
    public async Task The_hard_cases_count_as_DOMAIN_md_says()
    {
        var stats = (await Statistics.GetAsync(Year2025))!;
        var row = stats.Villages.ToDictionary(v => v.Name, v => v.Figures);

        // Town: 10 filed in 2025 (E was filed in 2024, L in 2026); 5 resolutions, C's two among them; E's approval.
        Assert.Equal((10, 5, 1, 1, 1), (stats.Town.Filed.Value, stats.Town.Resolved.Value, stats.Town.Referred.Value, stats.Town.Terminated.Value, stats.Town.Declined.Value));
        Assert.Equal(5m / 7m, stats.Town.SuccessRate.Value);
        Assert.Equal((3, 2), (stats.Town.WrittenAgreements.Value, stats.Town.OralAgreements.Value));
        Assert.Equal(58000.50m, stats.Town.AmountResolved.Value);
        Assert.Equal((3, 14), (stats.Town.PreventedCriminalCases.Value, stats.Town.PreventedCriminalPeople.Value));
        Assert.Equal(110m / 8, stats.Town.AverageDaysToConclude.Value);

        // 五云山村: B was referred and returned, then resolved: resolved, not referred. C resolved twice.
        Assert.Equal((3, 4, 0, 0), (row["五云山村"].Filed.Value, row["五云山村"].Resolved.Value, row["五云山村"].Referred.Value, row["五云山村"].InMediation.Value));

        // 回龙坝村: D was mediating and overdue at the end of 2025, though its deadline was extended in 2026; E was referred in 2025.
        Assert.Equal((1, 1, 1, 1), (row["回龙坝村"].Filed.Value, row["回龙坝村"].InMediation.Value, row["回龙坝村"].Overdue.Value, row["回龙坝村"].Referred.Value));

        // 聚龙城社区: J's deadline was extended into 2026 before it passed, so it is open but not overdue.
        Assert.Equal((2, 0), (row["聚龙城社区"].InMediation.Value, row["聚龙城社区"].Overdue.Value));

        // 调解组织: the 物流园片区's labour case went to the town's committee, its traffic case to the transport committee,
        // 大水沟村's labour case to the first 红岩 station; the village committees hold the rest of their villages' cases.
        var committee = stats.Committees.ToDictionary(c => c.Name, c => c.Figures);
        Assert.Equal((1, 1), (committee["回龙坝镇人民调解委员会"].Filed.Value, committee["回龙坝镇人民调解委员会"].PendingReview.Value));
        Assert.Equal((1, 1), (committee["重庆市交通运输人民调解委员会"].Filed.Value, committee["重庆市交通运输人民调解委员会"].Terminated.Value));
        Assert.Equal((1, 1), (committee["回龙坝镇红岩市民综合调解站（一站）"].Filed.Value, committee["回龙坝镇红岩市民综合调解站（一站）"].Resolved.Value));
        Assert.Equal((1, 1), (committee["回龙坝镇大水沟村人民调解委员会"].Filed.Value, committee["回龙坝镇大水沟村人民调解委员会"].Declined.Value));
        Assert.Equal((3, 4), (committee["回龙坝镇五云山村人民调解委员会"].Filed.Value, committee["回龙坝镇五云山村人民调解委员会"].Resolved.Value));
        Assert.DoesNotContain("回龙坝镇大桥村人民调解委员会", committee.Keys);

        // 物流园片区 is a row of its own; 大桥村 has no cases and a row of zeros.
        Assert.Equal((2, 1, 1, 1), (row["物流园片区"].Filed.Value, row["物流园片区"].InMediation.Value, row["物流园片区"].PendingReview.Value, row["物流园片区"].Terminated.Value));
        var daqiao = stats.Villages.Single(v => v.Name == "大桥村");
        Assert.All(FigureColumns.All.Where(c => c != FigureColumns.SuccessRate && c != FigureColumns.AverageDays), c => Assert.Equal(0m, Convert.ToDecimal(c.Cell(daqiao.Figures).Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((FigureFormat.None, FigureFormat.None), (FigureColumns.SuccessRate.Cell(daqiao.Figures).Text, FigureColumns.AverageDays.Cell(daqiao.Figures).Text));

        // 劳动争议 adds up its two rows: B and F (wages) and K (other).
        var labour = stats.Categories.Single(c => c.IsGroupTotal);
        Assert.Equal(("劳动争议", 3), (labour.Name, labour.Figures.Filed.Value));
    }

    [Fact]
    public async Task A_case_filed_in_one_year_and_concluded_in_the_next_counts_in_each_year_for_what_happened_then()
    {
        var y2025 = (await Statistics.GetAsync(Year2025))!.Villages.Single(v => v.Name == "回龙坝村").Figures;
        var y2026 = (await Statistics.GetAsync(StatisticsPeriod.OfYear(2026)))!.Villages.Single(v => v.Name == "回龙坝村").Figures;

        Assert.Equal((1, 0, 1), (y2025.Filed.Value, y2025.Resolved.Value, y2025.InMediation.Value));
        Assert.Equal(1, y2026.Resolved.Value); // D, filed 2025-11-20, resolved 2026-01-10 after 51 days
        Assert.Equal(51m, y2026.AverageDaysToConclude.Value);
        Assert.Equal(1, y2026.Overdue.Value); // L: accepted 2026-03-02, due 2026-04-01, still mediating today
    }

    [Fact]
    public async Task Months_add_up_to_the_year()
    {
        var stats = (await Statistics.GetAsync(Year2025))!;

        Assert.Equal(12, stats.Trend.Count);
        Assert.Equal(stats.Town.Filed.Value, stats.Trend.Sum(m => m.Filed.Value));
        Assert.Equal(stats.Town.Resolved.Value, stats.Trend.Sum(m => m.Resolved.Value));
        Assert.Equal(stats.Town.Referred.Value, stats.Trend.Sum(m => m.Referred.Value));
        Assert.Equal([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], stats.Trend.Select(m => m.Resolved.Value));
    }

    [Fact]
    public async Task Each_drill_down_lists_the_cases_behind_its_figure()
    {
        var stats = (await Statistics.GetAsync(Year2025))!;
        var direct = new DirectCount(await AllCasesAsync(), Year2025.From, Year2025.To, stats.Today);
        var list = _app.Get<CaseListService>();
        async Task<int> Listed(Figure<int> figure) => (await list.ListAsync(new CaseListRequest(figure.DrillDown!, 0, 100))).Total;

        foreach (var figures in stats.Villages.Select(v => v.Figures).Append(stats.Town).Concat(stats.Categories.Select(c => c.Figures)))
        {
            // Case counts: the list is exactly the cases counted.
            foreach (var figure in new[] { figures.Filed, figures.InMediation, figures.PendingReview, figures.Overdue })
            {
                Assert.Equal(figure.Value, await Listed(figure));
            }

            // Event counts: each case once, however many times it had the event in the period.
            Assert.True(await Listed(figures.Resolved) <= figures.Resolved.Value);
            foreach (var figure in new[] { figures.Referred, figures.Terminated, figures.Declined, figures.OralAgreements })
            {
                Assert.Equal(figure.Value, await Listed(figure));
            }
        }

        // In the town, only C was resolved twice (orally, then in writing): listed once, counted twice.
        Assert.Equal(1, direct.Repeats("Resolve"));
        Assert.Equal(stats.Town.Resolved.Value - direct.Repeats("Resolve"), await Listed(stats.Town.Resolved));
        Assert.Equal(4, await Listed(stats.Town.Resolved));
        Assert.Equal(3, await Listed(stats.Town.WrittenAgreements)); // A, C (its second agreement), K
        Assert.Equal(2, await Listed(stats.Town.PreventedCriminalCases)); // B and C, for 3 resolutions
        Assert.Equal(4, await Listed(new Figure<int>(0, stats.Town.PeopleResolved.DrillDown)));
        Assert.Equal(6, await Listed(new Figure<int>(0, stats.Town.SuccessRate.DrillDown))); // A, B, C, K resolved; E referred; G terminated
        Assert.Equal(7, await Listed(new Figure<int>(0, stats.Town.AverageDaysToConclude.DrillDown))); // and H declined
    }

    [Fact]
    public async Task The_open_states_at_the_end_of_past_months_and_years_equal_the_cases_their_drill_downs_list()
    {
        var list = _app.Get<CaseListService>();
        async Task<int> Listed(Figure<int> figure) => (await list.ListAsync(new CaseListRequest(figure.DrillDown!, 0, 100))).Total;
        var periods = Enumerable.Range(1, 12).Select(m => StatisticsPeriod.Between(new DateOnly(TownScenario.Year, m, 1), new DateOnly(TownScenario.Year, m, 1).AddMonths(1).AddDays(-1))!)
            .Append(StatisticsPeriod.Between(new DateOnly(TownScenario.Year, 1, 1), new DateOnly(TownScenario.Year, 3, 31))!)
            .Append(StatisticsPeriod.OfYear(TownScenario.Year - 1))
            .Append(Year2025);
        var (open, pending, overdue) = (0, 0, 0);
        foreach (var period in periods)
        {
            var stats = (await Statistics.GetAsync(period))!;
            Assert.True(period.To < stats.Today); // ended: read from the open-state deltas
            foreach (var figures in stats.Villages.Select(v => v.Figures).Append(stats.Town).Concat(stats.Categories.Select(c => c.Figures)))
            {
                foreach (var figure in new[] { figures.InMediation, figures.PendingReview, figures.Overdue })
                {
                    Assert.Equal(figure.Value, await Listed(figure));
                }
            }

            (open, pending, overdue) = (open + stats.Town.InMediation.Value, pending + stats.Town.PendingReview.Value, overdue + stats.Town.Overdue.Value);
        }

        Assert.True(open > 0 && pending > 0 && overdue > 0, $"the scenario's month-ends had no open, pending or overdue case: {(open, pending, overdue)}");
    }

    [Fact]
    public async Task A_drill_down_into_events_says_how_many_events_its_cases_had_and_the_filter_in_words()
    {
        var stats = (await Statistics.GetAsync(Year2025))!;
        var list = _app.Get<CaseListService>();
        var resolved = stats.Town.Resolved.DrillDown!;

        var tally = await list.EventTallyAsync(resolved);
        var listed = (await list.ListAsync(new CaseListRequest(resolved))).Total;

        // 5 resolutions of 4 cases: C was resolved twice. The list says so instead of silently showing fewer.
        Assert.Equal(new EventTally(stats.Town.Resolved.Value, 1), tally);
        Assert.Equal(stats.Town.Resolved.Value - 1, listed);
        Assert.Null(await list.EventTallyAsync(stats.Town.Filed.DrillDown!)); // a count of cases needs no explanation

        using var culture = new CultureScope("zh-CN");
        var options = await _app.Get<CaseFormOptions>().GetAsync();
        var t = _app.Get<Microsoft.Extensions.Localization.IStringLocalizer<HuilongbaMediation.Web.Resources.CasesText>>();
        Assert.Equal(["2025年内调解成功的案件"], CaseFilterText.Describe(resolved, options, t));
        var wuyunshan = stats.Villages.Single(v => v.Name == "五云山村").Figures;
        Assert.Equal(["2025-12-31日终时为调解中", "五云山村"], CaseFilterText.Describe(wuyunshan.Overdue.DrillDown! with { Overdue = false }, options, t));
        Assert.Equal(["2025年内调解成功、移交（审核通过）或终止调解的案件", "五云山村"], CaseFilterText.Describe(wuyunshan.SuccessRate.DrillDown!, options, t));
        Assert.Equal(["2025-12-31日终时已超期", "五云山村"], CaseFilterText.Describe(wuyunshan.Overdue.DrillDown!, options, t));
        var march = stats.Trend.Single(m => m.Month.Month == 3);
        Assert.Equal(["2025年3月内调解成功的案件"], CaseFilterText.Describe(march.Resolved.DrillDown!, options, t));
    }

    [Fact]
    public async Task A_village_head_sees_their_village_in_full_and_only_the_total_of_the_town()
    {
        var town = (await Statistics.GetAsync(Year2025))!;
        var head = await _app.SignInAsUserAsync("liqiang");

        var stats = (await Statistics.GetAsync(Year2025))!;

        var village = Assert.Single(stats.Villages);
        Assert.Equal((head.VillageId, "五云山村"), ((int?)village.VillageId, village.Name));
        Assert.Equal("五云山村", stats.ScopeName);
        Assert.All(FigureColumns.All, c => Assert.NotNull(c.Cell(village.Figures).Href));
        Assert.All(FigureColumns.All, c => Assert.Null(c.Cell(stats.Town).Href));
        Assert.Equal(FigureColumns.All.Select(c => c.Cell(town.Town).Text), FigureColumns.All.Select(c => c.Cell(stats.Town).Text));
        Assert.Equal(FigureColumns.All.Select(c => c.Cell(village.Figures).Text), FigureColumns.All.Select(c => c.Cell(stats.Scope).Text));
        Assert.Equal(3, stats.Categories.Sum(c => c.IsGroupTotal ? 0 : c.Figures.Filed.Value)); // the categories are the village's
        Assert.Equal(3, stats.Trend.Sum(m => m.Filed.Value));
        Assert.All(stats.Categories, c => Assert.Equal(head.VillageId, c.Figures.Filed.DrillDown!.VillageId));
    }

    [Fact]
    public async Task A_village_heads_drill_down_into_another_village_finds_nothing()
    {
        var huilongba = (await Statistics.GetAsync(Year2025))!.Villages.Single(v => v.Name == "回龙坝村").Figures;
        await _app.SignInAsUserAsync("liqiang");

        var listed = await _app.Get<CaseListService>().ListAsync(new CaseListRequest(huilongba.InMediation.DrillDown!, 0, 100));

        Assert.Equal(1, huilongba.InMediation.Value);
        Assert.Equal(0, listed.Total);
    }

    [Fact]
    public async Task A_mediator_gets_no_statistics()
    {
        await _app.SignInAsUserAsync("zhangmin");

        Assert.Null(await Statistics.GetAsync(Year2025));
        Assert.False(StatisticsService.MaySee(null));
    }

    [Fact]
    public async Task Flags_the_villages_with_fewer_than_three_active_mediators()
    {
        var stats = (await Statistics.GetAsync(Year2025))!;

        Assert.Equal(["大桥村", "物流园片区"], stats.Villages.Where(v => v.BelowMinimum).Select(v => v.Name));
        Assert.Equal((2, 1), (stats.Villages.Single(v => v.Name == "大桥村").ActiveMediators, stats.Villages.Single(v => v.Name == "物流园片区").ActiveMediators));
    }

    [Fact]
    public async Task The_figures_of_a_past_year_come_from_six_queries_and_the_counters_without_reading_any_case()
    {
        using var commands = new SqlRecorder();

        await Statistics.GetAsync(Year2025);

        Assert.Equal(6, commands.Texts.Count);
        Assert.Single(commands.Texts, t => t.Contains("FROM \"FigureCounters\"", StringComparison.Ordinal));
        Assert.Single(commands.Texts, t => t.Contains("FROM \"OpenStateDeltas\"", StringComparison.Ordinal));
        Assert.DoesNotContain(commands.Texts, t => t.Contains("\"CaseHistory\"", StringComparison.Ordinal) || t.Contains("FROM \"Cases\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_typed_columns_the_figures_read_say_what_the_entries_carried()
    {
        await using var db = await _app.DbAsync();
        var entries = await db.CaseHistory.AsNoTracking().ToListAsync();

        Assert.Equal(6, entries.Count(h => h.Action == nameof(CaseTrigger.Resolve))); // D's in 2026 too
        Assert.All(entries, h => Assert.Equal(DirectCount.EventDate(h), h.OccurredOn));
        Assert.All(entries, h => Assert.Equal(DirectCount.DueDate(h), h.DueOn));
        Assert.All(entries, h => Assert.Equal(DirectCount.AgreementKind(h), h.AgreementKind?.ToString()));
    }

    private async Task<List<MediationCase>> AllCasesAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.Cases.AsNoTracking().Include(c => c.History).ToListAsync();
    }
}
