using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Account;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly Regex OnSignInPage = new("/account/login", RegexOptions.IgnoreCase);

    [E2ETheory]
    [InlineData(Device.Desktop, "zhangmin", "张敏", "五云山村", "mediator")]
    [InlineData(Device.Phone, "zhangmin", "张敏", "五云山村", "mediator")]
    [InlineData(Device.Desktop, "liqiang", "李强", "五云山村", "village-head")]
    [InlineData(Device.Phone, "liqiang", "李强", "五云山村", "village-head")]
    [InlineData(Device.Desktop, "wangfang", "王芳", null, "judicial-office")]
    [InlineData(Device.Phone, "wangfang", "王芳", null, "judicial-office")]
    [InlineData(Device.Desktop, "admin", "刘洋", null, "admin")]
    [InlineData(Device.Phone, "admin", "刘洋", null, "admin")]
    public Task Each_demo_role_signs_in_to_a_home_page_with_its_name_and_village(
        Device device, string userName, string displayName, string? village, string slug) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, userName);

            await Expect(page).ToHaveURLAsync(new Uri(App.BaseUrl, "/").ToString());
            await Expect(page.GetByTestId("app-user")).ToContainTextAsync(displayName);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"您好，{displayName}" })).ToBeVisibleAsync();
            if (village is null)
            {
                await Expect(page.GetByTestId("home-village")).ToHaveCountAsync(0);
            }
            else
            {
                await Expect(page.GetByTestId("home-village")).ToHaveTextAsync(village);
                await Expect(page.GetByTestId("app-user")).ToContainTextAsync(village);
            }

            await Expect(page.GetByTestId("home-roster")).ToContainTextAsync("五云山村");
            await ScreenshotAsync(page, $"home-{slug}-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        }, $"{slug}-{device.Slug()}");

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task Sign_in_page_lists_the_demo_accounts(Device device) =>
        OnPageAsync(device, async page =>
        {
            await page.GotoAsync("/account/login");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
            await Expect(page.Locator(".demo-accounts")).ToContainTextAsync("zhangmin");
            await ScreenshotAsync(page, $"login-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        });

    [E2EFact]
    public Task Wrong_password_shows_the_error_and_stays_on_the_sign_in_page() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await page.GotoAsync("/account/login");
            await SubmitSignInAsync(page, "liqiang", "not-the-password");

            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码不正确。");
            await Expect(page).ToHaveURLAsync(OnSignInPage);
            await Expect(page.Locator("#username")).ToHaveValueAsync("liqiang");
            // The password never comes back in the page.
            await Expect(page.Locator("#password")).ToHaveValueAsync("");
            Assert.DoesNotContain("not-the-password", await page.ContentAsync(), StringComparison.Ordinal);
            await Expect(page.GetByTestId("app-user")).ToHaveCountAsync(0);
        });

    [E2ETheory]
    [InlineData("/admin/users", "admin", "用户管理")]
    [InlineData("/", "wangfang", "您好，王芳")]
    public Task Anonymous_visit_to_a_protected_page_signs_in_and_returns_there(string path, string userName, string heading) =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await page.GotoAsync(path);

            var returnUrl = Regex.Escape(Uri.EscapeDataString(path));
            await Expect(page).ToHaveURLAsync(new Regex($"/account/login\\?returnUrl={returnUrl}$", RegexOptions.IgnoreCase));

            await SubmitSignInAsync(page, userName, DemoPassword);

            await Expect(page).ToHaveURLAsync(new Uri(App.BaseUrl, path).ToString());
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        }, path.Trim('/').Replace('/', '-'));

    [E2EFact]
    public Task Mediator_opening_the_user_admin_page_is_denied_access() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "zhangmin");

            await page.GotoAsync("/admin/users");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("user-table")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("user-add")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "access-denied-desktop");
        });

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task Admin_sees_the_user_list(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "admin");
            await page.GotoAsync("/admin/users");
            await WaitForInteractiveAsync(page);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户管理" })).ToBeVisibleAsync();
            var table = page.GetByTestId("user-table");
            foreach (var user in new[] { "zhangmin", "liqiang", "wangfang", "admin" })
            {
                await Expect(table).ToContainTextAsync(user);
            }

            await ScreenshotAsync(page, $"admin-users-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);
        });

    [E2EFact]
    public Task Sign_out_ends_the_session() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");

            await page.GetByTestId("sign-out").ClickAsync();
            await Expect(page).ToHaveURLAsync(OnSignInPage);

            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(OnSignInPage);
            await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("app-user")).ToHaveCountAsync(0);
        });
}
