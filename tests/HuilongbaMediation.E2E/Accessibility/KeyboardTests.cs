using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Accessibility;

/// <summary>Everything a mediator does to file a case, with the keyboard alone: no click, no mouse.</summary>
[Collection(AppCollection.Name)]
public sealed class KeyboardTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>More Tabs than any page here needs to reach a field; reaching none within them is a failure.</summary>
    private const int MaxTabs = 80;

    [E2EFact]
    public Task A_mediator_signs_in_and_files_a_case_with_the_keyboard_alone() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            // Sign in: the user name has the focus; Tab to the password; Enter signs in.
            await page.GotoAsync("/account/login");
            await page.Keyboard.TypeAsync("zhangmin");
            await TabToAsync(page, "#password");
            await page.Keyboard.TypeAsync(DemoPassword);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
            await WaitForInteractiveAsync(page);

            // The menu, by keyboard, to 新建案件.
            await TabToAsync(page, "a[href='/cases/new']");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("/cases/new$"));
            await Expect(page.Locator("[data-testid=case-form]")).ToBeVisibleAsync();

            // After a navigation the focus is on the page's title (h1), past the menu.
            await Expect(page.Locator("h1")).ToBeFocusedAsync();

            // From the top of a page the first Tab is the skip link, and it skips the menu.
            await page.EvaluateAsync("() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }");
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByTestId("skip-link")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();

            await TabToAsync(page, "[data-field=Summary] textarea, textarea[data-field=Summary]");
            await page.Keyboard.TypeAsync("两户因楼道堆放杂物影响通行发生争执，申请调解。");
            await TabToAsync(page, "[data-field=CategoryId]");
            await ChooseByKeyboardAsync(page, "邻里");

            // The date picker's calendar opens from the keyboard, and a day is chosen in it with Tab and Enter.
            await TabToAsync(page, "[data-field=FiledOn] button, .mud-picker:has([data-field=FiledOn]) button");
            await page.Keyboard.PressAsync("Enter");
            var calendar = page.Locator(".mud-popover-open .mud-picker-content");
            await Expect(calendar).ToBeVisibleAsync();
            await Expect(page.Locator(".mud-popover-open button.mud-day:focus")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Enter");
            await Expect(calendar).ToHaveCountAsync(0);
            await Expect(page.Locator("input[data-field=FiledOn], [data-field=FiledOn] input").First).ToHaveValueAsync(new Regex(@"^\d{4}-\d{2}-\d{2}$"));

            var applicant = $"键盘{Guid.NewGuid().ToString("N")[..6]}";
            await TabToAsync(page, "[data-field='Parties[0].Name'] input, input[data-field='Parties[0].Name']");
            await page.Keyboard.TypeAsync(applicant);
            await TabToAsync(page, "[data-field='Parties[1].Name'] input, input[data-field='Parties[1].Name']");
            await page.Keyboard.TypeAsync("周乙");

            // Enter in a one-line field files the case, as in any form.
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
            await Expect(StatusChip(page)).ToHaveTextAsync("已登记");
            await Expect(page.GetByTestId("case-parties")).ToContainTextAsync(applicant);

            // A dialog by keyboard: it takes the focus, keeps it inside while open, and gives it back when it closes.
            await TabToAsync(page, "[data-testid=action-Accept]");
            await page.Keyboard.PressAsync("Enter");
            await Expect(Dialog(page)).ToBeVisibleAsync();
            for (var i = 0; i < 12; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.mud-dialog')"), "Tab left the open dialog.");
            }

            await TabToAsync(page, "[data-testid=action-confirm]");
            await page.Keyboard.PressAsync("Enter");
            await Expect(Dialog(page)).ToHaveCountAsync(0);
            await Expect(StatusChip(page)).ToHaveTextAsync("调解中");
            // The focus comes back once the page has re-rendered the case's buttons for the new state: waited for, not read
            // at once (a busy machine renders the state a moment before the focus is given back).
            await Expect(page.Locator("[data-testid=case-actions] :focus")).ToHaveCountAsync(1); // the focus back on the case's buttons
            await ScreenshotAsync(page, "keyboard-filed-desktop");
        });

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>: it must be reachable by Tab.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        Assert.Fail($"{MaxTabs} presses of Tab did not reach {selector}; the focus is on {focused}.");
    }

    /// <summary>
    /// Opens the focused select with the keyboard, moves with the arrow keys until the select shows the item, and closes it
    /// with Enter, as a person would: the select's own text says which item the arrows are on.
    /// </summary>
    private static async Task ChooseByKeyboardAsync(IPage page, string item)
    {
        var select = page.Locator(":focus");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        for (var i = 0; i < 30 && (await select.TextContentAsync() ?? "").Trim() != item; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForTimeoutAsync(50);
        }

        Assert.Equal(item, (await select.TextContentAsync() ?? "").Trim());
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
