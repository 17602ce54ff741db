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
    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;

    private TestApp(DirectoryInfo folder, WebApplication app)
    {
        _folder = folder;
        _app = app;
        _scope = app.Services.CreateAsyncScope();
    }

    public string DataFolder => _folder.FullName;

    public TestAuthenticationStateProvider Auth => _app.Services.GetRequiredService<TestAuthenticationStateProvider>();

    public static async Task<TestApp> StartAsync(bool demo = false)
    {
        var folder = Directory.CreateTempSubdirectory("hm-web-tests-");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = folder.FullName,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Data Source=huilongba.db",
            ["Demo:Enabled"] = demo ? "true" : "false",
        });
        builder.AddHuilongbaServices();
        builder.Services.AddSingleton<TestAuthenticationStateProvider>();
        builder.Services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        var app = builder.Build();
        await app.PrepareDatabaseAsync(seedDemo: demo);
        return new TestApp(folder, app);
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
