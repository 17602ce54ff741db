using HuilongbaMediation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

/// <summary>The app's own composition over a SQLite file in <paramref name="folder"/>, with the demo users, quiet.</summary>
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
}
