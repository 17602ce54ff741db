using System.Globalization;
using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;

namespace HuilongbaMediation.E2E.Oversight;

/// <summary>
/// The referral review changes demo cases (approves and returns referrals), so it gets its own app: the figures,
/// badges and panels the other tests of the shared app look at stay as the demo generated them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReferralReviewAppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "Referral review app";
}

/// <summary>Locators and steps the oversight tests share.</summary>
internal static partial class OversightPages
{
    public static ILocator Dialog(IPage page) => page.Locator(".mud-dialog");

    public static ILocator StatusChip(IPage page) => page.GetByTestId("case-head").Locator(".case-status");

    public static ILocator PendingBadge(IPage page) => page.GetByTestId("nav").GetByTestId("pending-referrals");

    /// <summary>The input or textarea of a MudBlazor field carrying the test id (on the element or its wrapper).</summary>
    /// <summary>The input of a form field by the field's name (the input record's property, the form's data-field).</summary>
    public static ILocator FormField(ILocator scope, string field) =>
        scope.Locator($"input[data-field={field}], textarea[data-field={field}], [data-field={field}] input, [data-field={field}] textarea").First;

    public static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>The figure link of a table row by its column's name (the link's tooltip), e.g. 登记.</summary>
    public static ILocator FigureLink(ILocator row, string figure) => row.Locator($"a.figure-link[title='{figure}']");

    /// <summary>The integer a locator's text starts with (a figure, a badge).</summary>
    public static async Task<int> NumberAsync(ILocator locator)
    {
        var text = (await locator.TextContentAsync() ?? "").Trim();
        var match = LeadingNumber().Match(text);
        Assert.True(match.Success, $"Expected a number, found \"{text}\".");
        return int.Parse(match.Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\d[\d,]*")]
    private static partial Regex LeadingNumber();
}
