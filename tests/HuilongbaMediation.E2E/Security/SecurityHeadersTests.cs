using System.Net;
using HuilongbaMediation.E2E.Infrastructure;

namespace HuilongbaMediation.E2E.Security;

/// <summary>The headers of every kind of response the app gives: a page, a static file, an endpoint, a refusal, a 404.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppHost app)
{
    [AppTheory]
    [InlineData("/account/login", HttpStatusCode.OK)] // a page
    [InlineData("/app.css", HttpStatusCode.OK)] // a static file of the app
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)] // a framework file
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", HttpStatusCode.OK)] // a package's file
    [InlineData("/healthz", HttpStatusCode.OK)] // an endpoint
    [InlineData("/cases/export.csv", HttpStatusCode.Unauthorized)] // an endpoint refusing
    [InlineData("/no-such-page", HttpStatusCode.Redirect)] // to the sign-in page
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseUrl };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"), "The Server header names the product to scanners.");
        // Development: no HSTS (it would pin localhost to HTTPS in the developer's browser).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [AppFact]
    public async Task The_import_map_carries_the_nonce_of_its_response_and_no_other_script_is_inline()
    {
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        var inline = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").Select(m => m.Value).ToList();
        Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode}).");
}
