using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HuilongbaMediation.E2E.Hosting;

/// <summary>
/// Demo data never enters a real database, seen as an operator sees it: the real app and its CLI as processes on a
/// database in a temp folder (issue 9, item 1).
/// </summary>
[Trait(E2EEngine.Trait, E2EEngine.SqliteOnly)]
public sealed class DemoModeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("huilongba-demo-").FullName;

    private string Database => Path.Combine(_folder, "huilongba.db");

    [Fact]
    public async Task Demo_mode_refuses_a_database_made_by_create_admin_with_one_line_and_adds_nobody()
    {
        using (var createAdmin = Start(new() { ["HUILONGBA_ADMIN_PASSWORD"] = "a long passphrase 7" }, "create-admin", "boss"))
        {
            Assert.Equal(0, await createAdmin.WaitForExitAsync(Timeout));
        }

        using var app = Start(new() { ["Demo__Enabled"] = "true" }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, await app.WaitForExitAsync(Timeout));
        var line = Assert.Single(app.StandardError, l => !string.IsNullOrWhiteSpace(l));
        Assert.StartsWith("启动失败：演示模式不能使用数据库", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        Assert.Equal(["boss"], await UserNamesAsync());
    }

    [Fact]
    public async Task The_Development_environment_alone_serves_no_demo_accounts()
    {
        using (var app = Start([], "--urls", "http://127.0.0.1:0"))
        {
            var url = await app.WaitUntilListeningAsync(Timeout);
            using var http = new HttpClient { BaseAddress = url };
            var login = System.Net.WebUtility.HtmlDecode(await http.GetStringAsync("/account/login"));
            Assert.Contains("登录", login, StringComparison.Ordinal);
            Assert.DoesNotContain("演示账号", login, StringComparison.Ordinal);
            Assert.DoesNotContain("hshs-demo-2026", login, StringComparison.Ordinal);
        }

        Assert.Empty(await UserNamesAsync());
    }

    [Fact]
    public async Task A_demo_database_lists_its_accounts_and_is_refused_once_demo_mode_is_off()
    {
        using (var demo = Start(new() { ["Demo__Enabled"] = "true", ["Demo__Cases"] = "false" }, "--urls", "http://127.0.0.1:0"))
        {
            var url = await demo.WaitUntilListeningAsync(Timeout);
            using var http = new HttpClient { BaseAddress = url };
            Assert.Contains("hshs-demo-2026", await http.GetStringAsync("/account/login"), StringComparison.Ordinal);
        }

        using var real = Start([], "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, await real.WaitForExitAsync(Timeout));
        var line = Assert.Single(real.StandardError, l => !string.IsNullOrWhiteSpace(l));
        Assert.Contains("是演示数据库", line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private AppProcess Start(Dictionary<string, string> environment, params string[] arguments)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["ConnectionStrings__Default"] = $"Data Source={Database}";
        return AppProcess.Start(environment, arguments);
    }

    private async Task<List<string>> UserNamesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT UserName FROM AspNetUsers ORDER BY UserName";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
