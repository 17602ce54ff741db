using System.Diagnostics;
using System.Globalization;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The hot paths on towns of 10,000, 100,000 and 1,000,000 cases (or the sizes given), each town made once by the
/// app's own <c>generate</c> command and kept in a folder for the next run. Each path runs through the app's own
/// services, as the judicial office, and beside it the hand-written SQL that answers the same question on the same
/// file (<see cref="RawSql"/>), interleaved run by run so that both meet the same machine; it prints the medians, app ÷ raw,
/// and whether both gave the same answer. A pair whose answers differ makes the run fail (exit 1): a fast wrong answer
/// is no benchmark. The smallest size is what <c>dotnet test</c> runs as a smoke test (100 cases).
/// </summary>
internal static class TownBenchmark
{
    private const int DefaultRuns = 7;

    /// <summary>A path that takes longer than this once is run 3 times instead of 7: its median is no less clear.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        if (Options.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync("用法：[案件数 …] [--towns <目录>] [--years <年数>] [--runs <次数>]，例如 10000 100000 1000000");
            return 2;
        }

        Directory.CreateDirectory(options.Towns);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, " +
            $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite {SqliteVersion()}; towns in {options.Towns}");
        var results = new List<SizeResult>();
        foreach (var cases in options.Sizes)
        {
            var result = await MeasureAsync(cases, options);
            results.Add(result);
            Print([result]);
        }

        if (results.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine("All sizes:");
            Print(results);
        }

        var wrong = results.SelectMany(r => r.Paths.Where(p => !p.SameAnswer).Select(p => (r.Cases, p))).ToList();
        foreach (var (cases, path) in wrong)
        {
            await Console.Error.WriteLineAsync($"DIFFERENT ANSWERS at {cases:N0} cases, {path.Path}:\n  app: {path.Answer}\n  raw: {path.RawAnswer}");
        }

        return wrong.Count == 0 ? 0 : 1;
    }

    private static async Task<SizeResult> MeasureAsync(int cases, Options options)
    {
        var (town, built) = await Towns.EnsureAsync(options.Towns, cases, options.Years);
        var work = Directory.CreateTempSubdirectory("hm-town-bench-");
        try
        {
            var file = Path.Combine(work.FullName, "town.db");
            File.Copy(town, file);
            await using var app = await BenchmarkApp.StartAsync(file);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<JudicialOfficeUser>().SignInAsync(services, "wangfang");
            var statistics = services.GetRequiredService<StatisticsService>();
            var list = services.GetRequiredService<CaseListService>();
            var reader = services.GetRequiredService<CaseReader>();
            var today = ChinaClock.Today(DateTime.UtcNow);

            int count, caseId;
            string name;
            await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                count = await db.Cases.CountAsync();
                var middle = await db.Cases.OrderBy(c => c.Id).Skip(count / 2)
                    .Select(c => new { c.Id, Name = c.Parties.OrderBy(p => p.Id).Select(p => p.Name).First() }).FirstAsync();
                (caseId, name) = (middle.Id, middle.Name);
            }

            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            using var raw = new RawSql(connection);
            var thisYear = StatisticsPeriod.OfYear(today.Year);
            var lastYear = StatisticsPeriod.OfYear(today.Year - 1);
            Task<string> Search(string term) => Page(list.ListAsync(new CaseListRequest(new CaseFilter { Search = term })));
            var pairs = new (string Path, Func<Task<string>> App, Func<string> Raw)[]
            {
                ("dashboard, this year", () => Dashboard(statistics.GetTownAsync(thisYear)), () => raw.DashboardNow(thisYear.From, thisYear.To, today)),
                ("dashboard, last year", () => Dashboard(statistics.GetTownAsync(lastYear)), () => raw.DashboardPast(lastYear.From, lastYear.To)),
                ("case list, page 1", () => Page(list.ListAsync(new CaseListRequest(new CaseFilter()))), raw.ListPage),
                ("case list, overdue", () => Page(list.ListAsync(new CaseListRequest(new CaseFilter { Overdue = true }))), () => raw.Overdue(today)),
                ("search, a party's name", () => Search(name), () => raw.Search(name)),
                ("search, no hit (无此当事人)", () => Search("无此当事人"), () => raw.Search("无此当事人")),
                ("search, one character (王)", () => Search("王"), () => raw.Search("王")),
                ("case page", async () => CasePage((await reader.GetAsync(caseId)).Case!), () => raw.CasePage(caseId)),
            };

            var paths = new List<PathResult>();
            foreach (var (path, appRun, rawRun) in pairs)
            {
                paths.Add(await PairAsync(path, appRun, rawRun, options.Runs));
                Console.Error.WriteLine($"{count:N0} cases: {paths[^1].Path} measured");
            }

            return new SizeResult(count, new FileInfo(town).Length, built, LoadAverage(), name, paths);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>Both once to warm up and to compare their answers, then in turns, each timed alone.</summary>
    private static async Task<PathResult> PairAsync(string path, Func<Task<string>> app, Func<string> raw, int runs)
    {
        var watch = Stopwatch.StartNew();
        var appAnswer = await app();
        var appFirst = watch.Elapsed;
        watch.Restart();
        var rawAnswer = raw();
        if (appFirst > Slow || watch.Elapsed > Slow)
        {
            runs = Math.Min(runs, 3);
        }

        var (appTimes, rawTimes) = (new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            await app();
            appTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            raw();
            rawTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new PathResult(path, Median(appTimes), Median(rawTimes), appAnswer == rawAnswer, appAnswer, rawAnswer);
    }

    private static async Task<string> Page(Task<CasePage> page)
    {
        var p = await page;
        return Answers.Page(p.Total, p.TotalCapped, p.Rows.Select(r => r.Id));
    }

    private static async Task<string> Dashboard(Task<Statistics> statistics) =>
        Answers.Dashboard((await statistics).Villages.OrderBy(v => v.VillageId).Select(v => Answers.Village(v.VillageId,
        [
            v.Figures.Filed.Value, v.Figures.Resolved.Value, v.Figures.Referred.Value, v.Figures.Terminated.Value, v.Figures.Declined.Value,
            v.Figures.InMediation.Value, v.Figures.PendingReview.Value, v.Figures.Overdue.Value,
        ])));

    private static string CasePage(CaseDetails c) =>
        $"{c.Number}|{c.Parties.Count},{c.Mediators.Count},{c.Sessions.Count},{c.History.Count}";

    private static void Print(IReadOnlyList<SizeResult> results)
    {
        Console.WriteLine();
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Cases:N0} cases: file {r.FileBytes / (1 << 20):N0} MB, " +
                $"{(r.Built is { } b ? $"made by generate in {b.TotalSeconds:F0} s this run" : "made by generate before (kept)")}, name searched {r.Name}, load average {r.LoadAverage}");
        }

        Console.WriteLine();
        Console.WriteLine($"| path | {string.Join(" | ", results.Select(r => $"{r.Cases:N0} cases: app / raw SQL"))} | same answer |");
        Console.WriteLine($"| --- |{string.Concat(results.Select(_ => " ---: |"))} :---: |");
        foreach (var path in results[0].Paths.Select((p, i) => (p.Path, i)))
        {
            var cells = results.Select(r => r.Paths[path.i]).Select(p => $"{Ms(p.AppMs)} / {Ms(p.RawMs)} = {p.AppMs / p.RawMs:F2}×");
            var same = results.All(r => r.Paths[path.i].SameAnswer) ? "✓" : "✗";
            Console.WriteLine($"| {path.Path} | {string.Join(" | ", cells)} | {same} |");
        }
    }

    private static string Ms(double ms) => ms >= 100 ? $"{ms:N0} ms" : $"{ms:F1} ms";

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private sealed record PathResult(string Path, double AppMs, double RawMs, bool SameAnswer, string Answer, string RawAnswer);

    /// <param name="Name">The party's name searched for: one of the town's middle case.</param>
    private sealed record SizeResult(int Cases, long FileBytes, TimeSpan? Built, string LoadAverage, string Name, IReadOnlyList<PathResult> Paths);

    private sealed record Options(IReadOnlyList<int> Sizes, string Towns, int Years, int Runs)
    {
        public static Options? Parse(string[] args)
        {
            var sizes = new List<int>();
            var towns = Path.Combine(Path.GetTempPath(), "huilongba-towns");
            var (years, runs) = (10, DefaultRuns);
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--towns" when i + 1 < args.Length:
                        towns = args[++i];
                        break;
                    case "--years" when i + 1 < args.Length && Number(args[++i]) is { } y:
                        years = y;
                        break;
                    case "--runs" when i + 1 < args.Length && Number(args[++i]) is { } r:
                        runs = r;
                        break;
                    default:
                        if (Number(args[i]) is not { } size)
                        {
                            return null;
                        }

                        sizes.Add(size);
                        break;
                }
            }

            return new Options(sizes.Count > 0 ? sizes : [10_000, 100_000, 1_000_000], Path.GetFullPath(towns), years, runs);
        }

        private static int? Number(string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }
}

