using System.Net;
using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Security;

/// <summary>A user's own password change, and an administrator's reset: both end every other session at once.</summary>
[Collection(AccountsAppCollection.Name)]
public sealed class PasswordTests(AppHost app, ITestOutputHelper output) : SessionBrowserTest(app, output)
{
    private static readonly Regex OnPasswordPage = new("/account/password", RegexOptions.IgnoreCase);

    [E2EFact]
    public Task A_user_changes_their_password_every_session_ends_and_only_the_new_password_works() => RunAsync(async () =>
    {
        const string newPassword = "river-tea-house-2027";
        var (office, page) = await SignedInBrowserAsync("liqiang");
        var (other, phone) = await SignedInBrowserAsync("liqiang");
        var saved = await SavedCookieAsync(other);
        var savedHere = await SavedCookieAsync(office);

        await page.GetByTestId("nav").GetByText("修改密码").ClickAsync();
        await Expect(page).ToHaveURLAsync(OnPasswordPage);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改密码" })).ToBeVisibleAsync();

        await ChangeAsync(page, "not-my-password", newPassword, newPassword);
        await Expect(page.GetByTestId("current-error")).ToHaveTextAsync("当前密码不正确");
        await ChangeAsync(page, DemoPassword, "Huilongba2026", "Huilongba2026");
        await Expect(page.GetByTestId("new-error")).ToContainTextAsync("密码不能是镇名、系统名加年份或数字");
        await ChangeAsync(page, DemoPassword, "11111111112", "11111111112");
        await Expect(page.GetByTestId("new-error")).ToContainTextAsync("同一个字符");
        await ChangeAsync(page, DemoPassword, newPassword, newPassword + "x");
        await Expect(page.GetByTestId("confirm-error")).ToHaveTextAsync("两次输入的新密码不一致");
        await ScreenshotAsync(page, "change-password-refused-desktop");
        AssertSignedIn(await ReplayAsync(saved, "/cases/export.csv")); // nothing changed yet

        await ChangeAsync(page, DemoPassword, newPassword, newPassword);
        await Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "change-password-done-desktop");

        await Expect(phone).ToHaveURLAsync(OnSignInPage, new() { Timeout = (float)Promptly.TotalMilliseconds });
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(saved, "/cases/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(savedHere, "/cases/export.csv")).StatusCode); // any copy of this one

        // Signing in again: the old password no longer works, the new one does.
        await page.GetByTestId("password-continue").ClickAsync();
        await Expect(page).ToHaveURLAsync(OnSignInPage);
        await SubmitSignInAsync(page, "liqiang", DemoPassword);
        await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await SubmitSignInAsync(page, "liqiang", newPassword);
        await Expect(page).Not.ToHaveURLAsync(OnSignInPage);
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("app-user")).ToContainTextAsync("李强");
    });

    [E2EFact]
    public Task After_an_administrators_reset_the_user_is_signed_out_and_every_page_leads_to_a_new_password() => RunAsync(async () =>
    {
        const string temporary = "temporary-pass-5173";
        const string chosen = "my-own-secret-passphrase";
        var (_, userPage) = await SignedInBrowserAsync("wangfang");
        var (_, admin) = await SignedInBrowserAsync("admin");

        await admin.GotoAsync("/admin/users");
        await WaitForInteractiveAsync(admin);
        await admin.GetByTestId("user-table").Locator("tr", new() { HasText = "wangfang" }).GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await admin.GetByTestId("reset-password").FillAsync(temporary);
        await admin.GetByTestId("reset-save").ClickAsync();
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("密码已重置");

        // The user's open page leaves at once.
        await Expect(userPage).ToHaveURLAsync(OnSignInPage, new() { Timeout = (float)Promptly.TotalMilliseconds });
        await Expect(userPage.GetByTestId("sign-in-notice")).ToContainTextAsync("登录已失效");

        await SubmitSignInAsync(userPage, "wangfang", temporary);
        await Expect(userPage).ToHaveURLAsync(OnPasswordPage);
        await Expect(userPage.GetByTestId("password-must-change")).ToBeVisibleAsync();
        await ScreenshotAsync(userPage, "change-password-after-reset-desktop");

        // Every page leads back here, and nothing is served meanwhile.
        await userPage.GotoAsync("/cases");
        await Expect(userPage).ToHaveURLAsync(new Regex("/account/password\\?returnUrl=%2Fcases$", RegexOptions.IgnoreCase));
        await userPage.GotoAsync("/dashboard");
        await Expect(userPage).ToHaveURLAsync(OnPasswordPage);
        var saved = await SavedCookieAsync(userPage.Context);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReplayAsync(saved, "/cases/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReplayAsync(saved, "/cases/1/documents/agreement.docx")).StatusCode);

        await userPage.GotoAsync("/account/password?returnUrl=%2Fcases");
        await ChangeAsync(userPage, temporary, chosen, chosen);
        await Expect(userPage.GetByTestId("password-changed")).ToBeVisibleAsync();
        await userPage.GetByTestId("password-continue").ClickAsync();
        await Expect(userPage).ToHaveURLAsync(OnSignInPage);
        await SubmitSignInAsync(userPage, "wangfang", chosen);
        await Expect(userPage).ToHaveURLAsync(new Regex("/cases$"));
        await WaitForInteractiveAsync(userPage);
        await Expect(userPage.GetByTestId("app-user")).ToContainTextAsync("王芳");
    });

    [E2EFact]
    public Task Guessing_the_current_password_locks_the_account_as_wrong_sign_ins_do() => RunAsync(async () =>
    {
        const string next = "a-new-passphrase-4711";
        var (_, page) = await SignedInBrowserAsync("zhangmin");
        var (other, _) = await SignedInBrowserAsync("zhangmin");
        var saved = await SavedCookieAsync(other);
        await page.GotoAsync("/account/password");

        for (var guess = 1; guess < 5; guess++)
        {
            await ChangeAsync(page, $"guess-{guess}-wrong", next, next);
            await Expect(page.GetByTestId("current-error")).ToHaveTextAsync("当前密码不正确");
        }

        await ChangeAsync(page, "guess-5-wrong", next, next);
        await Expect(page.GetByTestId("password-refused")).ToContainTextAsync("账户已暂时锁定");
        await ScreenshotAsync(page, "change-password-locked-desktop");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(saved, "/cases/export.csv")).StatusCode); // every session ended

        // Locked: even the right password is refused until the lockout ends.
        await page.GotoAsync("/account/login");
        await SubmitSignInAsync(page, "zhangmin", DemoPassword);
        await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(OnSignInPage);
    });

    private static async Task ChangeAsync(IPage page, string current, string next, string confirm)
    {
        await page.Locator("#current-password").FillAsync(current);
        await page.Locator("#new-password").FillAsync(next);
        await page.Locator("#confirm-password").FillAsync(confirm);
        await SubmitStaticFormAsync(page, page.GetByTestId("password-submit"));
    }
}
