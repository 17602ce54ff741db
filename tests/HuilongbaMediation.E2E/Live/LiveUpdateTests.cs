using System.Diagnostics;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Live;

/// <summary>These tests refer demo cases, so they get an app of their own: the other tests' figures stay as generated.</summary>
[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "Live updates app";
}

/// <summary>
/// Two people at once, each in a browser of their own: a mediator refers a case; the 司法所, with the case list and the
/// dashboard open, sees the list, the 移交审核 badge and the figures change without reloading, and a short notice says who did what.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class LiveUpdateTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>DOMAIN: a change shows on every open page that shows it within 2 seconds.</summary>
    private static readonly float WithinTwoSeconds = 2_000;

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public async Task A_referral_made_by_a_mediator_shows_at_once_on_the_judicial_offices_open_pages(Device device)
    {
        var browser = await App.GetBrowserAsync();
        await using var mediatorContext = await browser.NewContextAsync(Device.Desktop.ContextOptions(App.BaseUrl));
        mediatorContext.SetDefaultTimeout(15_000);
        var mediator = await mediatorContext.NewPageAsync();

        await OnPageAsync(device, async office =>
        {
            // 司法所: the referrals waiting, as a list, and the dashboard in a second tab.
            await SignInAsync(office, "wangfang");
            await office.GotoAsync("/cases?state=ReferralPending");
            await WaitForInteractiveAsync(office);
            var count = office.GetByTestId("case-count");
            await Expect(office.GetByTestId("case-grid").Locator("a[href^='/cases/']").First).ToBeVisibleAsync(); // the demo has referrals waiting
            var waiting = await SettledNumberAsync(count, "共");
            var badge = office.GetByTestId("nav").GetByTestId("pending-referrals");
            if (device == Device.Desktop)
            {
                Assert.Equal(waiting, await badge.CountAsync() == 0 ? 0 : await NumberAsync(badge));
            }

            var dashboard = await office.Context.NewPageAsync();
            await dashboard.GotoAsync("/dashboard");
            await WaitForInteractiveAsync(dashboard);
            var pendingFigure = dashboard.GetByTestId("dashboard-kpis").Locator("a.figure-link[title='移交待审核']");
            await Expect(pendingFigure).ToBeVisibleAsync();
            var pendingBefore = await NumberAsync(pendingFigure);

            // 张敏 files a case, accepts it (he leads what he files) and refers it.
            await SignInAsync(mediator, "zhangmin");
            var number = await FileAndAcceptAsync(mediator, device);
            await mediator.GetByTestId("action-Refer").ClickAsync();
            await Dialog(mediator).Locator("[data-field=TargetId]").First.ClickAsync();
            await mediator.Locator(".mud-popover-open .mud-list-item").GetByText("陈家桥人民法庭", new() { Exact = true }).ClickAsync();
            // The choice is made when the list has closed (as Locators.ChooseAsync waits): confirming before that may send none.
            await Expect(mediator.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await DialogField(mediator, "Reason").FillAsync("当事人坚持起诉，调解无望。");
            await Dialog(mediator).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(mediator)).ToHaveCountAsync(0);
            await Expect(StatusChip(mediator)).ToHaveTextAsync("移交待审核");
            var committed = Stopwatch.StartNew();

            // Without reloading: the list counts it and shows its row, the notice names who did what.
            await Expect(count).ToHaveTextAsync($"共 {waiting + 1} 件", new() { Timeout = WithinTwoSeconds });
            Output.WriteLine($"The case list showed the referral {committed.ElapsedMilliseconds} ms after the mediator's dialog closed.");
            await Expect(pendingFigure).ToHaveTextAsync($"{pendingBefore + 1}", new() { Timeout = WithinTwoSeconds });
            Output.WriteLine($"The dashboard (another tab) counted it {committed.ElapsedMilliseconds} ms after.");
            await Expect(office.GetByTestId("case-grid")).ToContainTextAsync(number);
            var notice = office.Locator(".mud-snackbar").Filter(new() { HasText = "张敏刚刚提交了移交" });
            await Expect(notice).ToContainTextAsync(number);
            await ScreenshotAsync(office, $"live-case-list-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(office, device);
            if (device == Device.Desktop)
            {
                await Expect(badge).ToHaveTextAsync($"{waiting + 1}");
            }

            await dashboard.BringToFrontAsync();
            await ScreenshotAsync(dashboard, $"live-dashboard-{device.Slug()}");

            // The mediator gets no notice of what they did themselves.
            await mediator.WaitForTimeoutAsync(1_000);
            await Expect(mediator.Locator(".mud-snackbar").Filter(new() { HasText = "刚刚" })).ToHaveCountAsync(0);
        });
    }

    /// <summary>Files a case through the form and accepts it; its number.</summary>
    private static async Task<string> FileAndAcceptAsync(IPage page, Device device)
    {
        await page.GotoAsync("/cases/new");
        await WaitForInteractiveAsync(page);
        await Field(page, "case-summary").FillAsync("孙家与周家因院坝排水沟堵塞发生争执，多次口角，申请调解。");
        await ChooseAsync(page, "case-category", "邻里");
        await Field(page.GetByTestId("party-editor").Nth(0), "party-name").FillAsync($"孙{device}甲");
        await Field(page.GetByTestId("party-editor").Nth(1), "party-name").FillAsync($"周{device}乙");
        await page.GetByTestId("case-file").ClickAsync();
        await Expect(StatusChip(page)).ToHaveTextAsync("已登记");
        await page.GetByTestId("action-Accept").ClickAsync();
        await Dialog(page).GetByTestId("action-confirm").ClickAsync();
        await Expect(StatusChip(page)).ToHaveTextAsync("调解中");
        return (await page.GetByTestId("case-number").TextContentAsync() ?? "").Trim();
    }
}
