using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>How the tests find things on the app's pages: one place for the locators every test shares.</summary>
internal static partial class Locators
{
    public static ILocator Dialog(IPage page) => page.Locator(".mud-dialog");

    public static ILocator StatusChip(IPage page) => page.GetByTestId("case-head").Locator(".case-status");

    /// <summary>The input or textarea of a MudBlazor field carrying the test id (on the element or its wrapper).</summary>
    public static ILocator Field(IPage page, string testId) => Field(page.Locator("body"), testId);

    public static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>The input or textarea of a form field by the path it binds (the input record's property, the form's data-field).</summary>
    public static ILocator FormField(ILocator scope, string field) =>
        scope.Locator($"[data-field='{field}'] textarea, textarea[data-field='{field}'], [data-field='{field}'] input, input[data-field='{field}']").First;

    /// <summary>The input or textarea of an open dialog's field (<see cref="FormField"/>).</summary>
    public static ILocator DialogField(IPage page, string field) => FormField(Dialog(page), field);

    /// <summary>Opens a MudSelect and picks an item by its text (the list renders in the popover provider).</summary>
    public static async Task ChooseAsync(IPage page, string testId, string item)
    {
        await page.Locator($"[data-testid={testId}]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(item, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>The integer in a locator's text (a figure, a badge, "共 35 件"), the first one after <paramref name="after"/>.</summary>
    public static async Task<int> NumberAsync(ILocator locator, string after = "")
    {
        var text = (await locator.TextContentAsync() ?? "").Trim();
        var start = after.Length == 0 ? 0 : text.IndexOf(after, StringComparison.Ordinal) + after.Length;
        var match = LeadingNumber().Match(text[Math.Max(0, start)..]);
        Assert.True(match.Success, $"Expected a number after \"{after}\", found \"{text}\".");
        return int.Parse(match.Value.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <see cref="NumberAsync"/> once it has stopped changing (the same for half a second): on a busy machine a case list
    /// opened with a filter may first count every case and then the filtered ones (seen: 共 361 件, then 共 34 件), so
    /// one read is not yet the figure to compare with.
    /// </summary>
    public static async Task<int> SettledNumberAsync(ILocator locator, string after = "")
    {
        var last = await NumberAsync(locator, after);
        for (var look = 0; look < 20; look++)
        {
            await Task.Delay(500);
            var now = await NumberAsync(locator, after);
            if (now == last)
            {
                return now;
            }

            last = now;
        }

        throw new InvalidOperationException($"The number kept changing (last {last}).");
    }

    [GeneratedRegex(@"^\s*\d[\d,]*")]
    private static partial Regex LeadingNumber();
}
