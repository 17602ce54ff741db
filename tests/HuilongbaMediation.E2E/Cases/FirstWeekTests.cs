using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Cases;

/// <summary>What new users tripped over in their first week (issue 8), as they would meet it again.</summary>
[Collection(AppCollection.Name)]
public sealed class FirstWeekTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2EFact]
    public Task A_double_click_on_登记_files_one_case_and_on_a_dialog_records_one_session() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "zhangmin");
            await page.GotoAsync("/cases/new");
            await WaitForInteractiveAsync(page);
            var applicant = $"双击{Guid.NewGuid().ToString("N")[..6]}";
            await Field(page, "case-summary").FillAsync("两户因共用水管的维修费用分摊发生争执，申请调解。");
            await ChooseAsync(page, "case-category", "邻里");
            await Field(page.GetByTestId("party-editor").Nth(0), "party-name").FillAsync(applicant);
            await Field(page.GetByTestId("party-editor").Nth(1), "party-name").FillAsync("孙乙");

            await page.GetByTestId("case-file").DblClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
            await page.GotoAsync($"/cases?q={Uri.EscapeDataString(applicant)}");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("case-count")).ToHaveTextAsync("共 1 件");

            // The same for a dialog that writes: one session, however fast the second click comes.
            await page.GetByTestId("case-grid").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("回龙坝人调字") }).ClickAsync();
            await WaitForInteractiveAsync(page);
            await page.GetByTestId("action-Accept").ClickAsync();
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page)).ToHaveCountAsync(0);
            await page.GetByTestId("action-RecordSession").ClickAsync();
            await Dialog(page).Locator("[data-field=VenueId]").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("村（居）调委会", new() { Exact = true }).ClickAsync();
            await DialogField(page, "Attendees").FillAsync($"{applicant}、孙乙、张敏");
            await DialogField(page, "Summary").FillAsync("双方同意按户平摊维修费用。");
            await Dialog(page).GetByTestId("action-confirm").DblClickAsync();

            await Expect(Dialog(page)).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("case-records").Locator(".record")).ToHaveCountAsync(1);
            // The history names the venue, as the case page does.
            await Expect(page.GetByTestId("case-history")).ToContainTextAsync("调解场所：村（居）调委会");
        });

    [E2EFact]
    public Task A_dashboard_figure_opens_a_list_that_says_its_filter_and_why_its_count_differs() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/dashboard");
            await WaitForInteractiveAsync(page);
            var year = DateTime.UtcNow.AddHours(8).Year;
            var resolved = page.GetByTestId("village-table").GetByTestId("town-row").Locator("a.figure-link[title='调解成功']");
            var figure = await NumberAsync(resolved);

            await resolved.ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("event=Resolve"));
            var summary = page.GetByTestId("filter-summary");
            await Expect(summary).ToContainTextAsync($"{year}年内调解成功的案件");
            await Expect(page.GetByTestId("case-grid").Locator("tbody tr").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("case-count")).Not.ToHaveTextAsync("共 0 件");
            var listed = await SettledNumberAsync(page.GetByTestId("case-count"), after: "共 ");
            if (listed != figure)
            {
                await Expect(page.GetByTestId("filter-event-count")).ToContainTextAsync($"期间内共 {figure} 次调解成功，其中 {figure - listed} 件案件不止一次");
            }

            await ScreenshotAsync(page, "case-list-drill-down-desktop");

            // 清除 leaves the list the user sees without the hidden filter.
            await summary.GetByTestId("filter-clear").ClickAsync();
            await Expect(page.GetByTestId("filter-summary")).ToHaveCountAsync(0);
            await Expect(page).Not.ToHaveURLAsync(new Regex("event="));
        });

    [E2EFact]
    public Task On_a_phone_the_deadline_days_stay_clear_of_the_case_number_and_the_menu_covers_a_long_page() =>
        OnPageAsync(Device.Phone, async page =>
        {
            await SignInAsync(page, "wangfang");
            var items = page.GetByTestId("home-deadlines").GetByTestId("deadline");
            await Expect(items.First).ToBeVisibleAsync();
            for (var i = 0; i < await items.CountAsync(); i++)
            {
                var number = await items.Nth(i).Locator(".panel-number").BoundingBoxAsync();
                var days = await items.Nth(i).Locator(".panel-days").BoundingBoxAsync();
                Assert.False(Overlap(number!, days!), $"Deadline {i}: the days ({days!.X},{days.Y} {days.Width}×{days.Height}) overlap the number ({number!.X},{number.Y} {number.Width}×{number.Height}).");
            }

            // A long page, scrolled to its end: the open menu still reaches the bottom of the screen.
            await page.GotoAsync("/cases");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("case-grid").Locator("tbody tr").First).ToBeVisibleAsync();
            await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            await page.GetByRole(AriaRole.Button, new() { Name = "展开或收起菜单" }).ClickAsync();
            var drawer = page.Locator(".mud-drawer");
            await Expect(drawer.GetByTestId("nav")).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(400); // the slide-in
            var box = (await drawer.BoundingBoxAsync())!;
            Assert.True(box.Y <= 64 && box.Y + box.Height >= 844 - 1, $"The menu spans {box.Y}–{box.Y + box.Height} of an 844 px screen.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "menu-open-long-page-phone.png") }); // the screen as it is
        });

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
