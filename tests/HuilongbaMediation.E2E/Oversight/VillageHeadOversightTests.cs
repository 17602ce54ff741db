using System.Globalization;
using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static HuilongbaMediation.E2E.Oversight.OversightPages;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Oversight;

/// <summary>The village head of 五云山村 watches their own village: its deadlines and its figures, and the town total.</summary>
[Collection(AppCollection.Name)]
public sealed class VillageHeadOversightTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Village = "五云山村";

    /// <summary>The other villages of the demo town, none of which a village head of 五云山村 sees a row of.</summary>
    private static readonly string[] OtherVillages = ["回龙坝村", "大水沟村", "大桥村", "聚龙城社区", "物流园片区"];

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_village_heads_home_page_shows_the_deadlines_of_their_village(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "liqiang");

            var panel = page.GetByTestId("home-deadlines");
            await Expect(panel).ToBeVisibleAsync();
            await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "期限提醒" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("home-village")).ToHaveTextAsync(Village);
            await Expect(page.GetByTestId("home-early-warning")).ToHaveCountAsync(0);

            // The demo village has open mediations past their deadline; every item is one of its own cases.
            var items = panel.GetByTestId("deadline");
            await Expect(items.First).ToBeVisibleAsync();
            foreach (var meta in await items.Locator(".panel-meta").AllTextContentsAsync())
            {
                Assert.Contains(Village, meta, StringComparison.Ordinal);
            }

            await Expect(items.First.Locator("a.panel-number")).ToHaveAttributeAsync("href", new Regex(@"/cases/\d+$"));
            await ScreenshotAsync(page, $"oversight-home-village-head-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        });

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_village_heads_dashboard_shows_only_their_village_and_its_filed_figure_opens_those_cases(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "liqiang");
            await page.GotoAsync("/dashboard");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "调解统计" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("dashboard-scope")).ToContainTextAsync(Village);

            // One village row, theirs, with links; the town total without links; no other village by name.
            var table = page.GetByTestId("village-table");
            var rows = table.GetByTestId("village-row");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.Locator("th")).ToHaveTextAsync(Village);
            await Expect(FigureLink(rows, "登记")).ToBeVisibleAsync();
            Assert.True(await rows.Locator("a.figure-link").CountAsync() >= 5, "The village's figures should link to their cases.");
            var town = table.GetByTestId("town-row");
            await Expect(town.Locator("th")).ToHaveTextAsync("全镇合计");
            await Expect(town.Locator("a.figure-link")).ToHaveCountAsync(0);
            foreach (var other in OtherVillages)
            {
                await Expect(table).Not.ToContainTextAsync(other);
            }

            var filed = await NumberAsync(FigureLink(rows, "登记"));
            var townFiled = await NumberAsync(town.Locator("td.num").First);
            Assert.True(filed > 0, "五云山村 filed no case this year in the demo data.");
            Assert.True(townFiled >= filed, $"The town filed {townFiled}, fewer than 五云山村's {filed}.");
            Output.WriteLine($"{Village} filed {filed} of the town's {townFiled}.");

            await ScreenshotAsync(page, $"oversight-dashboard-village-head-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);

            // The figure is the count of the case list it opens.
            await FigureLink(rows, "登记").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases\?.+"));
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("case-count")).ToHaveTextAsync($"共 {filed.ToString(CultureInfo.InvariantCulture)} 件");
        });
}
