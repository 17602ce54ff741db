using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// A browser test: a new BrowserContext (own cookies) per test on the collection's browser, and on failure a
/// screenshot, the page's console errors and the app's output in the test's output.
/// </summary>
public abstract class BrowserTest(AppHost app, ITestOutputHelper output)
{
    /// <summary>DemoSeeder.Password: the demo accounts' shared password (shown on the sign-in page in demo mode).</summary>
    protected const string DemoPassword = "hshs-demo-2026";

    protected AppHost App { get; } = app;

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Runs <paramref name="body"/> on a fresh page of the given device.</summary>
    protected async Task OnPageAsync(Device device, Func<IPage, Task> body, string? label = null, [CallerMemberName] string test = "")
    {
        var browser = await App.GetBrowserAsync();
        await using var context = await browser.NewContextAsync(device.ContextOptions(App.BaseUrl));
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add($"[{m.Type}] {m.Text}");
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (console)
            {
                console.Add($"[pageerror] {e}");
            }
        };

        try
        {
            await body(page);
        }
        catch (Exception)
        {
            await ReportFailureAsync(page, console, $"{test}-{label ?? device.Slug()}");
            throw;
        }
    }

    /// <summary>
    /// Fills and submits the static sign-in form (no circuit there, so no waiting for one), and waits until the answer
    /// has replaced the page: a failed attempt shows the same error text as the one before, so the text alone proves nothing.
    /// </summary>
    protected static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.EvaluateAsync("() => { window.__e2eSubmitted = true; }");
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__e2eSubmitted === undefined && document.readyState !== 'loading'");
    }

    /// <summary>Opens the sign-in page, signs in and waits for the interactive home page.</summary>
    protected static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await SubmitSignInAsync(page, userName, password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase));
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Clicks before the Blazor circuit is up are lost: the layout marks the page once it is interactive.</summary>
    protected static Task WaitForInteractiveAsync(IPage page) =>
        Expect(page.Locator(".app-root[data-interactive=true]")).ToBeAttachedAsync();

    /// <summary>
    /// The whole page in tests/artifacts/screenshots/&lt;name&gt;.png, taken on a screen as tall as the page: a "full page"
    /// capture of a short screen paints fixed parts (the app bar, the menu) where the screen ended, which no user sees.
    /// </summary>
    protected async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(RepoPaths.Screenshots, $"{name}.png");
        var screen = page.ViewportSize!;
        var height = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        var scrolled = await page.EvaluateAsync<int>("() => window.scrollY");
        await page.SetViewportSizeAsync(screen.Width, Math.Clamp(height, screen.Height, 12_000));
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        }
        finally
        {
            await page.SetViewportSizeAsync(screen.Width, screen.Height);
            await page.EvaluateAsync("y => window.scrollTo(0, y)", scrolled);
        }

        Output.WriteLine($"Screenshot: {path}");
    }

    /// <summary>How far the page scrolls sideways (0 on a page that fits its viewport).</summary>
    protected static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>A 390 px phone must not scroll sideways (app.css); on the desktop the overflow is only reported.</summary>
    protected async Task AssertNoSidewaysScrollingAsync(IPage page, Device device)
    {
        var overflow = await HorizontalOverflowAsync(page);
        Output.WriteLine($"Horizontal overflow: {overflow} px");
        if (device == Device.Phone)
        {
            Assert.True(overflow == 0, $"The page scrolls {overflow} px sideways on a 390 px phone.");
        }
    }

    private async Task ReportFailureAsync(IPage page, List<string> console, string name)
    {
        try
        {
            var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
            var path = Path.Combine(RepoPaths.Failures, $"{safe}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Output.WriteLine($"Failure screenshot: {path}");
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // A screenshot that times out (a busy machine) must not replace the test's own failure with its own.
            Output.WriteLine($"No failure screenshot: {ex.Message}");
        }

        Output.WriteLine($"Page URL: {page.Url}");
        lock (console)
        {
            if (console.Count > 0)
            {
                Output.WriteLine("Browser console:");
                console.ForEach(Output.WriteLine);
            }
        }

        var lines = App.Output.Split('\n');
        Output.WriteLine($"App output (last {Math.Min(80, lines.Length)} lines):");
        Output.WriteLine(string.Join('\n', lines.TakeLast(80)));
    }
}
