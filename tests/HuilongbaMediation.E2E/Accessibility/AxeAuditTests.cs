using System.Text;
using Deque.AxeCore.Commons;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Accessibility;

/// <summary>
/// axe-core (npm's, as Deque ships it for Playwright .NET) injected into every main page, as each role sees it, at
/// 1366×768 and 390×844, in normal and in large text: any WCAG 2.1 A/AA violation fails the test, listed with its
/// elements. Every page is audited once it has loaded its data, since most violations live in the data's markup.
/// </summary>
[Collection(AxeAppCollection.Name)]
public sealed class AxeAuditTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>
    /// WCAG 2.0 and 2.1, levels A and AA (GB/T 37668 follows WCAG 2.0 AA). Only the violations are reported: axe then
    /// lists one element for each passed or incomplete rule instead of every one it checked, which took the audits'
    /// axe time from 212 s to 129 s over four runs of the 15 audits of 王芳 (2026-11-30, same machine, loaded).
    /// </summary>
    internal static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>The main pages of each role, and what shows that the page has its data.</summary>
    public static TheoryData<Device, bool, string> Audits()
    {
        var data = new TheoryData<Device, bool, string>();
        foreach (var device in new[] { Device.Desktop, Device.Phone })
        {
            foreach (var largeText in new[] { false, true })
            {
                foreach (var role in new[] { "anonymous", "zhangmin", "liqiang", "wangfang", "admin" })
                {
                    data.Add(device, largeText, role);
                }
            }
        }

        return data;
    }

    [E2ETheory]
    [MemberData(nameof(Audits))]
    public Task Every_main_page_passes_WCAG_21_AA(Device device, bool largeText, string role) =>
        OnPageAsync(device, async page =>
        {
            var report = new StringBuilder();
            if (role == "anonymous")
            {
                await page.GotoAsync("/account/login");
                await TextSizeAsync(page, largeText);
                await AuditAsync(page, "login", report);

                // The public side (和顺云茶馆): the application form, refused with its messages beside the fields, and the look-up.
                await page.GotoAsync("/apply");
                await AuditAsync(page, "/apply", report);
                await page.GetByTestId("apply-submit").ClickAsync();
                await Expect(page.GetByTestId("apply-error")).ToBeVisibleAsync();
                await AuditAsync(page, "/apply (refused)", report);
                await page.GotoAsync("/track");
                await AuditAsync(page, "/track", report);
            }
            else
            {
                await SignInAsync(page, role);
                await TextSizeAsync(page, largeText);

                foreach (var (path, ready) in PagesOf(role))
                {
                    await page.GotoAsync(path);
                    if (!path.StartsWith("/account/", StringComparison.Ordinal)) // the account pages are static: no circuit
                    {
                        await WaitForInteractiveAsync(page);
                    }

                    await Expect(page.Locator(ready).First).ToBeVisibleAsync();
                    await AuditAsync(page, path, report);
                }

                if (role == "zhangmin")
                {
                    // A form the user got wrong, and a dialog: the error texts and the dialog's fields are audited too.
                    await page.GotoAsync("/cases/new");
                    await WaitForInteractiveAsync(page);
                    await page.GetByTestId("case-file").ClickAsync();
                    await Expect(page.Locator(".mud-input-error").First).ToBeVisibleAsync();
                    // The refusal's snackbar fades in: audited mid-fade, its colours are the fade's, not the snackbar's.
                    await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(e => e.getAnimations({ subtree: true }).every(a => a.playState !== 'running'))");
                    await AuditAsync(page, "/cases/new (refused)", report);
                }

                if (role == "wangfang")
                {
                    await page.GotoAsync("/cases?state=Mediating");
                    await WaitForInteractiveAsync(page);
                    await page.GetByTestId("case-grid").Locator("a.case-number").First.ClickAsync();
                    await WaitForInteractiveAsync(page);
                    await page.GetByTestId("action-RecordSession").ClickAsync();
                    await Expect(Dialog(page)).ToBeVisibleAsync();
                    await AuditAsync(page, "case page, 记录调解 dialog", report);
                }
            }

            var size = largeText ? "large" : "normal";
            if (device == Device.Phone || largeText)
            {
                await ScreenshotAsync(page, $"a11y-{role}-{device.Slug()}-{size}");
            }

            // The choice is kept with the account: leave it as the other tests expect it.
            await page.GotoAsync(role == "anonymous" ? "/account/login" : "/");
            await TextSizeAsync(page, large: false);

            Assert.True(report.Length == 0, $"WCAG 2.1 AA violations ({role}, {device}, {size} text):\n{report}");
        }, $"{role}-{device.Slug()}-{(largeText ? "large" : "normal")}");

    /// <summary>Switches 大字模式 on or off with the switch in the page, unless it already is so.</summary>
    private static async Task TextSizeAsync(IPage page, bool large)
    {
        if (await page.Locator("html.text-large").CountAsync() == (large ? 1 : 0))
        {
            return;
        }

        await page.GetByTestId("text-size").ClickAsync();
        await Expect(page.Locator("html.text-large")).ToHaveCountAsync(large ? 1 : 0);
        if (await page.Locator(".app-root").CountAsync() > 0)
        {
            await WaitForInteractiveAsync(page);
        }
    }

    /// <summary>Each role's main pages, with a selector that is there once the page has its data.</summary>
    private static IEnumerable<(string Path, string Ready)> PagesOf(string role) => role switch
    {
        "zhangmin" => [("/", "[data-testid=home-deadlines]"), ("/cases", "[data-testid=case-grid] tbody tr"), ("/cases/new", "[data-testid=case-form]"), ("/sweeps", "[data-testid=sweep-status]"), ("/applications", "[data-testid=applications-empty], [data-testid=applications]")],
        "liqiang" => [("/", "[data-testid=home-deadlines]"), ("/cases", "[data-testid=case-grid] tbody tr"), ("/dashboard", "[data-testid=village-table]"), ("/month", "[data-testid=signoff-village]"), ("/reports/monthly", "[data-testid=form-sections]")],
        "wangfang" =>
        [
            ("/", "[data-testid=home-early-warning]"), ("/cases", "[data-testid=case-grid] tbody tr"), ("/cases/1", "[data-testid=case-history]"),
            ("/cases/1/file", "[data-testid=case-file-completeness]"), ("/referrals", "[data-testid=referral-card]"),
            ("/dashboard", "[data-testid=village-table]"), ("/reports/annual", "[data-testid=report-paragraph]"),
            ("/cases?event=Resolve&eventFrom=2026-01-01&eventTo=2026-12-31", "[data-testid=filter-summary]"),
            ("/import", "[data-testid=import-page]"), ("/admin/aliases", "table"),
            ("/reports/monthly", "[data-testid=form-sections]"), ("/sweeps", "[data-testid=sweep-status]"), ("/trainings", "[data-testid=training-roster]"),
            ("/month", "[data-testid=signoff-status]"),
        ],
        "admin" =>
        [
            ("/", "[data-testid=home-roster]"), ("/admin/users", "table"), ("/admin/villages", "table"), ("/admin/venues", "table"), ("/admin/committees", "table"),
            ("/admin/backups", "[data-testid=backup-now], [data-testid=backup-elsewhere]"), ("/admin/posters", "[data-testid=poster]"), ("/admin/security-log", "[data-testid=log-table]"),
            ("/account/password", "form"),
        ],
        _ => [],
    };

    private async Task AuditAsync(IPage page, string name, StringBuilder report)
    {
        // Audited when still: a button enabled as the data arrives (复制全文 on the annual report) fades to its colours
        // over a quarter of a second, and mid-fade its contrast is the fade's, not the button's.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");

        // Text cut short: a label, a chosen value, a button, a title that needs more room than it has (the select that
        // shrank to 「状…」 at a larger text size). axe does not see this; the reader does.
        var cut = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll(
                '.mud-input-label, .mud-select-input, .mud-input-slot, .mud-button-label, .mud-nav-link-text, h1, h2, .mud-chip-content, th, .app-brand-name, .kpi-label')]
            .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow === 'ellipsis')
            .filter(e => { for (let p = e; p; p = p.parentElement) if (getComputedStyle(p).clip === 'rect(0px, 0px, 0px, 0px)') return false; return true; })
            .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')} 「${(e.textContent || e.value || '').trim().slice(0, 20)}」`)");
        foreach (var element in cut.Distinct())
        {
            report.AppendLine($"- {name}: text cut short: {element}");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await Axe.RunAsync(page, Wcag21AA);
        Output.WriteLine($"{name}: {result.Violations.Length} violations, {result.Passes.Length} rules passed, axe {started.ElapsedMilliseconds} ms");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {name}: {violation.Id} ({violation.Impact}) {violation.Help}");
            foreach (var node in violation.Nodes.Take(6))
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault();
                report.AppendLine($"    {node.Target} — {why}");
            }

            if (violation.Nodes.Length > 6)
            {
                report.AppendLine($"    … and {violation.Nodes.Length - 6} more");
            }
        }
    }
}

/// <summary>
/// The audits get an app of their own: they are the suite's longest class (20 runs of every page), so on their own app
/// they run beside the other browser tests instead of after them; and the text size they switch is kept with the
/// account, which no other test then sees.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AxeAppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "Axe app";
}
