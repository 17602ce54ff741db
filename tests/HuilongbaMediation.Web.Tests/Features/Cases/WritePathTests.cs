extern alias benchmarks;

using benchmarks::HuilongbaMediation.Benchmarks;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

/// <summary>
/// The lean write path (issue 16, item 3): a change reads the case outside the write gate, with only what its checks read,
/// and holds the gate for SaveChanges alone. The version check in the UPDATE is what keeps a write read outside the gate
/// from landing on a case that moved on; the date checks still see the steps they must not precede.
/// </summary>
public sealed class WritePathTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private CaseService Cases => _app.Get<CaseService>();

    private static DateOnly Today => TestClock.Today;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_changes_read_before_either_writes_one_lands_the_other_gets_a_conflict_and_the_history_has_one_entry()
    {
        var c = await FiledWithLeadAsync();
        var before = await HistoryCountAsync(c.Id);
        await using var other = _app.NewScope(await _app.ActorAsync("liqiang"));

        // Both read the case, at the same version, while another write holds the gate (on SQLite); then it opens.
        var results = await WhileTheGateIsHeldAsync(2, () =>
        [
            Cases.AcceptAsync(c.Id, c.Version, new AcceptInput(Today)),
            other.Get<CaseService>().DeclineAsync(c.Id, c.Version, new DeclineInput("已向法院起诉", Today)),
        ]);

        var won = Assert.Single(results, r => r.Outcome == Outcome.Done);
        var lost = Assert.Single(results, r => r.Outcome != Outcome.Done);
        Assert.Equal((Outcome.Conflict, CaseMessages.Conflict), (lost.Outcome, lost.Message));
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
        Assert.Equal((won.Value!.Status, c.Version + 1), (stored.Status, stored.Version));
        Assert.Equal(before + 1, await HistoryCountAsync(c.Id));
    }

    [Fact]
    public async Task The_same_dialog_sent_twice_while_both_wait_for_the_gate_lands_once_and_answers_done_both_times()
    {
        var c = await FiledWithLeadAsync();
        c = Done(await Cases.AcceptAsync(c.Id, c.Version, new AcceptInput(Today)));
        var dialog = Guid.NewGuid();
        var session = new SessionInput(Today, await CaseDrafts.VenueIdAsync(_app), "双方当事人", "第一次调解。");
        await using var other = _app.NewScope(await _app.ActorAsync("zhangmin"));

        var results = await WhileTheGateIsHeldAsync(2, () =>
        [
            Cases.RecordSessionAsync(c.Id, c.Version, session, dialog),
            other.Get<CaseService>().RecordSessionAsync(c.Id, c.Version, session, dialog),
        ]);

        Assert.All(results, r => Assert.Equal(Outcome.Done, r.Outcome));
        Assert.Equal(results[0].Value!.Version, results[1].Value!.Version);
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.CaseHistory.CountAsync(h => h.CaseId == c.Id && h.Action == nameof(CaseTrigger.RecordSession)));
    }

    [Fact]
    public async Task The_date_checks_still_hold_a_step_to_the_latest_dated_step_and_a_session_to_the_latest_change_of_status()
    {
        var c = await FiledWithLeadAsync(filedDaysAgo: 10);
        var venue = await CaseDrafts.VenueIdAsync(_app);
        SessionInput Session(int daysAgo) => new(Today.AddDays(-daysAgo), venue, "双方当事人", $"{daysAgo} 天前的调解。");
        c = Done(await Cases.AcceptAsync(c.Id, c.Version, new AcceptInput(Today.AddDays(-6))));
        c = Done(await Cases.RecordSessionAsync(c.Id, c.Version, Session(2)));
        c = Done(await Cases.RecordSessionAsync(c.Id, c.Version, Session(4))); // out of order: held only to the acceptance

        var beforeAcceptance = await Cases.RecordSessionAsync(c.Id, c.Version, Session(7));
        var beforeTheLatestSession = await Cases.ResolveAsync(c.Id, c.Version, Agreement(Today.AddDays(-3)));

        Assert.Equal($"调解日期不能早于受理日期（{Today.AddDays(-6).ToLabel()}）", Assert.Single(beforeAcceptance.Errors).Message);
        Assert.Equal($"协议日期不能早于调解日期（{Today.AddDays(-2).ToLabel()}）", Assert.Single(beforeTheLatestSession.Errors).Message);
        c = Done(await Cases.ResolveAsync(c.Id, c.Version, Agreement(Today.AddDays(-2))));

        // Reopening needs a visit since this resolution that found the agreement unperformed.
        var withoutVisit = await Cases.ReopenAsync(c.Id, c.Version, new ReopenInput("协议未履行", Today));
        c = Done(await Cases.RecordFollowUpAsync(c.Id, c.Version, new FollowUpInput(Today.AddDays(-1), PerformanceStatus.None, "对方未付款")));
        c = Done(await Cases.ReopenAsync(c.Id, c.Version, new ReopenInput("协议未履行", Today)));
        Assert.Equal(Outcome.NotAllowedInState, withoutVisit.Outcome);
        Assert.Equal(CaseStatus.Mediating, c.Status);
    }

    [Fact]
    public async Task Four_workers_of_the_transition_benchmark_land_every_transition_and_the_counters_still_equal_a_rebuild()
    {
        await _app.Get<DemoCaseGenerator>().GenerateAsync();
        await _app.SignInAsUserAsync("wangfang");
        await using var db = await _app.DbAsync();
        var historyBefore = await db.CaseHistory.CountAsync();

        var run = await TransitionBenchmark.MeasureAsync(_app.Get<IServiceProvider>(), workers: 4, TimeSpan.FromMinutes(5), maxCases: 40, maxTransitions: 300);

        Assert.Empty(run.Refusals);
        Assert.Equal(300, run.Done);
        Assert.All(["记录调解", "调解成功", "回访", "重新调解"], step => Assert.True(run.Steps[step] > 0, string.Join(", ", run.Steps)));
        Assert.Equal(run.Done, await db.CaseHistory.CountAsync() - historyBefore);
        var ids = run.Landed.Keys.ToList();
        var versions = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Version);
        Assert.Equal(run.Landed.OrderBy(kv => kv.Key), versions.OrderBy(kv => kv.Key));
        Assert.Equal(0, (await _app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
    }

    /// <summary>
    /// Starts the writes while another write holds the gate and opens it once all of them have read and wait to write
    /// (on SQLite; PostgreSQL has no gate, and there they simply race).
    /// </summary>
    private async Task<Result<CaseRef>[]> WhileTheGateIsHeldAsync(int writes, Func<Task<Result<CaseRef>>[]> start)
    {
        var gate = _app.Get<SqliteWriteGate>();
        Task<Result<CaseRef>>[] started;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            started = start();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!TestEngine.IsPostgres && gate.Waiting < writes)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"{gate.Waiting} of {writes} writes reached the gate");
                Assert.DoesNotContain(started, t => t.IsCompleted); // none may write while the gate is held
                await Task.Delay(10);
            }
        }

        return await Task.WhenAll(started);
    }

    /// <summary>A case of 五云山村 with 张敏 as its lead; signed in as 张敏.</summary>
    private async Task<CaseRef> FiledWithLeadAsync(int filedDaysAgo = 0)
    {
        await _app.SignInAsUserAsync("zhangmin");
        return Done(await Cases.FileAsync((await CaseDrafts.ValidAsync(_app)) with { FiledOn = Today.AddDays(-filedDaysAgo) }));
    }

    private static AgreementInput Agreement(DateOnly signedOn) =>
        new() { Kind = AgreementKind.Oral, Terms = "双方达成口头协议。", SignedOn = signedOn };

    private async Task<int> HistoryCountAsync(int caseId)
    {
        await using var db = await _app.DbAsync();
        return await db.CaseHistory.CountAsync(h => h.CaseId == caseId);
    }

    private static CaseRef Done(Result<CaseRef> result)
    {
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" ", result.Errors)}");
        return result.Value!;
    }
}
