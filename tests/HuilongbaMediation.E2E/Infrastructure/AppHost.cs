using Microsoft.Playwright;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// The real app on a loopback port with a fresh database in demo mode — a SQLite file, or in the PostgreSQL run a new
/// database on the server (<see cref="E2EEngine"/>), dropped at the end — plus one Playwright and one Chromium, shared by
/// the tests of a collection (<see cref="ICollectionFixture{TFixture}"/>): the app starts once per collection.
/// </summary>
public class AppHost : IAsyncLifetime
{
    /// <summary>Generous: the machine may be busy with other builds, and each collection starts its own app with a demo town.</summary>
    protected static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(150);

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("huilongba-e2e-").FullName;
    private readonly SemaphoreSlim _browserGate = new(1, 1);
    private AppProcess? _app;
    private string? _database;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    static AppHost()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        RepoPaths.ClearFailures();
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the app printed so far (for failure messages).</summary>
    public virtual string Output => _app?.Output ?? "";

    /// <summary>Settings of this collection's app on top of the defaults (environment variables, e.g. <c>Security__IdleTimeoutMinutes</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The environment the app was started with (a second server on the same database starts with it too).</summary>
    protected IReadOnlyDictionary<string, string> AppEnvironment { get; private set; } = new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Demo__Enabled"] = "true",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_dataFolder, "huilongba.db")}",
        };
        if (E2EEngine.IsPostgres)
        {
            _database = await E2EEngine.CreateDatabaseAsync();
            foreach (var (name, value) in E2EEngine.PostgresSettings(_database, _dataFolder))
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in Settings)
        {
            environment[name] = value;
        }

        AppEnvironment = environment;
        _app = AppProcess.Start(environment, "--urls", "http://127.0.0.1:0");
        try
        {
            BaseUrl = await _app.WaitUntilListeningAsync(StartTimeout);
        }
        catch
        {
            // A fixture that failed to start may never be disposed: do not leave the app running.
            _app.Dispose();
            _app = null;
            if (_database is not null)
            {
                await E2EEngine.DropDatabaseAsync(_database);
            }

            throw;
        }
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The collection's browser, launched on first use; throws with the probe's reason when there is none.</summary>
    public async Task<IBrowser> GetBrowserAsync()
    {
        await _browserGate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                return _browser;
            }

            var probe = BrowserSupport.Probe;
            if (!probe.Available)
            {
                throw new InvalidOperationException($"{BrowserSupport.RequiredVariable}=1 but no browser can be launched: {probe.Description}");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await BrowserSupport.LaunchAsync(_playwright, probe.ExecutablePath);
            return _browser;
        }
        finally
        {
            _browserGate.Release();
        }
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }

            _playwright?.Dispose();
        }
        finally
        {
            _app?.Dispose();
            _browserGate.Dispose();
            if (_database is not null)
            {
                await E2EEngine.DropDatabaseAsync(_database);
            }
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing the run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Most browser tests: one app, demo data untouched except by sign-ins.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "App";
}

/// <summary>Tests that change demo accounts (lockout) get their own app, so the other tests never see the change.</summary>
[CollectionDefinition(Name)]
public sealed class LockoutAppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "Lockout app";
}

/// <summary>Tests that change demo users' passwords get their own app.</summary>
[CollectionDefinition(Name)]
public sealed class AccountsAppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "Accounts app";
}

/// <summary>An app whose sessions end after 15 seconds without activity (the warning 6 seconds before), checked every 2 seconds.</summary>
public sealed class ShortIdleAppHost : AppHost
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(15);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Security__IdleTimeoutMinutes"] = "0.25",
        ["Security__IdleWarningSeconds"] = "6",
        ["Security__RevalidationSeconds"] = "2",
        ["Demo__Cases"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class ShortIdleAppCollection : ICollectionFixture<ShortIdleAppHost>
{
    public const string Name = "Short idle timeout app";
}
