using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Oversight.OversightPages;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Import;

/// <summary>导入台账 in the browser: the town's sample ledger uploaded, previewed, imported, its refused rows downloaded.</summary>
[Collection(AppCollection.Name)]
public sealed class LedgerImportTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string TownLedger = Path.Combine(RepoPaths.Root, "tests", "samples", "回龙坝镇2022年人民调解台账.xlsx");

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_office_previews_imports_and_downloads_the_refused_rows_of_a_ledger(Device device) =>
        OnPageAsync(device, async page =>
        {
            var slug = device.Slug();
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/import");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入台账" })).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"import-upload-{slug}");

            await page.Locator("input[type=file]").SetInputFilesAsync(TownLedger);
            var preview = page.GetByTestId("import-preview");
            // Reading and checking the workbook is the page's slowest step: as long as the import itself is given.
            await Expect(preview).ToContainTextAsync("表头在第 3 行", new() { Timeout = 30_000 });
            await Expect(preview.GetByTestId("import-rows").Locator("tbody tr")).ToHaveCountAsync(8);
            await Expect(preview.GetByTestId("import-rows")).ToContainTextAsync("张大明");
            await ScreenshotAsync(page, $"import-preview-{slug}");
            await AssertNoSidewaysScrollingAsync(page, device);

            await page.GetByTestId("import-start").ClickAsync();
            var result = page.GetByTestId("import-result");
            await Expect(result).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(result.GetByTestId("import-refused")).ToContainTextAsync("未导入 4 行");
            await Expect(result.GetByTestId("import-skipped")).ToContainTextAsync("跳过 3 行");
            var imported = await result.GetByTestId("import-imported").TextContentAsync();
            var already = await result.GetByTestId("import-already").TextContentAsync();
            Assert.True(imported!.Contains("已导入 16 件", StringComparison.Ordinal) || already!.Contains("已存在 16 行", StringComparison.Ordinal), $"{imported} / {already}");
            await Expect(result.GetByTestId("refused-rows")).ToContainTextAsync("无法识别的日期「2022-13-45」");
            await Expect(result.GetByTestId("refused-rows").Locator("tbody tr").First).ToContainTextAsync("21");
            await ScreenshotAsync(page, $"import-result-{slug}");
            await AssertNoSidewaysScrollingAsync(page, device);

            var download = await page.RunAndWaitForDownloadAsync(() => result.GetByTestId("refused-download").ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var path = await download.PathAsync();
            Assert.True(new FileInfo(path).Length > 0);
        });

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_alias_table_shows_the_usual_forms_and_admins_add_to_it(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "admin");
            await page.GotoAsync("/admin/aliases");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("aliases-Village")).ToContainTextAsync("物流园区");
            await Expect(page.GetByTestId("aliases-Category")).ToContainTextAsync("相邻纠纷");
            await Expect(page.GetByTestId("aliases-Outcome")).ToContainTextAsync("调解不成");
            await Expect(page.GetByTestId("alias-form")).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"aliases-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        });

    [E2EFact]
    public Task The_dashboard_of_2022_shows_the_imported_year() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/import");
            await WaitForInteractiveAsync(page);
            await page.Locator("input[type=file]").SetInputFilesAsync(TownLedger);
            await page.GetByTestId("import-start").ClickAsync();
            await Expect(page.GetByTestId("import-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await page.GotoAsync("/dashboard?year=2022");
            await WaitForInteractiveAsync(page);
            var town = page.GetByTestId("village-table").GetByTestId("town-row");
            await Expect(FigureLink(town, "登记")).ToHaveTextAsync("16");
            await ScreenshotAsync(page, "import-dashboard-2022-desktop");
        });
}
