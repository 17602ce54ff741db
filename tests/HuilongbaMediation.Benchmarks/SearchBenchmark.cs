using System.Diagnostics;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The case list's search (搜索) on an existing town (one made by <c>generate --cases N</c>), through the app's own
/// <see cref="CaseListService"/> as the judicial office (every case) and as a 村负责人 (one village): a full party name, a
/// word found nowhere, one and two characters, a case number. The terms are taken from the town itself, so that each
/// path answers what a user would ask. Then the list's first page in each column's order, both ways, as the same users.
/// Prints the median of 7 runs (after one warm-up), with the total the list shows.
/// </summary>
internal static class SearchBenchmark
{
    private const int Runs = 7;

    public static async Task RunAsync(string databaseFile)
    {
        var file = new FileInfo(databaseFile);
        if (!file.Exists)
        {
            throw new FileNotFoundException("No such town (make one with generate --cases N).", file.FullName);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = file.DirectoryName });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={file.FullName}",
            ["Demo:Enabled"] = "true",
            ["Demo:Cases"] = "false",
        });
        builder.AddHuilongbaServices();
        builder.Services.AddSingleton<JudicialOfficeUser>();
        builder.Services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<JudicialOfficeUser>());
        await using var app = builder.Build();
        var preparing = Stopwatch.StartNew();
        await app.PrepareDatabaseAsync(seedDemo: true);
        Console.Error.WriteLine($"database ready in {preparing.Elapsed.TotalSeconds:F1} s");

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var list = services.GetRequiredService<CaseListService>();
        var user = services.GetRequiredService<JudicialOfficeUser>();

        int cases;
        string name, number, twoCharacters;
        int? village;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            cases = await db.Cases.CountAsync();
            var middle = await db.Cases.OrderBy(c => c.Id).Skip(cases / 2).Select(c => new { c.Number, c.VillageId, Name = c.Parties.OrderBy(p => p.Id).Select(p => p.Name).First() }).FirstAsync();
            (name, number, village) = (middle.Name, middle.Number, middle.VillageId);
            twoCharacters = name.Length > 2 ? name[..2] : name;
        }

        var terms = new (string Path, string Term)[]
        {
            ($"a party's name ({name})", name),
            ("no hit (无此当事人)", "无此当事人"),
            ("one character (王)", "王"),
            ($"two characters ({twoCharacters})", twoCharacters),
            ($"case number ({number})", number),
        };

        file.Refresh();
        Console.WriteLine($"town: {cases:N0} cases ({file.Length / 1024 / 1024:N0} MB), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("| search | as | median | total shown |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        foreach (var (who, userName, role) in new[] { ("司法所", "wangfang", "JudicialOffice"), ("村负责人", VillageHead(services, village), "VillageHead") })
        {
            if (userName is null)
            {
                continue;
            }

            await user.SignInAsync(services, userName, role);
            foreach (var (path, term) in terms)
            {
                var (median, page) = await MedianAsync(() => list.ListAsync(new CaseListRequest(new CaseFilter { Search = term })));
                Console.WriteLine($"| {path} | {who} | {median:F1} ms | {(page.TotalCapped ? $"{page.Total:N0}+" : page.Total.ToString("N0"))} |");
            }
        }

        // The list's first page in each order a column header gives, with no search: each should walk an index and stop at
        // the page, not sort the town (or the village) for 25 rows.
        Console.WriteLine();
        Console.WriteLine("| list sorted by | as | ascending | descending | total shown |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var (who, userName, role) in new[] { ("司法所", "wangfang", "JudicialOffice"), ("村负责人", VillageHead(services, village), "VillageHead") })
        {
            if (userName is null)
            {
                continue;
            }

            await user.SignInAsync(services, userName, role);
            foreach (var sort in Enum.GetValues<CaseSort>())
            {
                var (up, page) = await MedianAsync(() => list.ListAsync(new CaseListRequest(new CaseFilter(), Sort: sort, Descending: false)));
                var (down, _) = await MedianAsync(() => list.ListAsync(new CaseListRequest(new CaseFilter(), Sort: sort, Descending: true)));
                Console.WriteLine($"| {sort} | {who} | {up:F1} ms | {down:F1} ms | {page.Total:N0} |");
            }
        }

        SqliteConnection.ClearAllPools();
    }

    private static string? VillageHead(IServiceProvider services, int? village)
    {
        using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var heads = db.UserRoles.Where(r => db.Roles.Any(x => x.Id == r.RoleId && x.Name == "VillageHead")).Select(r => r.UserId);
        return db.Users.Where(u => heads.Contains(u.Id) && u.VillageId == village).Select(u => u.UserName).FirstOrDefault()
            ?? db.Users.Where(u => heads.Contains(u.Id)).Select(u => u.UserName).FirstOrDefault();
    }

    private static async Task<(double Median, CasePage Page)> MedianAsync(Func<Task<CasePage>> run)
    {
        var page = await run();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            page = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (times.Order().ElementAt(times.Count / 2), page);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
