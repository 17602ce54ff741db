using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static HuilongbaMediation.E2E.Oversight.OversightPages;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Oversight;

/// <summary>The judicial office oversees the whole town: early warnings, every village's figures, the annual report.</summary>
[Collection(AppCollection.Name)]
public sealed class JudicialOfficeOversightTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_judicial_offices_home_page_shows_the_early_warnings_beside_the_deadlines(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "wangfang");

            var warnings = page.GetByTestId("home-early-warning");
            await Expect(warnings).ToBeVisibleAsync();
            await Expect(warnings.GetByRole(AriaRole.Heading, new() { Name = "民转刑风险预警" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("home-deadlines")).ToBeVisibleAsync();

            // Each warned case links to itself and says which rule it meets.
            var first = warnings.GetByTestId("early-warning").First;
            await Expect(first).ToBeVisibleAsync();
            await Expect(first.Locator("a.panel-number")).ToHaveAttributeAsync("href", new Regex(@"/cases/\d+$"));
            await Expect(first.GetByTestId("warning-rule").First).Not.ToBeEmptyAsync();

            await ScreenshotAsync(page, $"oversight-home-judicial-office-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        });

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_judicial_offices_dashboard_shows_every_village_and_the_area(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/dashboard");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "调解统计" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("dashboard-scope")).ToContainTextAsync("全镇");

            var table = page.GetByTestId("village-table");
            var rows = table.GetByTestId("village-row");
            await Expect(rows.Filter(new() { HasText = "物流园片区" })).ToHaveCountAsync(1);
            Assert.True(await rows.CountAsync() >= 6, "Every village, the community and the area should have a row.");
            await Expect(rows.Filter(new() { HasText = "五云山村" })).ToHaveCountAsync(1);
            var town = table.GetByTestId("town-row");
            await Expect(FigureLink(town, "登记")).ToBeVisibleAsync();

            // The town total adds up the villages' filed figures.
            var sum = 0;
            for (var i = 0; i < await rows.CountAsync(); i++)
            {
                sum += await NumberAsync(rows.Nth(i).Locator("td.num").First);
            }

            Assert.Equal(sum, await NumberAsync(FigureLink(town, "登记")));
            await Expect(page.GetByTestId("dashboard-kpis")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("category-table")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("trend-table")).ToBeVisibleAsync();

            await ScreenshotAsync(page, $"oversight-dashboard-judicial-office-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        });

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_annual_report_shows_its_paragraphs_and_both_tables(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/reports/annual");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "年度报告" })).ToBeVisibleAsync();

            await Expect(page.GetByTestId("report-paragraph")).ToContainTextAsync("调解");
            var sections = page.GetByTestId("report-section");
            await Expect(sections).ToHaveCountAsync(7);
            await Expect(sections.First).ToContainTextAsync("“一庭两所”联动");
            await Expect(page.GetByTestId("report-section").Filter(new() { HasText = "推进无诉讼村" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("report-section").Filter(new() { HasText = "开展调解员专场培训" })).ToBeVisibleAsync();
            await Expect(page.GetByText("表1　各村（社区）、片区矛盾纠纷调解情况")).ToBeVisibleAsync();
            await Expect(page.GetByText("表2　各类矛盾纠纷调解情况")).ToBeVisibleAsync();
            var villages = page.Locator("table.report-table").First;
            await Expect(villages).ToContainTextAsync("物流园片区");
            await Expect(page.GetByTestId("report-copy")).ToBeEnabledAsync();
            await Expect(page.GetByTestId("report-docx")).ToHaveAttributeAsync("href", new Regex(@"/reports/annual\.docx\?year=\d{4}$"));

            await ScreenshotAsync(page, $"oversight-report-annual-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        });
}
