using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Oversight;

/// <summary>Filing a sweep's finding adds a case, so the monthly work gets an app of its own.</summary>
[CollectionDefinition(Name)]
public sealed class MonthlyWorkAppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "Monthly work app";
}

/// <summary>The month's work: the statistical form and its .xlsx for a demo month, and a sweep finding that becomes a case.</summary>
[Collection(MonthlyWorkAppCollection.Name)]
public sealed class MonthlyWorkTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2EFact]
    public Task The_statistical_form_of_a_demo_month_shows_its_figures_and_downloads_as_xlsx_in_the_forms_layout() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/reports/monthly");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "人民调解工作统计表", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("form-scope")).ToContainTextAsync("全镇合计");

            var filed = page.Locator("[data-testid=form-figure][data-label='纠纷受理/受理纠纷']");
            var onPage = await NumberAsync(filed);
            Assert.True(onPage > 0, "The demo month has cases.");
            await Expect(filed.Locator("a.figure-link")).ToHaveAttributeAsync("href", new Regex(@"^/cases\?.*from=\d{4}-\d{2}-01"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "矛盾纠纷排查" })).ToBeVisibleAsync();
            await ScreenshotAsync(page, "monthly-form-desktop");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("form-xlsx").ClickAsync());
            Assert.Matches(@"^人民调解工作统计表_\d{4}-\d{2}\.xlsx$", download.SuggestedFilename);
            using var document = SpreadsheetDocument.Open(await download.PathAsync(), false);
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
            var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.CellValue?.Text ?? c.InlineString?.InnerText ?? "");
            Assert.Equal("人民调解工作统计表", cells["A1"]);
            Assert.Equal(("纠纷受理", "受理纠纷（件）"), (cells["B3"], cells["B4"]));
            Assert.Contains("A3:A4", sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value));
            var town = cells.Single(c => c.Value == "全镇合计").Key[1..];
            Assert.Equal(onPage.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[$"B{town}"]);
        });

    [E2EFact]
    public Task The_statistical_form_by_committee_has_a_line_per_committee_and_downloads_with_it() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/reports/monthly");
            await WaitForInteractiveAsync(page);
            await page.GetByTestId("form-scope-choice").GetByText("按调解组织").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"scope=committee"));
            await Expect(page.GetByTestId("form-scope")).ToContainTextAsync("全镇合计");

            // Last year, whose every village committee has cases.
            await page.GotoAsync($"/reports/monthly?period={DateTime.UtcNow.Year - 1}&scope=committee");
            await WaitForInteractiveAsync(page);
            await ChooseAsync(page, "form-unit", "回龙坝镇五云山村人民调解委员会");
            await Expect(page.GetByTestId("form-scope")).ToContainTextAsync("回龙坝镇五云山村人民调解委员会");
            await Expect(page.Locator("[data-testid=form-figure][data-label='纠纷受理/受理纠纷'] a.figure-link").First)
                .ToHaveAttributeAsync("href", new Regex(@"committee=\d+"));
            await ScreenshotAsync(page, "monthly-form-committee-desktop");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("form-xlsx").ClickAsync());
            Assert.Matches(@"^人民调解工作统计表_\d{4}_按调解组织\.xlsx$", download.SuggestedFilename);
            using var document = SpreadsheetDocument.Open(await download.PathAsync(), false);
            var cells = document.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<Cell>()
                .ToDictionary(c => c.CellReference!.Value!, c => c.CellValue?.Text ?? c.InlineString?.InnerText ?? "");
            Assert.Equal("调解组织", cells["A3"]);
            Assert.Contains(cells, c => c.Value == "回龙坝镇红岩市民综合调解站（一站）");
        });

    [E2ETheory]
    [InlineData(Device.Phone)]
    [InlineData(Device.Desktop)]
    public Task A_sweep_finding_becomes_a_case_in_one_step(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "zhangmin");
            await page.GotoAsync("/sweeps");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "矛盾纠纷排查", Level = 1 })).ToBeVisibleAsync();

            var applicant = device == Device.Phone ? "周秀英" : "吴建国";
            await Field(page, "sweep-by").FillAsync("张敏、李强");
            await page.GetByTestId("finding-add").ClickAsync();
            await Field(page, "finding-summary").FillAsync("村民反映邻居在承包地边界种植竹子，根系越界影响耕种，双方多次口角。");
            await ChooseAsync(page, "finding-category", "山林土地");
            await Field(page, "finding-applicant").FillAsync(applicant);
            await Field(page, "finding-respondent").FillAsync("郑德明");
            await ScreenshotAsync(page, $"sweep-form-{device.Slug()}");
            await page.GetByTestId("sweep-save").ClickAsync();

            var finding = page.GetByTestId("finding").Filter(new() { HasText = applicant });
            await Expect(finding).ToHaveCountAsync(1);
            await finding.GetByTestId("finding-file").ClickAsync();
            var link = finding.GetByTestId("finding-case");
            await Expect(link).ToContainTextAsync("回龙坝人调字");
            await ScreenshotAsync(page, $"sweep-filed-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);

            await link.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
            await WaitForInteractiveAsync(page);
            await Expect(page.Locator("body")).ToContainTextAsync("主动调解·排查发现");
            await Expect(page.Locator("body")).ToContainTextAsync(applicant);
        });
}
