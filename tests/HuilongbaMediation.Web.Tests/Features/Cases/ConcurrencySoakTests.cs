using System.Collections.Concurrent;
using System.Diagnostics;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Tests.Shared;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

/// <summary>
/// Eight users at once, each doing 250 random actions the case page offered them, on 40 cases in one SQLite file,
/// through the real CaseService (issue 9, item 12). Whatever collides must come back as a typed refusal; nothing
/// escapes, "database is locked" never reaches anyone, and every case's history still replays to its state.
/// </summary>
public sealed class ConcurrencySoakTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int ActionsPerWorker = 250;
    private const int CaseCount = 40;

    /// <summary>Who the eight are: the judicial office, the lead and the assistant mediator, the village head.</summary>
    private static readonly string[] Users = ["wangfang", "zhangmin", "zhoutao", "liqiang", "wangfang", "zhangmin", "zhoutao", "wangfang"];

    [Fact]
    public async Task Eight_users_at_once_on_forty_cases_get_typed_refusals_only_and_every_history_replays()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var inputs = await InputsAsync(app);
        var cases = new ConcurrentDictionary<int, bool>((await FileCasesAsync(app, inputs)).Select(id => KeyValuePair.Create(id, true)));
        var actors = await Task.WhenAll(Users.Select(app.ActorAsync));
        var outcomes = new ConcurrentBag<(string Command, Outcome Outcome, string Message)>();
        var escaped = new ConcurrentBag<Exception>();
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w + 1);
            await using var scope = app.NewScope(actors[w]);
            var reader = scope.Get<CaseReader>();
            var service = scope.Get<CaseService>();
            for (int done = 0, tries = 0; done < ActionsPerWorker && tries < ActionsPerWorker * 10; tries++)
            {
                try
                {
                    var alive = cases.Keys.ToList();
                    var (read, details) = await reader.GetAsync(alive[random.Next(alive.Count)]);
                    Assert.True(read.Succeeded, read.Message);
                    if (details!.Status is CaseStatus.Declined or CaseStatus.Terminated or CaseStatus.ReferralApproved)
                    {
                        cases.TryRemove(details.Id, out _); // ended: nobody can do anything with it any more
                    }

                    if (ValidCommands.Pick(CaseCommands.For(details), random) is not { } command)
                    {
                        continue; // nothing this user may do on this case now: try another
                    }

                    var result = await ValidCommands.FireAsync(service, details!, command, inputs, random);
                    outcomes.Add((command.Name, result.Outcome, result.Message));
                }
                catch (Exception ex)
                {
                    escaped.Add(ex);
                }

                done++;
            }
        })));
        watch.Stop();

        var byOutcome = outcomes.GroupBy(o => o.Outcome).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{outcomes.Count} actions by {Workers} users in {watch.Elapsed.TotalSeconds:0.0} s: "
            + string.Join(", ", byOutcome.Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.Empty(escaped);
        Assert.Equal(Workers * ActionsPerWorker, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Outcome is Outcome.Done or Outcome.Conflict, $"{o.Command}: {o.Outcome} {o.Message}"));
        Assert.All(outcomes, o => Assert.DoesNotContain("locked", o.Message, StringComparison.OrdinalIgnoreCase));
        Assert.True(byOutcome.GetValueOrDefault(Outcome.Conflict) > 0, "no two users ever met on a case: the test did not test concurrency");
        Assert.True(byOutcome.GetValueOrDefault(Outcome.Done) > Workers * ActionsPerWorker / 4, "too few actions went through");

        await using var db = await app.DbAsync();
        var stored = await db.Cases.AsNoTracking().Include(c => c.History).OrderBy(c => c.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, CaseCount), stored.Select(c => c.Sequence));
        Assert.All(stored, CaseHistoryReplayTests.AssertHistoryReplays);

        // Every write that said Done is in the history once: the filing (File, and its filer as lead), the village
        // head's assignment, then the soak's.
        Assert.Equal((3 * CaseCount) + byOutcome[Outcome.Done], stored.Sum(c => c.History.Count));
    }

    private static async Task<CommandInputs> InputsAsync(TestApp app) => new(
        TestClock.Today,
        await CaseDrafts.VenueIdAsync(app),
        await CaseDrafts.ReferralTargetIdAsync(app),
        await app.UserIdAsync("zhangmin"),
        await app.UserIdAsync("zhoutao"));

    /// <summary>40 cases of 五云山村 filed by 张敏 (their lead), with 周涛 assigned to assist by the village head.</summary>
    private static async Task<List<int>> FileCasesAsync(TestApp app, CommandInputs inputs)
    {
        var draft = await CaseDrafts.ValidAsync(app);
        await using var mediator = app.NewScope(await app.ActorAsync("zhangmin"));
        await using var head = app.NewScope(await app.ActorAsync("liqiang"));
        var ids = new List<int>();
        for (var n = 0; n < CaseCount; n++)
        {
            var filed = await mediator.Get<CaseService>().FileAsync(draft);
            Assert.True(filed.Succeeded, filed.Message);
            var assigned = await head.Get<CaseService>().AssignMediatorsAsync(filed.Value!.Id, filed.Value.Version, inputs.Lead, [inputs.Assistant]);
            Assert.True(assigned.Succeeded, assigned.Message);
            ids.Add(filed.Value.Id);
        }

        return ids;
    }

}
