using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Cases;

/// <summary>The per-command forms on the case page, each with its date, on a desktop and a phone.</summary>
[Collection(AppCollection.Name)]
public sealed class CommandDialogTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task Each_command_opens_its_own_form_with_its_date(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "wangfang");
            await OpenFirstCaseAsync(page, "Filed", "action-Accept");
            await ShowAsync(page, device, "Accept", "受理日期");
            await ShowAsync(page, device, "Decline", "不予受理日期");

            await OpenFirstCaseAsync(page, "Mediating", "action-Resolve");
            await ShowAsync(page, device, "RecordSession", "调解日期");
            await ShowAsync(page, device, "Resolve", "协议日期");
            await ShowAsync(page, device, "Refer", "移交日期");
            await ShowAsync(page, device, "Terminate", "终止日期");
            await ShowAsync(page, device, "ExtendDeadline", "新的办结期限");
        });

    /// <summary>The first case of the list in <paramref name="state"/> that offers <paramref name="button"/> (a just-filed case may have no lead yet).</summary>
    private static async Task OpenFirstCaseAsync(IPage page, string state, string button)
    {
        await page.GotoAsync($"/cases?state={state}");
        await WaitForInteractiveAsync(page);
        var links = page.GetByTestId("case-grid").Locator("a[href^='/cases/']");
        await Expect(links.First).ToBeVisibleAsync();
        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in hrefs.Distinct().Take(10))
        {
            await page.GotoAsync(href);
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("case-number")).ToBeVisibleAsync();
            if (await page.GetByTestId(button).CountAsync() > 0)
            {
                return;
            }
        }

        Assert.Fail($"No case in {state} offers {button}.");
    }

    private async Task ShowAsync(IPage page, Device device, string command, string dateLabel)
    {
        await page.GetByTestId($"action-{command}").ClickAsync();
        var dialog = page.GetByTestId($"command-{command}");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(dateLabel);
        await ScreenshotAsync(page, $"command-{command}-{device.Slug()}");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }
}
