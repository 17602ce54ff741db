using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>
/// The app's real composition (Composition.AddHuilongbaServices) over a fresh SQLite file in a temp folder,
/// migrated and seeded as at start-up, with a test user in place of the sign-in cookie. No HTTP server.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly bool _ownsFolder;
    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;

    private TestApp(DirectoryInfo folder, bool ownsFolder, WebApplication app)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        _app = app;
        _scope = app.Services.CreateAsyncScope();
    }

    private const string DatabaseFile = "huilongba.db";

    private static readonly Lazy<Task<string>> EmptyTemplate = new(() => BuildTemplateAsync(demo: false));
    private static readonly Lazy<Task<string>> DemoTemplate = new(() => BuildTemplateAsync(demo: true));

    public string DataFolder => _folder.FullName;

    public TestAuthenticationStateProvider Auth => _app.Services.GetRequiredService<TestAuthenticationStateProvider>();

    /// <param name="demo">Seed the demo users.</param>
    /// <param name="dataFolder">Share another instance's database (as a second process would); a fresh one by default.</param>
    /// <param name="clock">The app's clock (a FakeTimeProvider, to record steps on a chosen day); the real one by default.</param>
    public static async Task<TestApp> StartAsync(bool demo = false, string? dataFolder = null, TimeProvider? clock = null)
    {
        var folder = dataFolder is null ? Directory.CreateTempSubdirectory("hm-web-tests-") : new DirectoryInfo(dataFolder);
        if (dataFolder is null)
        {
            // Migrating and hashing the demo users' passwords once per run, then copying the file, keeps each test fast.
            File.Copy(await (demo ? DemoTemplate : EmptyTemplate).Value, Path.Combine(folder.FullName, DatabaseFile));
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = folder.FullName,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={DatabaseFile}",
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Demo:Cases"] = "false",
        });
        builder.AddHuilongbaServices();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddSingleton<TestAuthenticationStateProvider>();
        builder.Services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        var app = builder.Build();
        await app.PrepareDatabaseAsync(seedDemo: demo);
        return new TestApp(folder, dataFolder is null, app);
    }

    /// <summary>A migrated and seeded database file, made once per test run and copied for each test.</summary>
    private static async Task<string> BuildTemplateAsync(bool demo)
    {
        var template = await StartAsync(demo, Directory.CreateTempSubdirectory(demo ? "hm-template-demo-" : "hm-template-").FullName);
        var file = Path.Combine(template.DataFolder, DatabaseFile);
        await using (var db = await template.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        await template.DisposeAsync();
        return file;
    }

    /// <summary>Another DI scope, like a second user's circuit (the signed-in test user is shared).</summary>
    public TestScope NewScope() => new(_app.Services.CreateAsyncScope());

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
        await using var db = await DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var role = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync();
        return SignInAs(Enum.Parse<UserRole>(role!), user.VillageId, user.Id, user.DisplayName);
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
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
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

public sealed class TestScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
