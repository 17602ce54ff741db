using System.Diagnostics;
using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Live;

/// <summary>
/// Two app servers on one PostgreSQL database and one shared data folder, as README "Several servers on PostgreSQL"
/// deploys them: server A (the <see cref="AppHost"/>'s app, which seeds the demo town) and server B, started once A
/// listens. Only in the PostgreSQL run: on SQLite one process owns the data folder, and the fixture starts nothing.
/// </summary>
public sealed class TwoServersAppHost : AppHost
{
    private AppProcess? _second;

    public Uri SecondBaseUrl { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        if (!E2EEngine.IsPostgres || E2EEngine.SkipReason is not null)
        {
            return;
        }

        await base.InitializeAsync();
        _second = AppProcess.Start(AppEnvironment, "--urls", "http://127.0.0.1:0");
        try
        {
            SecondBaseUrl = await _second.WaitUntilListeningAsync(StartTimeout);
        }
        catch
        {
            _second.Dispose();
            _second = null;
            await base.DisposeAsync();
            throw;
        }
    }

    public override string Output => $"{base.Output}\n--- server B ---\n{_second?.Output}";

    public override async Task DisposeAsync()
    {
        _second?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TwoServersAppCollection : ICollectionFixture<TwoServersAppHost>
{
    public const string Name = "Two servers on one PostgreSQL";
}

/// <summary>
/// Several servers seen in a browser (issue 15, item 3): a mediator works on server A while the 司法所 has the case and
/// the case list open on server B; B's pages show the step within 2 seconds without a reload, with the notice; and the
/// sign-in cookie issued by A signs its user in on B (the key ring and the session rows are in the database).
/// </summary>
[Collection(TwoServersAppCollection.Name)]
public sealed class TwoServersTests(TwoServersAppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>DOMAIN: a change shows on every open page that shows it within 2 seconds.</summary>
    private const float WithinTwoSeconds = 2_000;

    /// <summary>
    /// How long a click or a navigation may wait (the 2 seconds above have their own timeouts): each server is freshly
    /// started and its first pages are its coldest: server B's first sign-in page, or its answer and the home page after
    /// it, took more than 15 s in three runs on the shared machine under load (2026-11-30; load average 41 in the last).
    /// </summary>
    private const float ColdServer = 60_000;

    private readonly TwoServersAppHost _servers = app;

    [PostgresE2EFact]
    public async Task A_step_recorded_on_server_A_shows_on_the_pages_open_on_server_B_and_A_sign_in_holds_on_B()
    {
        var browser = await App.GetBrowserAsync();
        Assert.NotEqual(App.BaseUrl.Port, _servers.SecondBaseUrl.Port);

        // 张敏 on server A files a case (it stays 已登记 until he accepts it).
        await using var onA = await browser.NewContextAsync(Device.Desktop.ContextOptions(App.BaseUrl));
        onA.SetDefaultTimeout(ColdServer);
        var mediator = await onA.NewPageAsync();
        await SignInAsync(mediator, "zhangmin");
        var number = await FileAsync(mediator);
        var caseUrl = new Uri(mediator.Url).AbsolutePath;

        // 王芳 (司法所) on server B: the case in one tab, the cases being mediated in another.
        await OnServerBAsync(async office =>
        {
            await SignInAsync(office, "wangfang");
            await office.GotoAsync(caseUrl);
            await WaitForInteractiveAsync(office);
            await Expect(office.GetByTestId("case-number")).ToHaveTextAsync(number);
            await Expect(StatusChip(office)).ToHaveTextAsync("已登记");

            var list = await office.Context.NewPageAsync();
            await list.GotoAsync("/cases?state=Mediating");
            await WaitForInteractiveAsync(list);
            var count = list.GetByTestId("case-count");
            await Expect(list.GetByTestId("case-grid").Locator("a[href^='/cases/']").First).ToBeVisibleAsync(); // the demo has cases being mediated
            var mediating = await SettledNumberAsync(count, "共");
            await Expect(list.GetByTestId("case-grid")).Not.ToContainTextAsync(number);

            // 受理 on A.
            await mediator.GetByTestId("action-Accept").ClickAsync();
            await Dialog(mediator).GetByTestId("action-confirm").ClickAsync();
            await Expect(StatusChip(mediator)).ToHaveTextAsync("调解中");
            var committed = Stopwatch.StartNew();

            // On B, without a reload, both within 2 seconds of the commit: the list (the tab in front) counts the case,
            // and the case page (the tab behind) shows the new state.
            await Expect(count).ToHaveTextAsync($"共 {mediating + 1} 件", new() { Timeout = Remaining(committed) });
            Output.WriteLine($"Server B's case list showed the step {committed.ElapsedMilliseconds} ms after server A's dialog closed.");
            await Expect(StatusChip(office)).ToHaveTextAsync("调解中", new() { Timeout = Remaining(committed) });
            Output.WriteLine($"Server B's case page showed it {committed.ElapsedMilliseconds} ms after.");

            // The row, and on both pages the notice of who did what.
            await Expect(list.GetByTestId("case-grid")).ToContainTextAsync(number);
            await Expect(list.Locator(".mud-snackbar").Filter(new() { HasText = "张敏刚刚受理了案件" })).ToContainTextAsync(number);
            await ScreenshotAsync(list, "two-servers-case-list-on-b-desktop");
            await Expect(office.Locator(".mud-snackbar").Filter(new() { HasText = "张敏刚刚受理了案件" })).ToContainTextAsync(number);
            await office.BringToFrontAsync();
            await ScreenshotAsync(office, "two-servers-case-on-b-desktop");
        });

        // 张敏's cookie from A, in a browser that has only ever talked to B: signed in there as himself.
        var signIn = (await onA.CookiesAsync()).Single(c => c.Name == "hm.auth");
        await OnServerBAsync(async page =>
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = signIn.Name, Value = signIn.Value, Url = _servers.SecondBaseUrl.ToString() }]);
            await page.GotoAsync(caseUrl);
            await WaitForInteractiveAsync(page);
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(caseUrl) + "$"));
            await Expect(page.GetByTestId("case-number")).ToHaveTextAsync(number);
            await Expect(StatusChip(page)).ToHaveTextAsync("调解中");
            await Expect(page.GetByTestId("action-RecordSession")).ToBeVisibleAsync(); // his own case: he may record on B
        });
    }

    /// <summary>What is left of the 2 seconds since <paramref name="committed"/> started (at least a moment, to look once).</summary>
    private static float Remaining(Stopwatch committed) => Math.Max(50, WithinTwoSeconds - committed.ElapsedMilliseconds);

    /// <summary>A fresh desktop context on server B (own cookies), with the failure report of <see cref="BrowserTest"/>.</summary>
    private async Task OnServerBAsync(Func<IPage, Task> body, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var browser = await App.GetBrowserAsync();
        await using var context = await browser.NewContextAsync(Device.Desktop.ContextOptions(_servers.SecondBaseUrl));
        context.SetDefaultTimeout(ColdServer);
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
        }
        catch (Exception)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Failures, $"{test}-server-b.png"), FullPage = true });
            Output.WriteLine($"Server B's page: {page.Url}");
            Output.WriteLine(string.Join('\n', App.Output.Split('\n').TakeLast(120)));
            throw;
        }
    }

    /// <summary>Files a case through the form; its number.</summary>
    private static async Task<string> FileAsync(IPage page)
    {
        await page.GotoAsync("/cases/new");
        await WaitForInteractiveAsync(page);
        await Field(page, "case-summary").FillAsync("吴家与郑家因共用水井的抽水时间发生争执，申请调解。");
        await ChooseAsync(page, "case-category", "邻里");
        await Field(page.GetByTestId("party-editor").Nth(0), "party-name").FillAsync("吴两服甲");
        await Field(page.GetByTestId("party-editor").Nth(1), "party-name").FillAsync("郑两服乙");
        await page.GetByTestId("case-file").ClickAsync();
        await Expect(StatusChip(page)).ToHaveTextAsync("已登记");
        return (await page.GetByTestId("case-number").TextContentAsync() ?? "").Trim();
    }
}
