using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>A setting that does not parse stops start-up with one line naming it, before the database is touched (issue 9, item 9).</summary>
public sealed class SettingsCheckTests
{
    [Theory]
    [InlineData("Demo:Enabled", "yes", "true 或 false")]
    [InlineData("Demo:Cases", "1x", "true 或 false")]
    [InlineData("Culture:Default", "fr-FR", "zh-CN 或 en-US")]
    public async Task A_setting_that_does_not_parse_stops_start_up_with_one_line_naming_it(string key, string value, string expected)
    {
        await using var temp = new TempFolder();

        var ex = await Assert.ThrowsAsync<StartupException>(() =>
            TestApp.StartAsync(dataFolder: temp.Path, serving: true, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.False(File.Exists(Path.Combine(temp.Path, "huilongba.db")), "settings are checked before the database is made");
    }

    [Theory]
    [InlineData("Data Source=data/huilongba.db;Bogus Keyword=1")]
    [InlineData("just some text")]
    [InlineData("Data Source=data/huilongba.db;Default Timeout=abc")]
    [InlineData("Data Source=data/huilongba.db;Mode=Sometimes")]
    public void A_malformed_connection_string_is_a_one_line_startup_error(string connectionString)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString })
            .Build();

        var ex = Assert.Throws<StartupException>(() => DatabaseStartup.ResolveConnectionString(config, "/srv/app"));

        Assert.StartsWith("ConnectionStrings:Default 格式不正确", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
