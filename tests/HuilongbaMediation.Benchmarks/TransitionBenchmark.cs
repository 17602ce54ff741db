using System.Diagnostics;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuilongbaMediation.Benchmarks;

/// <summary>What one run of <see cref="TransitionBenchmark.MeasureAsync"/> did and how fast.</summary>
/// <param name="Done">Transitions that landed (Outcome.Done).</param>
/// <param name="Refused">Anything else the service answered (a conflict, a refusal): none is expected, each worker has its own cases.</param>
/// <param name="Steps">How many of each step landed (受理, 记录调解, 调解成功).</param>
/// <param name="Landed">Each case touched, with the version it has after the run's last landed step.</param>
/// <param name="CpuMsPerTransition">The process's CPU time over the run per transition landed: on a machine other work
/// keeps busy, what the write path costs whatever the wall clock says.</param>
public sealed record TransitionRun(
    int Workers,
    int Done,
    int Refused,
    double Seconds,
    double P50Ms,
    double P95Ms,
    IReadOnlyDictionary<string, int> Steps,
    IReadOnlyDictionary<int, int> Landed,
    IReadOnlyList<string> Refusals,
    double CpuMsPerTransition)
{
    public double PerSecond => Done / Seconds;
}

/// <summary>
/// Transitions per second through the app's own <see cref="CaseService"/>, with N workers at once, each on cases of its
/// own (so none of them should meet a conflict), round the workflow's loop: 受理, 记录调解, 调解成功, 回访, 重新调解 (see
/// <c>Next</c>), each step dated today and naming the version the previous one returned. A short run with one worker
/// warms the app up first (JIT, EF's query cache). Run as <c>-- transitions &lt;town.db&gt; [workers…]</c> on a COPY of a town
/// made by <c>generate --cases N</c> (the town itself is never written).
/// </summary>
public static class TransitionBenchmark
{
    private static readonly string[] StepNames = ["受理", "记录调解", "调解成功", "回访", "重新调解"];

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
            var copy = Path.Combine(folder.FullName, "bench.db"); // where BenchmarkApp's connection string points
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
            await using var app = await BenchmarkApp.StartAsync(folder);
            await app.Services.GetRequiredService<JudicialOfficeUser>().SignInAsync(app.Services, "wangfang");

