using System.Net;
using HuilongbaMediation.E2E.Infrastructure;

namespace HuilongbaMediation.E2E.Security;

/// <summary>
/// The app as installed (the Production environment, no demo data) behind a TLS-terminating proxy on the same host:
/// the proxy says the client came over HTTPS (X-Forwarded-Proto), so responses carry HSTS and cookies are Secure;
/// requests for a host name that is not configured are refused. The operator has set <c>AllowedHosts</c> to the
/// town's host name, as the README says.
/// </summary>
[Trait(E2EEngine.Trait, E2EEngine.SqliteOnly)]
public sealed class ProductionHostingTests : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("huilongba-prod-").FullName;
    private AppProcess _app = null!;
    private Uri _baseUrl = null!;

    public async Task InitializeAsync()
    {
        _app = ProductionApp(_dataFolder);
        _baseUrl = await _app.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_responses_carry_HSTS_and_cookies_are_secure()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = TownHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", SecurityHeadersTests.Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SecurityHeadersTests.Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cookies_are_secure_even_when_the_proxy_says_nothing()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = TownHost;

        using var response = await client.SendAsync(request);

        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        // Plain HTTP: HSTS means nothing there, and is not sent.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("mediation.example.org", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1", HttpStatusCode.BadRequest)]
    [InlineData(TownHost, HttpStatusCode.OK)]
    public async Task Only_the_configured_host_names_are_served(string host, HttpStatusCode status)
    {
        using var client = new HttpClient { BaseAddress = _baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public void The_shipped_settings_allow_only_local_host_names_until_the_operator_names_the_town_host()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.WebOutput, "appsettings.json")));

        Assert.Equal("localhost;127.0.0.1;[::1]", settings.RootElement.GetProperty("AllowedHosts").GetString());
    }

    [Fact]
    public async Task A_proxy_address_that_is_not_an_address_stops_the_app_with_one_clear_line()
    {
        var folder = Directory.CreateTempSubdirectory("huilongba-prod-bad-").FullName;
        using var app = ProductionApp(folder, ("ForwardedHeaders__KnownProxies__0", "10.0.0.300"));

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(app.StandardError, l => !string.IsNullOrWhiteSpace(l));
        Assert.Equal("启动失败：ForwardedHeaders:KnownProxies 中的“10.0.0.300”不是有效的 IP 地址。", line);
        Directory.Delete(folder, recursive: true);
    }

    private const string TownHost = "tiaojie.huilongba.example";

    private static AppProcess ProductionApp(string dataFolder, params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["AllowedHosts"] = TownHost,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Demo__Enabled"] = "false",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(dataFolder, "huilongba.db")}",
            ["ForwardedHeaders__KnownNetworks__0"] = "10.0.0.0/8",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return AppProcess.Start(environment, "--urls", "http://127.0.0.1:0");
    }
}
