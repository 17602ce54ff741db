using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The hot paths (dashboard, case list, search, a transition) on towns of growing size, each on a real SQLite file
// built through the app's own composition. It prints the median time of each and its ratio to the smallest town:
// a path that loads only what it shows grows far slower than the town.
if (args is ["sign-in", ..])
{
    await SignInTiming.RunAsync();
    return;
}

// `-- import 10000`: a ledger of that many rows imported into an empty database, then imported again (see LedgerImportBenchmark).
// `-- search <town.db>`: the case list's search on a town made by `generate --cases N` (see SearchBenchmark).
if (args is ["search", var town])
{
    await SearchBenchmark.RunAsync(town);
    return;
}

// `-- transitions <town.db> [workers…]`: transitions per second through CaseService on a copy of a town (see TransitionBenchmark).
if (args is ["transitions", var transitionsTown, ..])
{
    await HuilongbaMediation.Benchmarks.TransitionBenchmark.RunAsync(
        transitionsTown, args.Length > 2 ? [.. args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1, 4], TimeSpan.FromSeconds(10));
    return;
}

if (args is ["import", ..])
{
    await LedgerImportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    return;
}

// `-- circuits 1 50`: the live heap one open page (a circuit) costs the server, with 1 and with 50 pages open.
if (args is ["circuits", ..])
{
    await CircuitMemoryBenchmark.RunAsync(args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 50]);
    return;
}

var scales = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 10, 50];
const int Runs = 7;
var results = new List<(int Scale, int Cases, Dictionary<string, double> Ms)>();
foreach (var scale in scales)
{
    var folder = Directory.CreateTempSubdirectory("hm-bench-");
    try
    {
        await using var app = await BenchmarkApp.StartAsync(folder);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var generating = Stopwatch.StartNew();
        var count = await services.GetRequiredService<DemoCaseGenerator>().GenerateAsync(scale);
        var generated = generating.Elapsed.TotalMilliseconds;
        await services.GetRequiredService<JudicialOfficeUser>().SignInAsync(services, "wangfang");

        var statistics = services.GetRequiredService<StatisticsService>();
        var list = services.GetRequiredService<CaseListService>();
        var cases = services.GetRequiredService<CaseService>();
        var year = ChinaClock.Today(DateTime.UtcNow).Year;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var filed = await db.Cases.Where(c => c.Status == CaseStatus.Filed && c.Mediators.Any(m => m.IsLead))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Version }).Take(Runs + 1).ToListAsync();

        var timings = new Dictionary<string, double>
        {
            ["dashboard (year)"] = await MedianAsync(() => statistics.GetTownAsync(StatisticsPeriod.OfYear(year))),
            ["case list, page 1"] = await MedianAsync(() => list.ListAsync(new CaseListRequest(new CaseFilter()))),
            ["case list, overdue"] = await MedianAsync(() => list.ListAsync(new CaseListRequest(new CaseFilter { Overdue = true }))),
            ["search by name"] = await MedianAsync(() => list.ListAsync(new CaseListRequest(new CaseFilter { Search = "王" }))),
        };
        var next = 0;
        timings["transition (accept)"] = await MedianAsync(() => cases.AcceptAsync(filed[next].Id, filed[next++].Version, new AcceptInput(ChinaClock.Today(DateTime.UtcNow))), warmUp: false);
        timings["demo town generated (once)"] = generated;
        results.Add((scale, count, timings));
        Console.Error.WriteLine($"scale {scale}: {count} cases measured");
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}

var baseline = results[0];
Console.WriteLine($"| path | {string.Join(" | ", results.Select(r => $"{r.Cases:N0} cases"))} | ratio {results[^1].Cases / baseline.Cases}× town |");
Console.WriteLine($"| --- |{string.Concat(results.Select(_ => " ---: |"))} ---: |");
foreach (var path in baseline.Ms.Keys)
{
    Console.WriteLine($"| {path} | {string.Join(" | ", results.Select(r => $"{r.Ms[path]:F1} ms"))} | {results[^1].Ms[path] / baseline.Ms[path]:F1}× |");
}

static async Task<double> MedianAsync<T>(Func<Task<T>> run, bool warmUp = true)
{
    if (warmUp)
    {
        await run();
    }

    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    return times.Order().ElementAt(times.Count / 2);
}

/// <summary>The benchmark acts as the judicial office, who sees the whole town.</summary>
internal sealed class JudicialOfficeUser : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public async Task SignInAsync(IServiceProvider services, string userName, string role = nameof(UserRole.JudicialOffice))
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Role, role),
            new Claim(AppClaims.DisplayName, user.DisplayName),
        ];
        if (user.VillageId is { } village)
        {
            claims.Add(new Claim(AppClaims.VillageId, village.ToString(CultureInfo.InvariantCulture)));
        }

        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, "benchmark"));
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}
