using System.Diagnostics;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuilongbaMediation.Benchmarks;

/// <summary>What one run of <see cref="TransitionBenchmark.MeasureAsync"/> did and how fast.</summary>
/// <param name="Done">Transitions that landed (Outcome.Done).</param>
/// <param name="Refused">Anything else the service answered (a conflict, a refusal): none is expected, each worker has its own cases.</param>
/// <param name="Steps">How many of each step landed (受理, 记录调解, 调解成功).</param>
/// <param name="Landed">Each case touched, with the version it has after the run's last landed step.</param>
public sealed record TransitionRun(
    int Workers,
    int Done,
    int Refused,
    double Seconds,
    double P50Ms,
    double P95Ms,
    IReadOnlyDictionary<string, int> Steps,
    IReadOnlyDictionary<int, int> Landed,
    IReadOnlyList<string> Refusals)
{
    public double PerSecond => Done / Seconds;
}

/// <summary>
/// Transitions per second through the app's own <see cref="CaseService"/>, with N workers at once, each on cases of its
/// own (so none of them should meet a conflict): a filed case with its lead is accepted (受理), a case in mediation gets
/// two sessions recorded (记录调解) and is then concluded (调解成功, an oral agreement), each step dated today and naming
/// the version the previous one returned. Run as <c>-- transitions &lt;town.db&gt; [workers…]</c> on a COPY of a town
/// made by <c>generate --cases N</c> (the town itself is never written).
/// </summary>
public static class TransitionBenchmark
{
    private static readonly string[] StepNames = ["受理", "记录调解", "调解成功"];

