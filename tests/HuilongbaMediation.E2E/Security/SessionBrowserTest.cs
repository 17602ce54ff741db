using System.Net;
using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Security;

/// <summary>
/// Browser tests of sessions: several browsers (contexts) at once, each its own device, and the sign-in cookie saved
/// from one and replayed with HttpClient, as someone who copied it would.
/// </summary>
public abstract class SessionBrowserTest(AppHost app, ITestOutputHelper output) : BrowserTest(app, output), IAsyncLifetime
{
    protected static readonly Regex OnSignInPage = new("/account/login", RegexOptions.IgnoreCase);

    /// <summary>"Within seconds, not minutes": how long an open page may take to notice its session ended.</summary>
    protected static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>Runs a test; on failure every open page is photographed and the app's last lines are shown.</summary>
    protected async Task RunAsync(Func<Task> body, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            var n = 0;
            foreach (var page in _contexts.SelectMany(c => c.Pages))
            {
                try
                {
                    var path = Path.Combine(RepoPaths.Failures, $"{test}-{++n}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                    Output.WriteLine($"Failure screenshot: {path} ({page.Url})");
                }
                catch (PlaywrightException ex)
                {
                    Output.WriteLine($"No screenshot: {ex.Message}");
                }
            }

            Output.WriteLine(string.Join('\n', App.Output.Split('\n').TakeLast(60)));
            throw;
        }
    }

    /// <summary>A new browser (its own cookies), signed in as <paramref name="userName"/> on its home page.</summary>
    protected async Task<(IBrowserContext Context, IPage Page)> SignedInBrowserAsync(string userName, string password = DemoPassword, bool keepSignedIn = false)
    {
        var (context, page) = await NewBrowserAsync();
        await page.GotoAsync("/account/login");
        if (keepSignedIn)
        {
            await page.Locator("input[type=checkbox]").CheckAsync();
        }

        await SubmitSignInAsync(page, userName, password);
        await Expect(page).Not.ToHaveURLAsync(OnSignInPage);
        await WaitForInteractiveAsync(page);
        return (context, page);
    }

    protected async Task<(IBrowserContext Context, IPage Page)> NewBrowserAsync(Device device = Device.Desktop)
    {
        var browser = await App.GetBrowserAsync();
        var context = await browser.NewContextAsync(device.ContextOptions(App.BaseUrl));
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type is "error")
            {
                Output.WriteLine($"[console:{m.Type}] {m.Text}");
            }
        };
        return (context, page);
    }

    /// <summary>The browser's sign-in cookie, as it would be copied out of it.</summary>
    protected static async Task<string> SavedCookieAsync(IBrowserContext context)
    {
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "hm.auth");
        return $"{cookie.Name}={cookie.Value}";
    }

    /// <summary>A request made with a saved cookie only, following no redirect.</summary>
    protected async Task<HttpResponseMessage> ReplayAsync(string cookie, string path, HttpMethod? method = null, HttpContent? content = null)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = App.BaseUrl };
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path) { Content = content };
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        Output.WriteLine($"{request.Method} {path} with the saved cookie: {(int)response.StatusCode}");
        return response;
    }

    /// <summary>Submits a static form and waits for the page that answers it.</summary>
    protected static async Task SubmitStaticFormAsync(IPage page, ILocator submit)
    {
        await page.EvaluateAsync("() => { window.__e2eSubmitted = true; }");
        await submit.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__e2eSubmitted === undefined && document.readyState !== 'loading'");
    }

    protected static void AssertSignedIn(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.OK, response.StatusCode);

    /// <summary>Anything but the file: 401 from the export, or a redirect to the sign-in page from a page or a download.</summary>
    protected static void AssertNotSignedIn(HttpResponseMessage response) =>
        Assert.True(
            response.StatusCode == HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true),
            $"Expected the request to be refused, got {(int)response.StatusCode} {response.Headers.Location}.");
}
