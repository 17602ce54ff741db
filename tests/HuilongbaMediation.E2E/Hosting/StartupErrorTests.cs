using HuilongbaMediation.E2E.Infrastructure;

namespace HuilongbaMediation.E2E.Hosting;

/// <summary>The operator's view of a bad configuration: one clear line on stderr, no stack trace, a failing exit code.</summary>
[Trait(E2EEngine.Trait, E2EEngine.SqliteOnly)]
public sealed class StartupErrorTests
{
    /// <summary>
    /// A wait, not a timing assertion: a fresh app creates and migrates its database before it binds its port, which took
    /// more than 30 s on the shared machine under load; the app that stops as it should is done long before this.
    /// </summary>
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Missing_data_folder_stops_the_app_with_one_clear_line()
    {
        using var app = AppProcess.Start(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Demo__Enabled"] = "true",
                ["ConnectionStrings__Default"] = "Data Source=/nonexistent-dir-xyz/db.sqlite",
            },
            "--urls",
            "http://127.0.0.1:0");

        var exitCode = await app.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode is not null, $"The app is still running after {ExitTimeout.TotalSeconds:0} s.\n{app.Output}");
        Assert.NotEqual(0, exitCode);
        var errorLines = app.StandardError.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var line = Assert.Single(errorLines);
        Assert.Contains("数据目录不存在", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Demo__Enabled", "yes", "设置 Demo:Enabled 的值“yes”无效")]
    [InlineData("Culture__Default", "fr-FR", "Culture:Default")]
    [InlineData("ConnectionStrings__Default", "Data Source=/tmp/huilongba.db;Cache Size=big", "ConnectionStrings:Default 格式不正确")]
    public async Task A_setting_that_does_not_parse_stops_the_app_with_one_clear_line_and_exit_code_1(string variable, string value, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("huilongba-settings-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "huilongba.db")}",
            };
            environment[variable] = value;
            using var app = AppProcess.Start(environment, "--urls", "http://127.0.0.1:0");

            var exitCode = await app.WaitForExitAsync(ExitTimeout);

            Assert.True(exitCode == 1, $"exit code {exitCode}\n{app.Output}");
            var line = Assert.Single(app.StandardError, l => !string.IsNullOrWhiteSpace(l));
            Assert.StartsWith("启动失败：", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_port_already_in_use_stops_the_app_with_one_clear_line()
    {
        var folder = Directory.CreateTempSubdirectory("huilongba-port-").FullName;
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        try
        {
            using var app = AppProcess.Start(
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "huilongba.db")}",
                },
                "--urls",
                $"http://127.0.0.1:{port}");

            var exitCode = await app.WaitForExitAsync(ExitTimeout);

            Assert.True(exitCode == 1, $"exit code {exitCode}\n{app.Output}");
            var line = Assert.Single(app.StandardError, l => !string.IsNullOrWhiteSpace(l));
            Assert.StartsWith("启动失败：地址已被占用", line, StringComparison.Ordinal);
            Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
            Assert.True(!app.Output.Contains("   at ", StringComparison.Ordinal), app.Output);
        }
        finally
        {
            taken.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }
}
