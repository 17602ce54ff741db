using System.Net;
using HuilongbaMediation.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Security;

/// <summary>
/// The idle timeout, on an app configured for 15 seconds (the warning 6 seconds before; the real default is 30
/// minutes and a minute): activity is what the user does in the page, the warning offers 继续使用, and at the end the
/// session is gone on the server.
/// </summary>
[Collection(ShortIdleAppCollection.Name)]
public sealed class IdleTimeoutTests(ShortIdleAppHost app, ITestOutputHelper output) : SessionBrowserTest(app, output)
{
    private static readonly float Generous = (float)(ShortIdleAppHost.IdleTimeout + TimeSpan.FromSeconds(10)).TotalMilliseconds;

    [E2EFact]
    public Task Without_activity_the_page_warns_continue_keeps_the_session_and_then_it_ends() => RunAsync(async () =>
    {
        var (browser, page) = await SignedInBrowserAsync("zhangmin");
        var saved = await SavedCookieAsync(browser);

        var warning = page.GetByTestId("idle-warning");
        await Expect(warning).ToBeVisibleAsync(new() { Timeout = Generous });
        await Expect(warning).ToContainTextAsync("秒后将自动退出登录");
        await ScreenshotAsync(page, "idle-warning-desktop");
        await page.GetByTestId("idle-keep").ClickAsync();
        await Expect(warning).ToBeHiddenAsync();
        AssertSignedIn(await ReplayAsync(saved, "/cases/export.csv"));

        await Expect(warning).ToBeVisibleAsync(new() { Timeout = Generous });
        await Expect(page).ToHaveURLAsync(OnSignInPage, new() { Timeout = Generous });
        await Expect(page.GetByTestId("sign-in-notice")).ToContainTextAsync("没有操作");
        await ScreenshotAsync(page, "idle-signed-out-desktop");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(saved, "/cases/export.csv")).StatusCode);
    });

    [E2EFact]
    public Task Working_in_the_page_keeps_the_session_beyond_the_timeout() => RunAsync(async () =>
    {
        var (_, page) = await SignedInBrowserAsync("liqiang");
        var until = DateTime.UtcNow + ShortIdleAppHost.IdleTimeout * 2;
        var x = 200;
        while (DateTime.UtcNow < until)
        {
            x = x == 200 ? 600 : 200;
            await page.Mouse.MoveAsync(x, 400);
            await page.WaitForTimeoutAsync(1500);
            Assert.Equal(0, await page.GetByTestId("idle-warning").CountAsync());
        }

        await Expect(page).Not.ToHaveURLAsync(OnSignInPage);
        await Expect(page.GetByTestId("app-user")).ToContainTextAsync("李强");
    });

    [E2EFact]
    public Task Keep_me_signed_in_is_not_held_to_the_short_timeout() => RunAsync(async () =>
    {
        var (browser, page) = await SignedInBrowserAsync("wangfang", keepSignedIn: true);
        var saved = await SavedCookieAsync(browser);

        await page.WaitForTimeoutAsync((float)(ShortIdleAppHost.IdleTimeout + TimeSpan.FromSeconds(5)).TotalMilliseconds);

        await Expect(page.GetByTestId("idle-warning")).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(OnSignInPage);
        AssertSignedIn(await ReplayAsync(saved, "/cases/export.csv"));
    });

    [E2EFact]
    public Task A_session_without_an_open_page_ends_on_the_server_after_the_timeout() => RunAsync(async () =>
    {
        var (browser, page) = await SignedInBrowserAsync("admin");
        var saved = await SavedCookieAsync(browser);
        await page.CloseAsync(); // the browser window is closed; the cookie remains
        AssertSignedIn(await ReplayAsync(saved, "/admin/security-log/export.csv"));

        await Task.Delay(ShortIdleAppHost.IdleTimeout + TimeSpan.FromSeconds(2));

        AssertNotSignedIn(await ReplayAsync(saved, "/admin/security-log/export.csv"));
        AssertNotSignedIn(await ReplayAsync(saved, "/"));
    });
}
