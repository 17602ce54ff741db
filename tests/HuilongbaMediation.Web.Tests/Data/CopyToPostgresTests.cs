using System.Text.Json;
using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary><c>copy-to-postgres</c>: a town on SQLite moved to PostgreSQL gives the same figures and the same sign-ins (issue 15, item 5).</summary>
public sealed class CopyToPostgresTests
{
    [PostgresFact]
    public async Task The_demo_town_copied_to_postgres_gives_the_same_dashboard_and_annual_report_and_its_users_sign_in()
    {
        // The demo town with its cases, on SQLite, as a town runs it today.
        await using var town = await TestApp.StartAsync(demo: true, settings: OnSqlite(("Demo:Cases", "true")));

        // Something the town's key ring protected (a sign-in cookie, say): readable after the move.
        var cookie = town.Get<IDataProtectionProvider>().CreateProtector("test").Protect("回龙坝");
        var target = await TestEngine.CreateDatabaseAsync(template: null);
        await using var moved = new TempFolder();
        try
        {
            var lines = new List<string>();
            IReadOnlyList<CopiedTable> tables;
            int userCount, history;
            await using (var source = await town.DbAsync())
            {
                Assert.False(source.Database.IsNpgsql());
                (userCount, history) = (await source.Users.CountAsync(), await source.CaseHistory.CountAsync());
                tables = await new PostgresCopy(source, town.DataFolder, lines.Add).RunAsync(TestEngine.PostgresConnection(target));
            }

            var rows = tables.ToDictionary(t => t.Table, t => t.Rows);
            Assert.Equal(DemoCaseGenerator.CaseCount, rows["Cases"]);
            Assert.Equal((userCount, history), ((int)rows["AspNetUsers"], (int)rows["CaseHistory"]));
            Assert.True(rows[PostgresCopy.KeyRingTable] > 0);
            Assert.Contains(lines, l => l.Contains("CaseHistory", StringComparison.Ordinal)); // progress, table by table

            // A second copy into the same database is refused, and changes nothing.
            await using (var source = await town.DbAsync())
            {
                var refused = await Assert.ThrowsAsync<PostgresCopyException>(() =>
                    new PostgresCopy(source, town.DataFolder, _ => { }).RunAsync(TestEngine.PostgresConnection(target)));
                Assert.Contains("不是空的", refused.Message, StringComparison.Ordinal);
            }

            // The PostgreSQL app on the copy: the same figures, the same users with the same passwords.
            await File.WriteAllTextAsync(Path.Combine(moved.Path, "postgres-database.txt"), target);
            await using var city = await TestApp.StartAsync(demo: true, dataFolder: moved.Path);
            await using (var db = await city.DbAsync())
            {
                Assert.True(db.Database.IsNpgsql());
            }

            var year = town.Today.Year;
            foreach (var period in new[] { StatisticsPeriod.OfYear(year), StatisticsPeriod.OfYear(year - 1) })
            {
                Assert.Equal(
                    Json(await town.Get<StatisticsService>().GetTownAsync(period)),
                    Json(await city.Get<StatisticsService>().GetTownAsync(period)));
            }

            var report = Json(await town.Get<AnnualReportService>().GetTownAsync(year - 1));
            Assert.Equal(report, Json(await city.Get<AnnualReportService>().GetTownAsync(year - 1)));
            Assert.Contains("\"Villages\"", report, StringComparison.Ordinal);

            Assert.Equal("回龙坝", city.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(cookie));

            var users = city.Get<UserManager<AppUser>>();
            var zhangmin = await users.FindByNameAsync("zhangmin");
            Assert.NotNull(zhangmin);
            Assert.True(await users.CheckPasswordAsync(zhangmin, DemoSeeder.Password));
            Assert.False(await users.CheckPasswordAsync(zhangmin, "not-the-password"));

            // Ids and sequences: a case filed on PostgreSQL takes the next id, after the copied ones.
            await using (var db = await city.DbAsync())
            {
                var last = await db.Cases.MaxAsync(c => c.Id);
                await city.SignInAsUserAsync("zhangmin");
                var result = await city.Get<Web.Features.Cases.CaseService>().FileAsync(await Features.Cases.CaseDrafts.ValidAsync(city));
                Assert.True(result.Succeeded, result.Message);
                Assert.Equal(last + 1, result.Value!.Id);
            }
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestEngine.DropDatabaseAsync(target);
        }
    }

    [Fact]
    public async Task The_command_refuses_while_the_app_runs_and_says_so_in_one_line()
    {
        await using var town = await TestApp.StartAsync(settings: OnSqlite());
        using (var running = DataFolderLock.TryAcquire(town.DataFolder))
        {
            Assert.NotNull(running);
            var (code, _, error) = await RunAsync(town, "copy-to-postgres", "Host=127.0.0.1;Database=huilongba");
            Assert.Equal(1, code);
            Assert.Contains("请先停止应用", error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }

        var (badCode, _, bad) = await RunAsync(town, "copy-to-postgres", "Host=127.0.0.1;Nonsense=1");
        Assert.Equal(1, badCode);
        Assert.Contains("连接字符串格式不正确", bad, StringComparison.Ordinal);
        Assert.IsNotType<CopyToPostgresCommand>(CliCommand.Parse(["copy-to-postgres"]));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestApp app, params string[] args)
    {
        var command = Assert.IsType<CopyToPostgresCommand>(CliCommand.Parse(args));
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await command.WithConsole(output, error).RunAsync(app.Get<IServiceProvider>());
        return (code, output.ToString(), error.ToString());
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary>The app on a SQLite file in its folder, whatever engine the test run is on.</summary>
    private static Dictionary<string, string?> OnSqlite(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            [DatabaseEngine.ProviderKey] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Default"] = "Data Source=huilongba.db",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
