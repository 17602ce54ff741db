using HuilongbaMediation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>The app's own composition over a fresh SQLite file in <c>folder</c>, with the demo users, quiet.</summary>
internal static class BenchmarkApp
{
    public static WebApplicationBuilder Builder(DirectoryInfo folder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = folder.FullName });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Data Source=bench.db",
            ["Demo:Enabled"] = "true",
            ["Demo:Cases"] = "false",
        });
        builder.AddHuilongbaServices();
        return builder;
    }

    /// <summary>The app, prepared, acting as the judicial office (<see cref="JudicialOfficeUser"/>).</summary>
    public static async Task<WebApplication> StartAsync(DirectoryInfo folder)
    {
        var builder = Builder(folder);
        builder.Services.AddSingleton<JudicialOfficeUser>();
        builder.Services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<JudicialOfficeUser>());
        var app = builder.Build();
        await app.PrepareDatabaseAsync(seedDemo: true);
        return app;
    }
}
