using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// axe-core (the script Deque.AxeCore.Commons bundles) run in the page itself: injected once per document, then one
/// <c>axe.run</c>. Deque's <c>page.RunAxe</c> sends the ~600 KB script with every call, and finishes every run in a new
/// browser page with the script injected a second time (its guard for cross-origin frames; the app has none).
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>The audit of the page as it is now.</summary>
    public static async Task<AxeResult> RunAsync(IPage page, AxeRunOptions options)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync($"() => {{\n{Script.Value}\n}}");
        }

        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await axe.run(document, JSON.parse(options)))", JsonConvert.SerializeObject(options));
        return new AxeResult(JObject.Parse(json));
    }
}
