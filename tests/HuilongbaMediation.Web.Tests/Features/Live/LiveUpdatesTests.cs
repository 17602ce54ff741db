using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Live;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;

namespace HuilongbaMediation.Web.Tests.Features.Live;

/// <summary>
/// Live updates as circuits receive them: from the one place writes are announced (after commit), through the
/// engine's bus (in memory on SQLite, LISTEN/NOTIFY on PostgreSQL), scoped by each user's right to read the case.
/// </summary>
public sealed class LiveUpdatesTests
{
    [Fact]
    public async Task A_committed_change_reaches_another_users_circuit_with_who_and_what_but_a_rolled_back_one_never_does()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var mediator = await app.ActorAsync("zhangmin");
        await using var office = app.NewScope(await app.ActorAsync("wangfang"));
        using var watcher = new LiveWatcher(office.Get<LiveUpdates>());
        await office.Get<CaseChangeBus>().Ready;
        await using var writer = app.NewScope(mediator);
        var cases = writer.Get<CaseService>();
        var filed = await FileAfterARolledBackFilingAsync(cases, await CaseDrafts.ValidAsync(app));

        var seen = await watcher.UntilAsync(filed.Value!.Id);
        var change = Assert.Single(seen);
        Assert.Equal((filed.Value.Id, filed.Value.Number, "File", "张敏", false), (change.CaseId, change.Number, change.Action, change.ActorName, change.Mine));

        var accepted = await cases.AcceptAsync(filed.Value.Id, filed.Value.Version, new AcceptInput(app.Today));
        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal("Accept", Assert.Single(await watcher.UntilAsync(filed.Value.Id)).Action);
    }

    [Fact]
    public async Task A_village_head_hears_of_changes_in_their_village_only_and_the_user_of_their_own_as_theirs()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var head = await app.ActorAsync("liqiang"); // 五云山村
        await using var headCircuit = app.NewScope(head);
        using var headWatcher = new LiveWatcher(headCircuit.Get<LiveUpdates>());
        await using var officeCircuit = app.NewScope(await app.ActorAsync("wangfang"));
        using var officeWatcher = new LiveWatcher(officeCircuit.Get<LiveUpdates>());
        await headCircuit.Get<CaseChangeBus>().Ready;

        await using var office = app.NewScope(await app.ActorAsync("wangfang"));
        var elsewhere = await office.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(app, villageCode: "dashuigou"));
        Assert.True(elsewhere.Succeeded, elsewhere.Message);
        await using var own = app.NewScope(head);
        var here = await own.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(app));
        Assert.True(here.Succeeded, here.Message);

        // The head's circuit never learns of the case in 大水沟村, not even that it exists; the judicial office sees both,
        // its own filing as its own (no notice), the head's as someone else's.
        var headSaw = await headWatcher.UntilAsync(here.Value!.Id);
        Assert.Equal([(here.Value.Id, true)], headSaw.Select(c => (c.CaseId, c.Mine)));
        var officeSaw = await officeWatcher.UntilAsync(here.Value.Id);
        Assert.Contains(officeSaw, c => c.CaseId == elsewhere.Value!.Id && c.Mine);
        Assert.Contains(officeSaw, c => c.CaseId == here.Value.Id && c.ActorName == "李强" && !c.Mine);
    }

    [Fact]
    public async Task A_mediator_assigned_a_case_of_another_village_hears_of_it()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var mediator = await app.ActorAsync("zhangmin"); // 五云山村
        await using var circuit = app.NewScope(mediator);
        using var watcher = new LiveWatcher(circuit.Get<LiveUpdates>());
        await circuit.Get<CaseChangeBus>().Ready;

        await using var office = app.NewScope(await app.ActorAsync("wangfang"));
        var assigned = await office.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(app, villageCode: "dashuigou"), leadMediatorId: mediator.UserId);
        Assert.True(assigned.Succeeded, assigned.Message);

        Assert.Equal([assigned.Value!.Id], (await watcher.UntilAsync(assigned.Value.Id)).Select(c => c.CaseId));
    }

    [Fact]
    public async Task A_circuit_that_ended_and_a_page_that_left_no_longer_listen()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var bus = app.Get<CaseChangeBus>();
        var before = bus.Subscribers;
        var circuit = app.NewScope(await app.ActorAsync("wangfang"));
        var live = circuit.Get<LiveUpdates>();

        var page = live.Watch(_ => Task.CompletedTask);
        var other = live.Watch(_ => Task.CompletedTask);
        Assert.Equal((before + 1, 2), (bus.Subscribers, live.Watchers));
        page.Dispose();
        page.Dispose();
        Assert.Equal(1, live.Watchers);

        await circuit.DisposeAsync();
        Assert.Equal(before, bus.Subscribers);
        other.Dispose();
        Assert.Throws<ObjectDisposedException>(() => live.Watch(_ => Task.CompletedTask));
    }

    [PostgresFact]
    public async Task On_postgres_a_change_committed_on_one_server_reaches_a_circuit_on_the_other()
    {
        await using var first = await TestApp.StartAsync(demo: true);
        await using var second = await TestApp.StartAsync(demo: true, dataFolder: first.DataFolder);
        await using var onSecond = second.NewScope(await second.ActorAsync("wangfang"));
        using var watcher = new LiveWatcher(onSecond.Get<LiveUpdates>());
        Assert.IsType<PostgresCaseChangeBus>(second.Get<CaseChangeBus>());
        await second.Get<CaseChangeBus>().Ready;

        await using var onFirst = first.NewScope(await first.ActorAsync("zhangmin"));
        var cases = onFirst.Get<CaseService>();
        var filed = await FileAfterARolledBackFilingAsync(cases, await CaseDrafts.ValidAsync(first));

        var change = Assert.Single(await watcher.UntilAsync(filed.Value!.Id));
        Assert.Equal((filed.Value.Number, "File", "张敏"), (change.Number, change.Action, change.ActorName));
    }

    /// <summary>
    /// A filing saved, then refused in its transaction (as a sweep's finding that cannot be linked) and rolled back, which
    /// must never be announced; then the same draft filed for real.
    /// </summary>
    private static async Task<Result<CaseRef>> FileAfterARolledBackFilingAsync(CaseService cases, CaseDraft draft)
    {
        var refused = await cases.FileAsync(draft with { Summary = draft.Summary + "（撤回）" },
            alsoInTransaction: (_, _) => Task.FromResult<Result<CaseRef>?>(Result.Invalid("Summary", "不予保存").Of<CaseRef>()));
        Assert.False(refused.Succeeded);
        var filed = await cases.FileAsync(draft);
        Assert.True(filed.Succeeded, filed.Message);
        return filed;
    }
}
