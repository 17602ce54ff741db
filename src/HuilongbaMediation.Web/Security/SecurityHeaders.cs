using System.Net;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace HuilongbaMediation.Web.Security;

/// <summary>
/// The headers every response carries (pages, endpoints, static files and errors alike), the proxy in front of the
/// app, and cookies that only travel over HTTPS outside Development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of the attachment endpoint: a scan shown by the browser, not a page of the app.</summary>
    public const string FilePolicy = "case-file";

    /// <summary>The configuration section of the proxy's addresses: <c>ForwardedHeaders:KnownProxies</c> and <c>:KnownNetworks</c>.</summary>
    public const string ProxySection = "ForwardedHeaders";

    private const int OneYear = 365 * 24 * 60 * 60;

    public static void AddHuilongbaSecurityHeaders(this WebApplicationBuilder builder)
    {
        var hsts = !builder.Environment.IsDevelopment();
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false); // no product name for scanners
        builder.Services.AddSecurityHeaderPolicies(policies =>
        {
            policies.SetDefaultPolicy(Common(new HeaderPolicyCollection(), hsts).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // Blazor Server needs no eval; the nonce is for the import map App.razor writes inline.
                csp.AddScriptSrc().Self().WithNonce();
                // MudBlazor sets style attributes and inserts style elements.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data().Blob();
                csp.AddFontSrc().Self().Data();
                // 'self' covers the circuit's WebSocket (ws/wss to the same host).
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            }));

            // A PDF, JPG or PNG opened in the browser: nothing runs, and the browser's own viewer may show it.
            policies.AddPolicy(FilePolicy, Common(new HeaderPolicyCollection(), hsts).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddImgSrc().Self().Data();
                csp.AddStyleSrc().UnsafeInline();
                csp.AddObjectSrc().Self();
                csp.AddFrameAncestors().None();
            }));
        });

        // Behind a TLS-terminating proxy the app sees http from the proxy: only the proxies named here may say
        // otherwise (X-Forwarded-Proto) and name the client (X-Forwarded-For). Loopback is trusted by default.
        var proxies = builder.Configuration.GetSection(ProxySection);
        var knownProxies = Addresses<IPAddress>(proxies, "KnownProxies", (string v, out IPAddress a) => IPAddress.TryParse(v, out a!));
        var knownNetworks = Addresses<System.Net.IPNetwork>(proxies, "KnownNetworks", System.Net.IPNetwork.TryParse);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            knownProxies.ForEach(o.KnownProxies.Add);
            knownNetworks.ForEach(o.KnownIPNetworks.Add);
        });

        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HttpOnly = HttpOnlyPolicy.None; // each cookie says so itself; the culture cookie is read by no script either way
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
    }

    /// <summary>First in the pipeline: the client's real address and scheme, then the headers, then cookie rules.</summary>
    public static void UseHuilongbaSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
    }

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policies, bool hsts)
    {
        policies
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(p => p.SameOrigin())
            .RemoveServerHeader();
        if (hsts)
        {
            // Sent on HTTPS responses only (also when the proxy says the request came over HTTPS).
            policies.AddStrictTransportSecurityMaxAge(OneYear);
        }

        return policies;
    }

    private delegate bool TryParse<T>(string value, out T parsed);

    /// <summary>A list setting (<c>ForwardedHeaders__KnownProxies__0=10.0.0.5</c>, or "a;b" in one value); a bad entry stops the app.</summary>
    private static List<T> Addresses<T>(IConfigurationSection section, string key, TryParse<T> tryParse)
    {
        var listed = section.GetSection(key).Get<string[]>() ?? [];
        var values = listed.Append(section[key] ?? "")
            .SelectMany(v => v.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);
        var parsed = new List<T>();
        foreach (var value in values)
        {
            if (!tryParse(value, out var address))
            {
                throw new StartupException(
                    $"{ProxySection}:{key} 中的“{value}”不是有效的{(key == "KnownProxies" ? " IP 地址" : "网段（例如 10.0.0.0/8）")}。");
            }

            parsed.Add(address);
        }

        return parsed;
    }
}
