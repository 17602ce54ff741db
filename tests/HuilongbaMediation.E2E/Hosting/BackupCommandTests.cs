using System.Diagnostics;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HuilongbaMediation.E2E.Hosting;

/// <summary>
/// <c>backup</c> beside the running demo town and <c>restore</c> once it is stopped, as an operator types them
/// (issue 9, item 10). It also measures the demo town's backup.
/// </summary>
[Trait(E2EEngine.Trait, E2EEngine.SqliteOnly)]
public sealed class BackupCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("huilongba-backup-").FullName;

    private string DataFolder => Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;

    private string BackupFolder => Path.Combine(_folder, "offsite");

    [Fact]
    public async Task A_backup_of_the_running_demo_town_restores_once_the_app_is_stopped_and_not_before()
    {
        string archive;
        using (var app = Start("--urls", "http://127.0.0.1:0"))
        {
            var url = await app.WaitUntilListeningAsync(Timeout);

            var watch = Stopwatch.StartNew();
            using var backup = Start("backup", BackupFolder);
            Assert.True(await backup.WaitForExitAsync(Timeout) == 0, backup.Output);
            watch.Stop();

            archive = backup.StandardOutput[0];
            Assert.Equal(BackupFolder, Path.GetDirectoryName(archive));
            Assert.True(File.Exists(archive));
            Assert.Matches(@"^已备份：[\d.]+ (KB|MB)，用时 [\d.]+ 秒；用户 18，案件 360，", backup.StandardOutput[1]);
            output.WriteLine($"demo town backup: {new FileInfo(archive).Length:N0} bytes in {watch.ElapsedMilliseconds} ms (process included); {backup.StandardOutput[1]}");

            using var refused = Start("restore", archive);
            Assert.Equal(1, await refused.WaitForExitAsync(Timeout));
            Assert.Contains("请先停止应用", Assert.Single(refused.StandardError, l => l.Length > 0), StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = url };
            Assert.True((await http.GetAsync("/healthz")).IsSuccessStatusCode, "the app still serves after the refused restore");
        }

        using (var restore = Start("restore", archive))
        {
            Assert.True(await restore.WaitForExitAsync(Timeout) == 0, restore.Output);
            Assert.Contains(restore.StandardOutput, l => l.StartsWith("已恢复：用户 18，案件 360，", StringComparison.Ordinal));
            output.WriteLine(string.Join('\n', restore.StandardOutput));
        }

        Assert.Single(Directory.GetDirectories(DataFolder, "replaced-*"));
        using var again = Start("--urls", "http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = await again.WaitUntilListeningAsync(Timeout) };
        Assert.True((await client.GetAsync("/healthz")).IsSuccessStatusCode);
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

    private AppProcess Start(params string[] arguments) => AppProcess.Start(
        new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Demo__Enabled"] = "true",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(DataFolder, "huilongba.db")}",
        },
        arguments);
}