/// <summary>The benchmark's towns: made once by the app's own <c>generate</c> command, then kept (a million cases take minutes).</summary>
internal static class Towns
{
    /// <summary>The town of <paramref name="cases"/> cases over <paramref name="years"/> years, and how long it took to make if it was made now.</summary>
    public static async Task<(string File, TimeSpan? Built)> EnsureAsync(string folder, int cases, int years)
    {
        var file = Path.Combine(folder, $"town-{cases}-{years}y.db");
        if (File.Exists(file))
        {
            return (file, null);
        }

        // Made under another name and renamed when whole: a run stopped half-way leaves no half town to be reused.
        var building = file + ".building";
        foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(leftover);
        }

        Console.Error.WriteLine($"making a town of {cases:N0} cases over {years} years (generate) …");
        var watch = Stopwatch.StartNew();
        await using (var app = BenchmarkApp.Builder(building).Build())
        {
            await app.PrepareDatabaseAsync(seedDemo: false);
            var generate = CliCommand.Parse(["generate", "--cases", cases.ToString(CultureInfo.InvariantCulture), "--years", years.ToString(CultureInfo.InvariantCulture)])!;
            if (await generate.RunAsync(app.Services) != 0)
            {
                throw new InvalidOperationException($"generate --cases {cases} --years {years} failed (see above).");
            }
        }

        var built = watch.Elapsed;
        await using (var connection = new SqliteConnection($"Data Source={building}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, file);
        File.Delete(building + "-wal");
        File.Delete(building + "-shm");
        return (file, built);
    }
}
