using HuilongbaMediation.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Oversight;

/// <summary>Statistics and the referral review are not a mediator's: the pages refuse, not only the navigation.</summary>
[Collection(AppCollection.Name)]
public sealed class OversightAccessTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData("/dashboard")]
    [InlineData("/referrals")]
    [InlineData("/reports/annual")]
    public Task A_mediator_is_denied_the_oversight_pages(string url) =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "zhangmin");
            await Expect(page.GetByTestId("nav").Locator($"a[href='{url}']")).ToHaveCountAsync(0);

            await page.GotoAsync(url);
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("forbidden")).ToHaveTextAsync("无权访问");
            await Expect(page.GetByTestId("referral-queue")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("village-table")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("report-paragraph")).ToHaveCountAsync(0);
        }, url.Trim('/').Replace('/', '-'));
}
