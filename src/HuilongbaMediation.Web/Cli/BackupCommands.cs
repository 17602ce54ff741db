using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Backups;

namespace HuilongbaMediation.Web.Cli;

/// <summary>
/// <c>backup &lt;folder&gt;</c>: a consistent copy of the database, the attachments and the key ring into one dated
/// archive, while the app may be running. Prints the archive's path and size.
/// </summary>
internal sealed class BackupCommand(string folder) : CliCommand
{
    public const string Usage = "用法：backup <目录>，例如 backup /srv/backups";

    public override bool PreparesDatabase => false;

    public override async Task<int> RunAsync(IServiceProvider services)
    {
        var backups = services.GetRequiredService<BackupService>();
        var clock = services.GetRequiredService<TimeProvider>();
        try
        {
            var result = await backups.CreateAsync(Path.GetFullPath(folder));
            var c = result.Manifest.Counts;
            await Console.Out.WriteLineAsync(result.Path);
            await Console.Out.WriteLineAsync(
                $"已备份：{FileSizes.Format(result.Size)}，用时 {result.Duration.TotalSeconds:0.0} 秒；用户 {c.Users}，案件 {c.Cases}，历史记录 {c.HistoryEntries}，附件 {c.Attachments}，密钥 {result.Manifest.Keys.Count}。");
            await RecordAsync(backups, new BackupRun(result.Manifest.CreatedAtUtc, true, result.Path, result.Size, null, "cli"));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or BackupException)
        {
            await Console.Error.WriteLineAsync($"备份失败：{ex.Message}");
            await RecordAsync(backups, new BackupRun(clock.GetUtcNow().UtcDateTime, false, null, null, ex.Message, "cli"));
            return 1;
        }
    }

    /// <summary>The admin page shows command-line backups too; a database that cannot record it does not fail the backup.</summary>
    private static async Task RecordAsync(BackupService backups, BackupRun run)
    {
        try
        {
            await backups.RecordAsync(run);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"（未能在数据库中记录这次备份：{ex.Message}）");
        }
    }
}

/// <summary>
/// <c>restore &lt;archive&gt;</c>, with the app stopped: checks the archive whole, then moves the current data aside
/// into <c>replaced-&lt;time&gt;/</c> and puts the backup in its place.
/// </summary>
internal sealed class RestoreCommand(string archive) : CliCommand
{
    public const string Usage = "用法：restore <备份文件>，例如 restore /srv/backups/huilongba-backup-20261129-031500.zip（须先停止应用）";

    public override bool PreparesDatabase => false;

    public override async Task<int> RunAsync(IServiceProvider services)
    {
        try
        {
            await services.GetRequiredService<BackupRestorer>().RestoreAsync(Path.GetFullPath(archive), Console.Out.WriteLine);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or BackupException)
        {
            await Console.Error.WriteLineAsync($"恢复失败，未做任何替换：{ex.Message}");
            return 1;
        }
    }
}
