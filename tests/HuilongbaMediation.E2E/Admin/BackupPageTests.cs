using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Admin;

/// <summary>系统管理 → 数据备份 in the browser: the warning of a town never backed up, and 立即备份.</summary>
[Collection(LockoutAppCollection.Name)]
[Trait(E2EEngine.Trait, E2EEngine.SqliteOnly)]
public sealed class BackupPageTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task An_administrator_sees_the_backups_and_backs_up_now(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "admin");
            await page.GotoAsync("/admin/backups");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "数据备份" })).ToBeVisibleAsync();
            var before = await page.Locator("[data-testid=backup-list] tbody tr").CountAsync();

            await page.GetByTestId("backup-now").ClickAsync();

            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已备份：", new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("backup-overdue")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("backup-last")).ToContainTextAsync("huilongba-backup-");
            Assert.True(await page.Locator("[data-testid=backup-list] tbody tr:has(code)").CountAsync() >= Math.Max(1, before));
            await AssertNoSidewaysScrollingAsync(page, device);
            await ScreenshotAsync(page, $"admin-backups-{device.Slug()}");
        });

    [E2EFact]
    public Task Others_are_refused_the_backup_page() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/admin/backups");
            await WaitForInteractiveAsync(page);

            await Expect(page.GetByTestId("backup-now")).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "数据备份" })).ToHaveCountAsync(0);
        });
}
