using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Account;

/// <summary>Locks the demo mediator, so it runs against its own app (collection) and no other test sees the lock.</summary>
[Collection(LockoutAppCollection.Name)]
public sealed class LockoutTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2EFact]
    public Task Five_wrong_passwords_lock_the_account_even_against_the_right_one() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await page.GotoAsync("/account/login");
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await SubmitSignInAsync(page, "zhangmin", $"wrong-password-{attempt}");
                await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
                Output.WriteLine($"Attempt {attempt}: {await page.GetByTestId("login-error").InnerTextAsync()}");
                if (attempt < 5)
                {
                    await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码不正确。");
                }
            }

            await SubmitSignInAsync(page, "zhangmin", DemoPassword);

            await Expect(page.GetByTestId("login-error")).ToContainTextAsync("登录失败次数过多");
            await Expect(page).ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase));
            await Expect(page.GetByTestId("app-user")).ToHaveCountAsync(0);
        });
}
