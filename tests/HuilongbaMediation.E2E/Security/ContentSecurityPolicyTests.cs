using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Security;

/// <summary>
/// Every main page works under the Content-Security-Policy: each role walks its pages, opening a dialog or a list on
/// the way, and the browser reports no violation (neither a <c>securitypolicyviolation</c> event nor a console message
/// about the policy). The policy must be on every page's response too.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ContentSecurityPolicyTests(AppHost app, ITestOutputHelper output) : SessionBrowserTest(app, output)
{
    private const string Collector =
        """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    public static TheoryData<string, string[]> Walks => new()
    {
        { "zhangmin", ["/", "/cases", "/cases/new"] },
        { "wangfang", ["/", "/cases", "/cases/1", "/cases/1/file", "/dashboard", "/referrals", "/reports/annual", "/account/password"] },
        { "liqiang", ["/", "/dashboard"] },
        { "admin", ["/admin/users", "/admin/villages", "/admin/venues", "/admin/security-log"] },
    };

    [E2EFact]
    public Task The_sign_in_page_works_under_the_policy() => RunAsync(async () =>
    {
        var (context, page) = await NewBrowserAsync();
        var violations = await WatchAsync(context, page);

        var response = await page.GotoAsync("/account/login");

        await AssertPolicyAsync(response);
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await SubmitSignInAsync(page, "wangfang", "wrong-password"); // the form posts under form-action 'self'
        await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, violations, "/account/login");

        // The watch itself works: a script injected into the page does not run, and is reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.__csp.length > 0");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
        Assert.Contains("script-src", (await page.EvaluateAsync<string[]>("() => window.__csp"))[0], StringComparison.Ordinal);
    });

    [E2ETheory]
    [MemberData(nameof(Walks))]
    public Task Each_role_walks_its_pages_without_a_policy_violation(string userName, string[] paths) => RunAsync(async () =>
    {
        var (context, page) = await NewBrowserAsync();
        var violations = await WatchAsync(context, page);
        await page.GotoAsync("/account/login");
        await SubmitSignInAsync(page, userName, DemoPassword);
        await WaitForInteractiveAsync(page);

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            await AssertPolicyAsync(response);
            if (path != "/account/password")
            {
                await WaitForInteractiveAsync(page);
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await InteractAsync(page, path);
            await AssertNoViolationsAsync(page, violations, path);
        }
    }, $"csp-walk-{userName}");

    /// <summary>Opens what injects styles and scripts at run time: popovers, dialogs, date pickers.</summary>
    private static async Task InteractAsync(IPage page, string path)
    {
        switch (path)
        {
            case "/admin/users":
                await page.GetByTestId("user-add").ClickAsync();
                await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
                await page.Keyboard.PressAsync("Escape");
                break;
            case "/admin/security-log":
                await page.GetByTestId("log-kind").ClickAsync();
                await Expect(page.Locator(".mud-popover-open")).ToBeVisibleAsync();
                await page.Keyboard.PressAsync("Escape");
                break;
            case "/cases/new":
                await page.Locator(".mud-select").First.ClickAsync();
                await Expect(page.Locator(".mud-popover-open")).ToBeVisibleAsync();
                await page.Keyboard.PressAsync("Escape");
                break;
        }
    }

    private async Task<List<string>> WatchAsync(IBrowserContext context, IPage page)
    {
        await context.AddInitScriptAsync(Collector);
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || m.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (console)
                {
                    console.Add(m.Text);
                }
            }
        };
        return console;
    }

    private static async Task AssertPolicyAsync(IResponse? response)
    {
        Assert.NotNull(response);
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    private async Task AssertNoViolationsAsync(IPage page, List<string> console, string path)
    {
        var events = await page.EvaluateAsync<string[]>("() => window.__csp ?? []");
        string[] messages;
        lock (console)
        {
            messages = [.. console];
            console.Clear();
        }

        Output.WriteLine($"{path}: {events.Length} violation events, {messages.Length} console messages");
        Assert.True(events.Length == 0 && messages.Length == 0, $"{path}: {string.Join("; ", events.Concat(messages))}");
    }
}
