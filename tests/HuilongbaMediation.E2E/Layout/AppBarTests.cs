using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HuilongbaMediation.E2E.Layout;

[Collection(AppCollection.Name)]
public sealed class AppBarTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>
    /// The rendered text of each app bar item, left to right, and where one runs into the next or off the screen.
    /// A Range measures the text itself, which a nowrap label paints beyond its shrunken box.
    /// </summary>
    private const string OverlapsScript = """
        () => {
          const selectors = ['.app-brand-name', '[data-testid=app-user] .app-user-name', '[data-testid=text-size]', '[data-testid=culture-switch]', '[data-testid=sign-out]'];
          // Words kept only for screen readers (clipped to nothing) take no room on the screen.
          const clipped = el => { for (let p = el; p; p = p.parentElement) if (getComputedStyle(p).clip === 'rect(0px, 0px, 0px, 0px)') return true; return false; };
          const items = selectors.map(sel => {
            const el = document.querySelector(sel);
            if (!el || clipped(el) || getComputedStyle(el).display === 'none') return null;
            // An icon button whose words are only for screen readers is as wide as its box.
            const range = document.createRange();
            range.selectNodeContents(el);
            const box = sel === '[data-testid=text-size]' ? el.getBoundingClientRect() : range.getBoundingClientRect();
            return box.width > 0 ? { sel, left: box.left, right: box.right } : null;
          }).filter(x => x);
          const problems = [];
          for (let i = 0; i + 1 < items.length; i++) {
            if (items[i].right > items[i + 1].left + 0.5) {
              problems.push(`${items[i].sel} ends at ${items[i].right.toFixed(0)} px, past the start of ${items[i + 1].sel} at ${items[i + 1].left.toFixed(0)} px`);
            }
          }
          for (const item of items) {
            if (item.right > window.innerWidth + 0.5) problems.push(`${item.sel} ends at ${item.right.toFixed(0)} px, off the ${window.innerWidth} px screen`);
          }
          return problems;
        }
        """;

    [E2ETheory]
    [InlineData(Device.Phone, "zh-CN")]
    [InlineData(Device.Desktop, "en-US")]
    [InlineData(Device.Phone, "en-US")]
    public Task App_bar_items_do_not_run_into_each_other(Device device, string culture) =>
        OnPageAsync(device, async page =>
        {
            await page.Context.AddCookiesAsync(
            [
                new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = App.BaseUrl.ToString() },
            ]);
            // The fullest app bar: name, role and village.
            await SignInAsync(page, "liqiang");

            var problems = await page.EvaluateAsync<string[]>(OverlapsScript);

            Assert.True(problems.Length == 0, string.Join("\n", problems));
        }, $"{device.Slug()}-{culture}");
}
