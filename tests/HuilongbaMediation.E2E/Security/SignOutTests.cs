using System.Diagnostics;
using System.Net;
using HuilongbaMediation.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Security;

/// <summary>退出 ends the session on the server: for every tab, every device, and every copy of the cookie.</summary>
[Collection(AppCollection.Name)]
public sealed class SignOutTests(AppHost app, ITestOutputHelper output) : SessionBrowserTest(app, output)
{
    [E2EFact]
    public Task Signing_out_ends_every_session_of_the_user_at_once_open_pages_and_saved_cookies_included() => RunAsync(async () =>
    {
        var (office, tab) = await SignedInBrowserAsync("wangfang");
        var otherTab = await office.NewPageAsync();
        await otherTab.GotoAsync("/cases");
        await WaitForInteractiveAsync(otherTab);
        var (_, phone) = await SignedInBrowserAsync("wangfang"); // the same user on another device
        var saved = await SavedCookieAsync(office);
        AssertSignedIn(await ReplayAsync(saved, "/cases/export.csv"));
        AssertSignedIn(await ReplayAsync(saved, "/dashboard/export.csv"));

        await tab.GetByTestId("sign-out").ClickAsync();
        var clock = Stopwatch.StartNew();
        await Expect(tab).ToHaveURLAsync(OnSignInPage);

        // The other tab and the other device leave on their own, without a click.
        await Expect(otherTab).ToHaveURLAsync(OnSignInPage, new() { Timeout = (float)Promptly.TotalMilliseconds });
        await Expect(phone).ToHaveURLAsync(OnSignInPage, new() { Timeout = (float)Promptly.TotalMilliseconds });
        Output.WriteLine($"Open pages left {clock.ElapsedMilliseconds} ms after 退出.");
        await Expect(otherTab.GetByTestId("sign-in-notice")).ToHaveTextAsync("您已退出登录。");
        await ScreenshotAsync(otherTab, "signed-out-elsewhere-desktop");

        // The copied cookie downloads nothing any more.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(saved, "/cases/export.csv")).StatusCode);
        AssertNotSignedIn(await ReplayAsync(saved, "/dashboard/export.csv"));
        AssertNotSignedIn(await ReplayAsync(saved, "/cases"));
    });

    [E2EFact]
    public Task A_sign_out_posted_without_the_antiforgery_token_is_refused_and_the_session_goes_on() => RunAsync(async () =>
    {
        var (browser, page) = await SignedInBrowserAsync("liqiang");
        var saved = await SavedCookieAsync(browser);

        // What a page of another site could make the browser send.
        var forged = await ReplayAsync(saved, "/account/logout", HttpMethod.Post, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        AssertSignedIn(await ReplayAsync(saved, "/cases/export.csv"));
        await page.GotoAsync("/cases");
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("app-user")).ToContainTextAsync("李强");

        // The app bar's own form carries the token and signs out.
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(OnSignInPage);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(saved, "/cases/export.csv")).StatusCode);
    });
}