    public static async Task RunAsync(string databaseFile, int[] workerCounts, TimeSpan duration)
    {
        var town = new FileInfo(databaseFile);
        if (!town.Exists)
        {
            throw new FileNotFoundException("No such town (make one with generate --cases N).", town.FullName);
        }

        var folder = Directory.CreateTempSubdirectory("hm-transitions-");
        try
        {
            var copy = Path.Combine(folder.FullName, "town.db");
            var copying = Stopwatch.StartNew();
            await using (var source = new SqliteConnection($"Data Source={town.FullName};Mode=ReadOnly;Pooling=False"))
            {
                // The online backup copies a consistent town even while its WAL holds pages not yet checkpointed.
                await source.OpenAsync();
                await using var destination = new SqliteConnection($"Data Source={copy};Pooling=False");
                await destination.OpenAsync();
                source.BackupDatabase(destination);
            }

            Console.Error.WriteLine($"copied {town.Length / 1024 / 1024:N0} MB in {copying.Elapsed.TotalSeconds:F1} s");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = folder.FullName });
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = $"Data Source={copy}",
                ["Demo:Enabled"] = "true",
                ["Demo:Cases"] = "false",
            });
            builder.AddHuilongbaServices();
            builder.Services.AddSingleton<JudicialOfficeUser>();
            builder.Services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<JudicialOfficeUser>());
            await using var app = builder.Build();
            await app.PrepareDatabaseAsync(seedDemo: true);
            await app.Services.GetRequiredService<JudicialOfficeUser>().SignInAsync(app.Services, "wangfang");

            int cases;
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                cases = await db.Cases.CountAsync();
            }

            Console.WriteLine($"town: {cases:N0} cases ({town.Length / 1024 / 1024:N0} MB), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine("| workers | transitions | per second | p50 | p95 | refused |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var workers in workerCounts)
            {
                var run = await MeasureAsync(app.Services, workers, duration);
                Console.WriteLine($"| {workers} | {run.Done:N0} | {run.PerSecond:N0} | {run.P50Ms:F2} ms | {run.P95Ms:F2} ms | {run.Refused} |");
                foreach (var refusal in run.Refusals.Take(3))
                {
                    Console.Error.WriteLine($"  refused: {refusal}");
                }
            }

            Console.WriteLine($"load average after: {LoadAverage()}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <paramref name="workers"/> workers at once for <paramref name="duration"/> (or until their cases run out), each in a
    /// scope of its own on <paramref name="services"/>, acting as whoever the app's <see cref="AuthenticationStateProvider"/>
    /// has signed in (the judicial office: anyone else may not fire every step on every case). The cases are the town's
    /// open ones (filed with a lead, or in mediation), dealt out to the workers by id; <paramref name="maxCases"/> caps how many.
    /// </summary>
    public static async Task<TransitionRun> MeasureAsync(IServiceProvider services, int workers, TimeSpan duration, int maxCases = 50_000, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var today = ChinaClock.Today(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        List<Open> open;
        int venue;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
        {
            venue = await db.Venues.Where(v => v.IsActive).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(ct);
            open = await db.Cases
                .Where(c => (c.Status == CaseStatus.Filed && c.Mediators.Any(m => m.IsLead)) || c.Status == CaseStatus.Mediating)
                .Where(c => c.FiledOn <= today && (c.AcceptedOn == null || c.AcceptedOn <= today))
                .OrderByDescending(c => c.Id)
                .Select(c => new Open(c.Id, c.Version, c.Status, c.Sessions.Count()))
                .Take(maxCases)
                .ToListAsync(ct);
        }

        var latencies = new List<double>[workers];
        var steps = new int[workers, StepNames.Length];
        var refusals = new List<string>[workers];
        var landed = new Dictionary<int, int>[workers];
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            (latencies[w], refusals[w], landed[w]) = ([], [], []);
            await using var scope = services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<CaseService>();
            var mine = new Queue<Open>(open.Where((_, i) => i % workers == w));
            while (stop.Elapsed < duration && mine.TryDequeue(out var @case))
            {
                var (step, fire) = Next(service, @case, today, venue, ct);
                var watch = Stopwatch.StartNew();
                var result = await fire();
                latencies[w].Add(watch.Elapsed.TotalMilliseconds);
                if (result.Outcome != Outcome.Done)
                {
                    refusals[w].Add($"case {@case.Id} {StepNames[step]}: {result.Outcome} {result.Message}");
                    continue;
                }

                steps[w, step]++;
                landed[w][@case.Id] = result.Value!.Version;
                if (result.Value.Status != CaseStatus.Resolved)
                {
                    // Round robin: the case's next step comes after every other case of this worker has had one.
                    mine.Enqueue(@case with { Version = result.Value.Version, Status = result.Value.Status, Sessions = @case.Sessions + (step == 1 ? 1 : 0) });
                }
            }
        }, ct)));
        var seconds = stop.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToList();
        return new TransitionRun(
            workers,
            Enumerable.Range(0, workers).Sum(w => Enumerable.Range(0, StepNames.Length).Sum(s => steps[w, s])),
            refusals.Sum(r => r.Count),
            seconds,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            StepNames.Select((name, s) => (name, count: Enumerable.Range(0, workers).Sum(w => steps[w, s]))).ToDictionary(x => x.name, x => x.count),
            landed.SelectMany(l => l).ToDictionary(kv => kv.Key, kv => kv.Value),
            [.. refusals.SelectMany(r => r)]);
    }

    /// <summary>The case's next step: accept a filed case; two sessions for a case in mediation, then its agreement.</summary>
    private static (int Step, Func<Task<Result<CaseRef>>> Fire) Next(CaseService service, Open @case, DateOnly today, int venue, CancellationToken ct) =>
        (@case.Status, @case.Sessions) switch
        {
            (CaseStatus.Filed, _) => (0, () => service.AcceptAsync(@case.Id, @case.Version, new AcceptInput(today), Guid.NewGuid(), ct)),
            (_, < 2) => (1, () => service.RecordSessionAsync(
                @case.Id, @case.Version, new SessionInput(today, venue, "双方当事人", "调解员听取双方陈述，释法说理，双方同意继续协商。"), Guid.NewGuid(), ct)),
            _ => (2, () => service.ResolveAsync(
                @case.Id,
                @case.Version,
                new AgreementInput { Kind = AgreementKind.Oral, Terms = "双方达成口头协议，当场履行完毕。", SignedOn = today },
                Guid.NewGuid(),
                ct)),
        };

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Open(int Id, int Version, CaseStatus Status, int Sessions);
}
