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

/// <summary>Locators only the oversight tests use.</summary>
internal static class OversightPages
{
    public static ILocator PendingBadge(IPage page) => page.GetByTestId("nav").GetByTestId("pending-referrals");

    /// <summary>The figure link of a table row by its column's name (the link's tooltip), e.g. 登记.</summary>
    public static ILocator FigureLink(ILocator row, string figure) => row.Locator($"a.figure-link[title='{figure}']");
}
