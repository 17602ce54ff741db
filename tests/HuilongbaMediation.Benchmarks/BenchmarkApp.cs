using HuilongbaMediation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>The app's own composition over a SQLite file (a fresh one in <c>folder</c>, or a town), in demo mode, quiet.</summary>
internal static class BenchmarkApp
{
    public static WebApplicationBuilder Builder(DirectoryInfo folder) => Builder(Path.Combine(folder.FullName, "bench.db"));

    public static WebApplicationBuilder Builder(string databaseFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Benchmark",
            ContentRootPath = Path.GetDirectoryName(Path.GetFullPath(databaseFile)),
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.GetFullPath(databaseFile)}",
            ["Demo:Enabled"] = "true",
            ["Demo:Cases"] = "false",
        });
        builder.AddHuilongbaServices();
        return builder;
    }

    /// <summary>The app on a fresh database in <paramref name="folder"/>, prepared, acting as the judicial office (<see cref="JudicialOfficeUser"/>).</summary>
    public static Task<WebApplication> StartAsync(DirectoryInfo folder) => StartAsync(Path.Combine(folder.FullName, "bench.db"));

    /// <summary>The app on <paramref name="databaseFile"/> (made or migrated), acting as the judicial office.</summary>
    public static async Task<WebApplication> StartAsync(string databaseFile)
    {
        var builder = Builder(databaseFile);
        builder.Services.AddSingleton<JudicialOfficeUser>();
        builder.Services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<JudicialOfficeUser>());
        var app = builder.Build();
        await app.PrepareDatabaseAsync(seedDemo: true);
        return app;
    }
}
