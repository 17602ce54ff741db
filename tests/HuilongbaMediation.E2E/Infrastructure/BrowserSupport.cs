using Microsoft.Playwright;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>What the probe found: the Chromium that launches (null path = Playwright's own), or why none does.</summary>
public sealed record BrowserProbe(bool Available, string? ExecutablePath, string Description);

/// <summary>
/// Finds a Chromium to drive, in this order: <c>CHROMIUM_PATH</c>, /usr/bin/chromium, then Playwright's own installed
/// browser. Never downloads one. The probe launches each candidate once per test run and remembers the first that works.
/// </summary>
public static class BrowserSupport
{
    public const string RequiredVariable = "E2E_REQUIRED";
    public const string PathVariable = "CHROMIUM_PATH";
    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly Lazy<BrowserProbe> LazyProbe = new(() => ProbeAsync().GetAwaiter().GetResult());

    /// <summary>Headless and quiet: no sandbox (containers), no GPU, no calls home.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public static BrowserProbe Probe => LazyProbe.Value;

    /// <summary>E2E_REQUIRED=1 (CI): a missing browser fails the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>The reason to skip browser tests, or null to run them.</summary>
    public static string? SkipReason =>
        Probe.Available || Required
            ? null
            : $"No browser for the E2E tests: {Probe.Description} Install Debian's chromium or set {PathVariable}; "
              + $"set {RequiredVariable}=1 to fail instead of skipping.";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string? executablePath) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = executablePath,
            Args = Arguments,
            Timeout = 30_000,
        });

    private static async Task<BrowserProbe> ProbeAsync()
    {
        var reasons = new List<string>();
        IPlaywright playwright;
        try
        {
            playwright = await Playwright.CreateAsync();
        }
        catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return new BrowserProbe(false, null, $"the Playwright driver does not start ({FirstLine(ex.Message)}).");
        }

        using (playwright)
        {
            foreach (var (path, label) in Candidates())
            {
                if (path is not null && !File.Exists(path))
                {
                    reasons.Add($"{label}: {path} not found");
                    continue;
                }

                try
                {
                    var browser = await LaunchAsync(playwright, path);
                    var version = browser.Version;
                    await browser.CloseAsync();
                    return new BrowserProbe(true, path, $"{label} ({path ?? "Playwright's own"}), Chromium {version}.");
                }
                catch (PlaywrightException ex)
                {
                    reasons.Add($"{label}: {FirstLine(ex.Message)}");
                }
            }
        }

        return new BrowserProbe(false, null, string.Join("; ", reasons) + ".");
    }

    private static IEnumerable<(string? Path, string Label)> Candidates()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            yield return (configured, PathVariable);
        }

        yield return (DebianChromium, "Debian chromium");
        yield return (null, "Playwright's installed Chromium");
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
