using System.Diagnostics;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>The demo town, generated once for the tests of <see cref="DemoCaseGeneratorTests"/>.</summary>
public sealed class DemoTown : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;

    public List<MediationCase> Cases { get; private set; } = [];

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(demo: true);
        Assert.Equal(DemoCaseGenerator.CaseCount, await App.Get<DemoCaseGenerator>().GenerateAsync());
        await using var db = await App.DbAsync();
        Cases = await db.Cases.AsNoTracking().Include(c => c.History).Include(c => c.FollowUps).AsSplitQuery().ToListAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The demo town's generated cases: complete, real histories, repeatable; and the dashboard over them.</summary>
public sealed class DemoCaseGeneratorTests(DemoTown town, ITestOutputHelper output) : IClassFixture<DemoTown>
{
    private readonly TestApp _app = town.App;
    private readonly List<MediationCase> _cases = town.Cases;

    [Fact]
    public void Generates_every_case_with_its_history()
    {
        // How long it takes is measured by the benchmark (tests/HuilongbaMediation.Benchmarks: "demo town generated").
        output.WriteLine($"{_cases.Count} cases, {_cases.Sum(c => c.History.Count)} history entries");

        Assert.Equal(DemoCaseGenerator.CaseCount, _cases.Count);
        Assert.All(_cases, c => Assert.NotEmpty(c.History));
    }

