using System.Diagnostics;
using System.Globalization;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

/// <summary>
/// <c>-- circuits 1 50</c>: what one open page costs the server. The app is served in this process on loopback over the
/// demo town; Debian's Chromium opens the pages a user keeps open (home, case list, a case, the dashboard) in 1 and in 50
/// tabs of one signed-in browser, and after a full, compacting garbage collection the live managed heap is read: its
/// growth over the heap just before (the page once opened and closed already), divided by the number of circuits, is
/// the live heap of one circuit. Playwright's own objects for a tab live in this process too (a few kilobytes). The
/// process's resident memory is printed beside it (what the machine pays, the runtime's reserve included).
/// </summary>
internal static class CircuitMemoryBenchmark
{
    private static readonly (string Label, string User, string Path)[] Pages =
    [
        ("home (mediator)", "zhangmin", "/"),
        ("case list (mediator)", "zhangmin", "/cases"),
        ("a case (mediator)", "zhangmin", "/cases/{id}"),
        ("dashboard (judicial office)", "wangfang", "/dashboard"),
    ];

    public static async Task RunAsync(int[] counts)
    {
        var folder = Directory.CreateTempSubdirectory("hm-bench-circuits-");
        var circuits = new OpenCircuits();
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Development", // as the E2E tests serve it: static assets from the build, no HTTPS redirect
                ContentRootPath = folder.FullName,
                ApplicationName = typeof(AppDbContext).Assembly.GetName().Name,
            });
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = "Data Source=bench.db",
                ["Demo:Enabled"] = "true",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddHuilongbaServices();
            builder.Services.AddSingleton<CircuitHandler>(circuits);
            await using var app = builder.Build();
            await app.PrepareDatabaseAsync(seedDemo: true);
            app.UseHuilongbaPipeline();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            int caseId;
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                var village = await db.Villages.Where(v => v.Name == "五云山村").Select(v => v.Id).SingleAsync();
                caseId = await db.Cases.Where(c => c.VillageId == village).OrderByDescending(c => c.History.Count).Select(c => c.Id).FirstAsync();
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                Headless = true,
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
            });
            var contexts = new Dictionary<string, IBrowserContext>();
            foreach (var user in Pages.Select(p => p.User).Distinct())
            {
                contexts[user] = await SignedInAsync(browser, address, user);
            }

            await circuits.WaitForAsync(0);
            var baseline = LiveHeap();
            var baselineRss = Environment.WorkingSet;
            Console.Error.WriteLine($"served at {address}; no page open: live heap {Mb(baseline)}, resident {Mb(baselineRss)}");

            var rows = new List<string>();
            // HM_CIRCUIT_PAGES=case,dashboard: only the pages whose label contains one of these (while working on one page).
            // HM_CIRCUIT_HOLD=60: with the tabs open and the heap read, waits that many seconds (time for
            // `dotnet-dump collect -p PID` from another shell) before it closes them.
            var only = Environment.GetEnvironmentVariable("HM_CIRCUIT_PAGES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var hold = int.TryParse(Environment.GetEnvironmentVariable("HM_CIRCUIT_HOLD"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
            foreach (var (label, user, path) in Pages.Where(p => only is null || only.Any(o => p.Label.Contains(o, StringComparison.OrdinalIgnoreCase))))
            {
                var cells = new List<string>();
                var url = path.Replace("{id}", caseId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

                // The first page of a kind also fills what every later one shares (EF's query cache, the components'
                // metadata, the resources): opened and closed once first, so that the heap before each count is the
                // one a server that has served the page already holds.
                var first = await OpenAsync(contexts[user], url, 1);
                if (Environment.GetEnvironmentVariable("HM_CIRCUIT_SHOTS") is { Length: > 0 } shots)
                {
                    // HM_CIRCUIT_SHOTS=folder: the page as measured, at 1366×768 and 390×844, to look at beside the figures.
                    await first[0].WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    var name = string.Concat(label.TakeWhile(c => c != '(')).Trim().Replace(' ', '-');
                    await first[0].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{name}-desktop.png") });
                    await first[0].SetViewportSizeAsync(390, 844);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    await first[0].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{name}-phone.png") });
                }

                await CloseAsync(first, circuits);
                foreach (var n in counts)
                {
                    var before = LiveHeap();
                    var beforeRss = Environment.WorkingSet;
                    var watch = Stopwatch.StartNew();
                    var tabs = await OpenAsync(contexts[user], url, n);
                    await circuits.WaitForAsync(n);
                    var opened = watch.Elapsed;
                    await Task.Delay(TimeSpan.FromSeconds(2)); // what the pages load after they became interactive
                    var heap = LiveHeap();
                    var rss = Environment.WorkingSet;
                    cells.Add($"{Mb((heap - before) / (double)n)} ({Mb((rss - beforeRss) / (double)n)})");
                    Console.Error.WriteLine($"{label} × {n}: opened in {opened.TotalSeconds:F1} s, live heap {Mb(before)} → {Mb(heap)}, resident {Mb(beforeRss)} → {Mb(rss)}");
                    if (hold > 0)
                    {
                        Console.Error.WriteLine($"holding {hold} s with {n} tabs open: process {Environment.ProcessId}");
                        await Task.Delay(TimeSpan.FromSeconds(hold));
                    }

                    await CloseAsync(tabs, circuits);
                }

                rows.Add($"| {label} | {string.Join(" | ", cells)} |");
            }

            Console.WriteLine($"Live heap per circuit (resident memory per circuit in brackets); no page open: heap {Mb(baseline)}, resident {Mb(baselineRss)}");
            Console.WriteLine($"| page | {string.Join(" | ", counts.Select(n => n == 1 ? "1 page" : $"{n} pages"))} |");
            Console.WriteLine($"| --- |{string.Concat(counts.Select(_ => " ---: |"))}");
            rows.ForEach(Console.WriteLine);
            await app.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task CloseAsync(List<IPage> tabs, OpenCircuits circuits)
    {
        foreach (var tab in tabs)
        {
            await tab.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }

        await circuits.WaitForAsync(0);
    }

    private static async Task<IBrowserContext> SignedInAsync(IBrowser browser, string address, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync("hshs-demo-2026");
        await page.GetByTestId("login-submit").ClickAsync();
        await page.Locator(".app-root[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        return context;
    }

    /// <summary>Opens <paramref name="n"/> tabs at <paramref name="path"/>, five at a time, each until its circuit is interactive.</summary>
    private static async Task<List<IPage>> OpenAsync(IBrowserContext context, string path, int n)
    {
        var tabs = new List<IPage>();
        foreach (var chunk in Enumerable.Range(0, n).Chunk(5))
        {
            tabs.AddRange(await Task.WhenAll(chunk.Select(async _ =>
            {
                var tab = await context.NewPageAsync();
                await tab.GotoAsync(path);
                await tab.Locator(".app-root[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                return tab;
            })));
        }

        return tabs;
    }

    private static long LiveHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(double bytes) => $"{bytes / 1024 / 1024:F2} MB";

    /// <summary>Counts the app's open circuits, so a measurement waits until every tab has one and every closed tab's is gone.</summary>
    private sealed class OpenCircuits : CircuitHandler
    {
        private int _open;

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _open);
            return Task.CompletedTask;
        }

        public async Task WaitForAsync(int open)
        {
            var waited = Stopwatch.StartNew();
            while (Volatile.Read(ref _open) != open)
            {
                if (waited.Elapsed > TimeSpan.FromMinutes(4))
                {
                    throw new TimeoutException($"{_open} circuits open, waiting for {open}.");
                }

                await Task.Delay(100);
            }
        }
    }
}
