using HuilongbaMediation.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Layout;

[Collection(AppCollection.Name)]
public sealed class CultureSwitchTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task Language_switch_turns_the_navigation_to_English_and_back_to_Chinese(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "liqiang");
            // On the phone the drawer starts closed; its links are in the page all the same.
            var firstNavLink = page.GetByTestId("nav").Locator("a").First;
            await Expect(firstNavLink).ToHaveTextAsync("首页");

            await page.GetByTestId("culture-switch").ClickAsync();

            // A full page load follows: the English text proves the new page, then wait for its circuit.
            await Expect(firstNavLink).ToHaveTextAsync("Home");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("culture-switch")).ToContainTextAsync("中文");
            await ScreenshotAsync(page, $"home-village-head-{device.Slug()}-en");
            await AssertNoSidewaysScrollingAsync(page, device);

            await page.GetByTestId("culture-switch").ClickAsync();

            await Expect(firstNavLink).ToHaveTextAsync("首页");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await Expect(page.GetByTestId("culture-switch")).ToContainTextAsync("English");
        });
}
