using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>
/// The app's real composition (Composition.AddHuilongbaServices) over a fresh SQLite file in a temp folder (or, with
/// HM_TEST_ENGINE=PostgreSQL, a fresh database on the PG_CONNECTION server: <see cref="TestEngine"/>),
/// migrated and seeded as at start-up, with a test user in place of the sign-in cookie. No HTTP server.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly bool _ownsFolder;
    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;
    private bool _serving;

    private TestApp(DirectoryInfo folder, bool ownsFolder, WebApplication app)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        _app = app;
        _scope = app.Services.CreateAsyncScope();
    }

    private const string DatabaseFile = "huilongba.db";

    /// <summary>On PostgreSQL: the file in the data folder that names the folder's database (so a second instance shares it).</summary>
    private const string PostgresDatabaseFile = "postgres-database.txt";

    private static readonly Lazy<Task<string>> EmptyTemplate = new(() => BuildTemplateAsync(demo: false));
    private static readonly Lazy<Task<string>> DemoTemplate = new(() => BuildTemplateAsync(demo: true));

    public string DataFolder => _folder.FullName;

    public TestAuthenticationStateProvider Auth => _app.Services.GetRequiredService<TestAuthenticationStateProvider>();

    /// <param name="demo">Seed the demo users.</param>
    /// <param name="dataFolder">Share another instance's database (as a second process would); a fresh one by default.</param>
    /// <param name="serving">Start as the web app does (demo mode's checks, start-up tidying); by default as <paramref name="demo"/>.</param>
    /// <param name="services">Replaces services after the app's own composition (a fake clock, a counting hasher).</param>
    /// <param name="settings">Configuration on top of the test's own (a bad value, <c>Security:IdleTimeoutMinutes</c>).</param>
    public static async Task<TestApp> StartAsync(
        bool demo = false,
        string? dataFolder = null,
        bool? serving = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = dataFolder is null ? Directory.CreateTempSubdirectory("hm-web-tests-") : new DirectoryInfo(dataFolder);
        if (dataFolder is null)
        {
            // Migrating and hashing the demo users' passwords once per run, then copying the file, keeps each test fast.
            await CopyTemplateAsync(folder.FullName, demo);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = folder.FullName,
            ApplicationName = typeof(Program).Assembly.GetName().Name, // the app's, not the test host's (static assets, route table)
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = TestEngine.IsPostgres
                ? TestEngine.PostgresConnection(await PostgresDatabaseOfAsync(folder.FullName))
                : $"Data Source={DatabaseFile}",
            [DatabaseEngine.ProviderKey] = TestEngine.Current.ToString(),
            [DatabaseEngine.DataFolderKey] = folder.FullName,
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Demo:Cases"] = "false",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddHuilongbaServices();
        builder.Services.AddSingleton<TimeProvider>(TestClock.New());
        builder.Services.AddSingleton<TestAuthenticationStateProvider>();
        builder.Services.AddScoped<ScopedTestUser>();
        builder.Services.AddScoped<AuthenticationStateProvider>(sp =>
            (AuthenticationStateProvider?)sp.GetRequiredService<ScopedTestUser>().Provider ?? sp.GetRequiredService<TestAuthenticationStateProvider>());
        services?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            await app.PrepareDatabaseAsync(seedDemo: serving ?? demo);
        }
        catch
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            throw;
        }

        return new TestApp(folder, dataFolder is null, app);
    }

    /// <summary>Puts a copy of the migrated (and, with <paramref name="demo"/>, demo-seeded) database into a folder of the test's own.</summary>
    public static async Task CopyTemplateAsync(string folder, bool demo)
    {
        var template = await (demo ? DemoTemplate : EmptyTemplate).Value;
        if (!TestEngine.IsPostgres)
        {
            File.Copy(template, Path.Combine(folder, DatabaseFile));
            return;
        }

        // PostgreSQL copies a database as it copies a file: CREATE DATABASE … TEMPLATE of the migrated one.
        var name = await TestEngine.CreateDatabaseAsync(template);
        await File.WriteAllTextAsync(Path.Combine(folder, PostgresDatabaseFile), name);
    }

    private static async Task<string> PostgresDatabaseOfAsync(string folder)
    {
        var file = Path.Combine(folder, PostgresDatabaseFile);
        if (!File.Exists(file))
        {
            // A folder of the test's own without a template copied in: an empty database, as SQLite would make.
            await File.WriteAllTextAsync(file, await TestEngine.CreateDatabaseAsync(template: null));
        }

        return (await File.ReadAllTextAsync(file)).Trim();
    }

    /// <summary>A migrated and seeded database (a file, or on PostgreSQL a database's name), made once per test run and copied for each test.</summary>
    private static async Task<string> BuildTemplateAsync(bool demo)
    {
        var template = await StartAsync(demo, Directory.CreateTempSubdirectory(demo ? "hm-template-demo-" : "hm-template-").FullName);
        if (TestEngine.IsPostgres)
        {
            var name = await PostgresDatabaseOfAsync(template.DataFolder);
            await using (var db = await template.DbAsync())
            {
                // Each copy gets a data folder of its own: its first server names it (SharedDataFolder).
                await db.AppState.Where(s => s.Key == SharedDataFolder.AppStateKey).ExecuteDeleteAsync();
            }

            await template.DisposeAsync();
            return name;
        }

        var file = Path.Combine(template.DataFolder, DatabaseFile);
        await using (var db = await template.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        await template.DisposeAsync();
        return file;
    }

    /// <summary>The app's clock: <see cref="TestClock"/>'s, unless the test gave it another.</summary>
    public TimeProvider Clock => _app.Services.GetRequiredService<TimeProvider>();

    /// <summary>Today in 回龙坝 by the app's clock.</summary>
    public DateOnly Today => ChinaClock.Today(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Another DI scope, like a second user's circuit (the signed-in test user is shared).</summary>
    public TestScope NewScope() => new(_app.Services.CreateAsyncScope());

    /// <summary>A DI scope with its own signed-in user, like that user's circuit beside others at the same time.</summary>
    public TestScope NewScope(Actor actor)
    {
        var scope = _app.Services.CreateAsyncScope();
        var user = new TestAuthenticationStateProvider();
        user.SignInAs(actor);
        scope.ServiceProvider.GetRequiredService<ScopedTestUser>().Provider = user;
        return new TestScope(scope);
    }

    /// <summary>An existing user (e.g. a demo account) as an actor, with their real role and village.</summary>
    public async Task<Actor> ActorAsync(string userName)
    {
        await using var db = await DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var role = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync();
        return new Actor(user.Id, user.DisplayName, Enum.Parse<UserRole>(role!), user.VillageId);
    }

    /// <summary>The app's route table: its request pipeline mapped as at start-up (pages and endpoints), not served.</summary>
    public IEndpointRouteBuilder MapRoutes()
    {
        _app.UseHuilongbaPipeline();
        return _app;
    }

    /// <summary>
    /// Serves the app's real request pipeline on a free loopback port (Kestrel, as in production) and returns its
    /// address: for tests of what crosses HTTP — cookies, antiforgery, a second server on the same database.
    /// </summary>
    public async Task<Uri> ServeAsync()
    {
        _app.Urls.Add("http://127.0.0.1:0");
        _app.UseHuilongbaPipeline();
        await _app.StartAsync();
        _serving = true;
        var addresses = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>A service of the test's own scope (scoped services live as long as the test).</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public Actor SignInAs(UserRole role, int? villageId = null, string userId = "test-user", string name = "测试用户")
    {
        var actor = new Actor(userId, name, role, villageId);
        Auth.SignInAs(actor);
        return actor;
    }

    /// <summary>Signs in as an existing user (e.g. a demo account), with their real role and village.</summary>
    public async Task<Actor> SignInAsUserAsync(string userName)
    {
        var actor = await ActorAsync(userName);
        Auth.SignInAs(actor, userName);
        return actor;
    }

    public async Task<string> UserIdAsync(string userName)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public async Task<AppDbContext> DbAsync() => await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<int> VillageIdAsync(string code)
    {
        await using var db = await DbAsync();
        return await db.Villages.Where(v => v.Code == code).Select(v => v.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        if (_serving)
        {
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (TestEngine.IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            if (_ownsFolder)
            {
                await TestEngine.DropDatabaseAsync(await PostgresDatabaseOfAsync(_folder.FullName));
            }
        }

        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>The user of one scope, when the test gave it one (<see cref="TestApp.NewScope(Actor)"/>).</summary>
public sealed class ScopedTestUser
{
    public TestAuthenticationStateProvider? Provider { get; set; }
}

public sealed class TestScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