    [Fact]
    public async Task Every_state_village_and_category_is_there()
    {
        await using var db = await _app.DbAsync();
        var today = TestClock.Today;

        Assert.Equal(
            Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Referred).Order(),
            _cases.Select(c => c.Status).Distinct().Order());
        Assert.Equal((await db.Villages.Select(v => v.Id).ToListAsync()).Order(), _cases.Select(c => c.VillageId).Distinct().Order());
        Assert.Equal((await db.Categories.Select(c => c.Id).ToListAsync()).Order(), _cases.Select(c => c.CategoryId).Distinct().Order());
        Assert.Contains(_cases, c => c.Status == CaseStatus.Mediating && c.DueOn < today);
        Assert.Contains(_cases, c => c.Status == CaseStatus.Mediating && c.DueOn >= today);
        Assert.Contains(_cases, c => c.Status == CaseStatus.ReferralPending && c.Referral!.Urgent);
        Assert.Contains(_cases, c => c.Status == CaseStatus.Resolved && c.History.Any(h => h.Action == nameof(CaseTrigger.ReturnReferral)));
        Assert.Contains(_cases, c => c.Status == CaseStatus.Resolved && c.History.Count(h => h.Action == nameof(CaseTrigger.Resolve)) == 2);
        Assert.Contains(_cases, c => c.Status == CaseStatus.Mediating && c.History.Any(h => h.Action == nameof(CaseTrigger.Reopen)));
        Assert.Contains(_cases, c => c.Agreement?.Kind == AgreementKind.Written);
        Assert.Contains(_cases, c => c.Agreement?.Kind == AgreementKind.Oral);
        Assert.Contains(_cases, c => c.FollowUps.Count > 0);
        Assert.Contains(_cases, c => c.History.Any(h => h.Action == nameof(CaseAction.ExtendDeadline)));
        Assert.Contains(_cases, c => c.RiskLevel == RiskLevel.High && c.PeopleInvolved >= 5);
        Assert.Contains(_cases, c => c.AmountInvolved > 100_000m);
        Assert.InRange(_cases.Min(c => c.FiledOn), today.AddYears(-2), today.AddYears(-2).AddDays(40));
        Assert.InRange(_cases.Max(c => c.FiledOn), today.AddDays(-5), today);
    }

    [Fact]
    public void Every_history_replays_to_the_stored_state()
    {
        foreach (var c in _cases)
        {
            var history = c.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToList();
            Assert.Equal(((CaseStatus?)null, CaseStatus.Filed, nameof(CaseAction.File)), (history[0].FromStatus, history[0].ToStatus, history[0].Action));
            Assert.Equal(c.FiledOn, DirectCount.ChinaDate(history[0].AtUtc));
            for (var i = 1; i < history.Count; i++)
            {
                Assert.Equal(history[i - 1].ToStatus, history[i].FromStatus);
            }

            Assert.Equal(c.Status, history[^1].ToStatus);
            Assert.Equal(history.Count - 1, c.Version);
            Assert.True(history[^1].AtUtc <= DateTime.UtcNow);
        }
    }

    [Fact]
    public async Task Each_step_is_taken_by_the_judicial_office_or_a_user_of_the_cases_village()
    {
        await using var db = await _app.DbAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.VillageId);

        Assert.All(_cases.SelectMany(c => c.History.Select(h => (c.VillageId, h.ActorId))), step =>
            Assert.True(users[step.ActorId] is null || users[step.ActorId] == step.VillageId, $"{step.ActorId} acted in village {step.VillageId}"));
        Assert.Contains(_cases, c => c.History.Any(h => h.ActorName == "李强")); // the village head of 五云山村
    }

    [Fact]
    public void Cases_are_numbered_per_year_in_order_of_filing_without_gaps()
    {
        foreach (var year in _cases.GroupBy(c => c.FiledOn.Year))
        {
            var inOrder = year.OrderBy(c => c.History.Min(h => h.AtUtc)).ToList();
            Assert.Equal(Enumerable.Range(1, inOrder.Count), inOrder.Select(c => c.Sequence));
            Assert.All(inOrder, c => Assert.Equal(CaseNumber.Format(year.Key, c.Sequence), c.Number));
        }
    }

    [Fact]
    public async Task Generating_again_adds_nothing_and_another_town_gets_the_same_cases()
    {
        Assert.Equal(0, await _app.Get<DemoCaseGenerator>().GenerateAsync());

        await using var other = await TestApp.StartAsync(demo: true);
        await other.Get<DemoCaseGenerator>().GenerateAsync();
        await using var db = await other.DbAsync();
        var again = await db.Cases.OrderBy(c => c.Year).ThenBy(c => c.Sequence).Select(c => new { c.Number, c.Summary, c.Status }).ToListAsync();
        Assert.Equal(
            _cases.OrderBy(c => c.Year).ThenBy(c => c.Sequence).Select(c => (c.Number, c.Summary, c.Status)),
            again.Select(c => (c.Number, c.Summary, c.Status)));
    }

    [Fact]
    public async Task The_demo_seeder_fills_an_empty_town_when_demo_cases_are_on()
    {
        await using var empty = await TestApp.StartAsync(demo: true);
        await using var scope = empty.NewScope();
        var seeder = new DemoSeeder(
            scope.Get<AppDbContext>(),
            scope.Get<UserManager<AppUser>>(),
            scope.Get<DemoCaseGenerator>(),
            Options.Create(new DemoOptions { Enabled = true, Cases = true }),
            scope.Get<TimeProvider>());

        await seeder.SeedAsync();
        await seeder.SeedAsync();

        await using var db = await empty.DbAsync();
        Assert.Equal(DemoCaseGenerator.CaseCount, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task The_dashboard_over_the_demo_town_equals_direct_counts_in_six_queries()
    {
        await _app.SignInAsUserAsync("wangfang");
        var statistics = _app.Get<StatisticsService>();
        var year = TestClock.Today.Year;
        foreach (var period in new[] { StatisticsPeriod.OfYear(year - 1), StatisticsPeriod.OfYear(year) })
        {
            using var commands = new SqlRecorder();
            var watch = Stopwatch.StartNew();
            var stats = (await statistics.GetAsync(period))!;
            output.WriteLine($"{period.Year}: {commands.Texts.Count} queries in {watch.ElapsedMilliseconds} ms; filed {stats.Town.Filed.Value}, resolved {stats.Town.Resolved.Value}");

            Assert.Equal(6, commands.Texts.Count);
            new DirectCount(_cases, period.From, period.To, stats.Today).AssertEqual(stats.Town, $"town {period.Year}");
            foreach (var village in stats.Villages)
            {
                new DirectCount(_cases.Where(c => c.VillageId == village.VillageId), period.From, period.To, stats.Today).AssertEqual(village.Figures, village.Name);
            }
        }
    }
}