            int cases;
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                cases = await db.Cases.CountAsync();
            }

            Console.WriteLine($"town: {cases:N0} cases ({town.Length / 1024 / 1024:N0} MB), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine("| workers | transitions | per second | p50 | p95 | CPU per transition | refused |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var warmUp = await MeasureAsync(app.Services, 1, TimeSpan.FromSeconds(3), maxTransitions: 200);
            Console.Error.WriteLine($"warm-up: {warmUp.Done} transitions");
            foreach (var workers in workerCounts)
            {
                var run = await MeasureAsync(app.Services, workers, duration);
                Console.WriteLine($"| {workers} | {run.Done:N0} | {run.PerSecond:N0} | {run.P50Ms:F2} ms | {run.P95Ms:F2} ms | {run.CpuMsPerTransition:F2} ms | {run.Refused} |");
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
    /// open ones (filed with a lead, or in mediation) and then resolved ones, dealt out to the workers; <paramref name="maxCases"/>
    /// caps how many, <paramref name="maxTransitions"/> how many steps in all.
    /// </summary>
    public static async Task<TransitionRun> MeasureAsync(
        IServiceProvider services, int workers, TimeSpan duration, int maxCases = 50_000, int maxTransitions = int.MaxValue, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var today = ChinaClock.Today(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        List<Open> open;
        int venue;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
        {
            venue = await db.Venues.Where(v => v.IsActive).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(ct);
            open = await db.Cases
                .Where(c => (c.Status == CaseStatus.Filed && c.Mediators.Any(m => m.IsLead)) || c.Status == CaseStatus.Mediating || c.Status == CaseStatus.Resolved)
                .Where(c => c.FiledOn <= today && (c.ConcludedOn == null || c.ConcludedOn <= today))
                .Where(c => !c.History.Any(h => h.OccurredOn > today))
                .OrderBy(c => c.Status == CaseStatus.Resolved).ThenByDescending(c => c.Id)
                .Select(c => new Open(c.Id, c.Version, c.Status, c.Sessions.Any(), false))
                .Take(maxCases)
                .ToListAsync(ct);
        }

        var latencies = new List<double>[workers];
        var steps = new int[workers, StepNames.Length];
        var refusals = new List<string>[workers];
        var landed = new Dictionary<int, int>[workers];
        var budget = maxTransitions;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            (latencies[w], refusals[w], landed[w]) = ([], [], []);
            await using var scope = services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<CaseService>();
            var mine = new Queue<Open>(open.Where((_, i) => i % workers == w));
            while (stop.Elapsed < duration && Interlocked.Decrement(ref budget) >= 0 && mine.TryDequeue(out var @case))
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

                // Round robin: the case's next step comes after every other case of this worker has had one.
                mine.Enqueue(new Open(@case.Id, result.Value.Version, result.Value.Status, step switch { 1 => true, 4 => false, _ => @case.HasSession }, step == 3));
            }
        }, ct)));
        var seconds = stop.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var done = Enumerable.Range(0, workers).Sum(w => Enumerable.Range(0, StepNames.Length).Sum(s => steps[w, s]));

        var all = latencies.SelectMany(l => l).Order().ToList();
        return new TransitionRun(
            workers,
            done,
            refusals.Sum(r => r.Count),
            seconds,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            StepNames.Select((name, s) => (name, count: Enumerable.Range(0, workers).Sum(w => steps[w, s]))).ToDictionary(x => x.name, x => x.count),
            landed.SelectMany(l => l).ToDictionary(kv => kv.Key, kv => kv.Value),
            [.. refusals.SelectMany(r => r)],
            done == 0 ? double.NaN : cpu.TotalMilliseconds / done);
    }

    /// <summary>
    /// The case's next step, round the workflow's loop: 受理 a filed case; 记录调解 in mediation until it has a session, then
    /// 调解成功 (an oral agreement); a resolved case is visited (回访, the agreement not performed) and then reopened (重新调解),
    /// so that the town never runs out of cases to move. Every date is today.
    /// </summary>
    private static (int Step, Func<Task<Result<CaseRef>>> Fire) Next(CaseService service, Open @case, DateOnly today, int venue, CancellationToken ct) =>
        (@case.Status, @case.HasSession, @case.Visited) switch
        {
            (CaseStatus.Filed, _, _) => (0, () => service.AcceptAsync(@case.Id, @case.Version, new AcceptInput(today), Guid.NewGuid(), ct)),
            (CaseStatus.Mediating, false, _) => (1, () => service.RecordSessionAsync(
                @case.Id, @case.Version, new SessionInput(today, venue, "双方当事人", "调解员听取双方陈述，释法说理，双方同意继续协商。"), Guid.NewGuid(), ct)),
            (CaseStatus.Mediating, true, _) => (2, () => service.ResolveAsync(
                @case.Id,
                @case.Version,
                new AgreementInput { Kind = AgreementKind.Oral, Terms = "双方达成口头协议，约定七日内履行完毕。", SignedOn = today },
                Guid.NewGuid(),
                ct)),
            (_, _, false) => (3, () => service.RecordFollowUpAsync(
                @case.Id, @case.Version, new FollowUpInput(today, PerformanceStatus.None, "回访时对方尚未履行协议"), Guid.NewGuid(), ct)),
            _ => (4, () => service.ReopenAsync(@case.Id, @case.Version, new ReopenInput("回访发现协议未履行", today), Guid.NewGuid(), ct)),
        };

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Open(int Id, int Version, CaseStatus Status, bool HasSession, bool Visited);
}
