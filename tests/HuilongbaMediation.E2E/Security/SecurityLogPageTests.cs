using System.Text;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Security;

/// <summary>系统管理 → 安全日志: what happened in the browser is there for the administrator, and nothing personal is.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityLogPageTests(AppHost app, ITestOutputHelper output) : SessionBrowserTest(app, output)
{
    [E2EFact]
    public Task A_reveal_and_a_failed_sign_in_appear_in_the_security_log_without_the_personal_data_and_the_log_exports() => RunAsync(async () =>
    {
        // 王芳 of the judicial office shows a party's full 身份证号 on a case.
        var (_, office) = await SignedInBrowserAsync("wangfang");
        var caseNumber = await RevealFirstIdNumberAsync(office);
        var revealed = (await office.GetByTestId("party-idnumber").First.InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{17}[0-9X]$", revealed);

        // Someone tries a phone number as a user name.
        var (_, stranger) = await NewBrowserAsync();
        await stranger.GotoAsync("/account/login");
        await SubmitSignInAsync(stranger, "13912345678", "guessing-password");
        await Expect(stranger.GetByTestId("login-error")).ToBeVisibleAsync();

        var (admin, page) = await SignedInBrowserAsync("admin");
        await page.GetByTestId("nav").GetByText("安全日志").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "安全日志" })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);

        await ChooseKindAsync(page, "查看完整信息");
        var table = page.GetByTestId("log-table");
        await Expect(table.Locator("tbody tr", new() { HasText = caseNumber })).ToContainTextAsync("wangfang");
        await Expect(table).ToContainTextAsync("的身份证号");
        Assert.DoesNotContain(revealed, await page.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "security-log-reveals-desktop");

        await ChooseKindAsync(page, "登录失败");
        await page.GetByTestId("log-user").FillAsync("139");
        // The filter applies by itself once typing pauses; the export link follows it.
        await Expect(page.GetByTestId("log-export")).ToHaveAttributeAsync("href", "/admin/security-log/export.csv?user=139&kind=SignInFailed");
        var failed = table.Locator("tbody tr").First;
        await Expect(failed).ToContainTextAsync("139******78");
        await Expect(failed).ToContainTextAsync("127.0.0.1");
        await Expect(failed).ToContainTextAsync("用户名不存在");
        Assert.DoesNotContain("13912345678", await page.ContentAsync(), StringComparison.Ordinal);

        // The export carries the page's filter and is itself written to the log.
        var href = await page.GetByTestId("log-export").GetAttributeAsync("href");
        var export = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, export.Status);
        var csv = Encoding.UTF8.GetString(await export.BodyAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("时间,类型,用户,地址,对象,详情", csv, StringComparison.Ordinal);
        Assert.Contains("登录失败,139******78,127.0.0.1", csv, StringComparison.Ordinal);

        await ChooseKindAsync(page, "导出");
        await page.GetByTestId("log-user").FillAsync("admin");
        await Expect(page.GetByTestId("log-export")).ToHaveAttributeAsync("href", "/admin/security-log/export.csv?user=admin&kind=Export");
        await page.GetByTestId("log-search").ClickAsync(); // 查询 also reloads, e.g. for lines written since
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("安全日志");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("user=139&kind=SignInFailed");
    });

    [E2EFact]
    public Task Only_administrators_reach_the_log_and_its_export() => RunAsync(async () =>
    {
        var (browser, page) = await SignedInBrowserAsync("wangfang");

        await page.GotoAsync("/admin/security-log");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("log-table")).ToHaveCountAsync(0);
        var export = await ReplayAsync(await SavedCookieAsync(browser), "/admin/security-log/export.csv");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, export.StatusCode);
    });

    [E2EFact]
    public Task The_log_fits_a_phone() => OnPageAsync(Device.Phone, async page =>
    {
        await SignInAsync(page, "admin");
        await page.GotoAsync("/admin/security-log");
        await WaitForInteractiveAsync(page);

        await Expect(page.GetByTestId("log-table").Locator("tbody tr").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "security-log-phone");
        await AssertNoSidewaysScrollingAsync(page, Device.Phone);
    });

    /// <summary>Opens cases until one whose parties have an 身份证号 to show, shows the first, and returns the case number.</summary>
    private static async Task<string> RevealFirstIdNumberAsync(IPage page)
    {
        for (var id = 1; id <= 40; id++)
        {
            await page.GotoAsync($"/cases/{id}");
            await WaitForInteractiveAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var idNumber = page.GetByTestId("party-idnumber").First;
            if (await idNumber.CountAsync() == 0 || !(await idNumber.InnerTextAsync()).Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            var number = (await page.GetByTestId("case-number").InnerTextAsync()).Trim();
            await page.Locator("dd", new() { Has = idNumber }).GetByTestId("reveal").ClickAsync();
            await Expect(idNumber).Not.ToContainTextAsync("*");
            return number;
        }

        throw new Xunit.Sdk.XunitException("No demo case among the first 40 has a party with an 身份证号.");
    }

    private static async Task ChooseKindAsync(IPage page, string kind)
    {
        await page.GetByTestId("log-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = kind }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
