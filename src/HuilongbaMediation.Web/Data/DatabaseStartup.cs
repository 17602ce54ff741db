using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data;

/// <summary>A start-up problem the operator must fix; the app prints <see cref="Exception.Message"/> as one line and stops.</summary>
public sealed class StartupException(string message) : Exception(message);

/// <summary>
/// Where the SQLite file lives, and getting it ready before the app serves anything: the folder exists and is
/// writable, the database is not newer than the app, no migration lock was left behind, migrations applied, WAL on.
/// </summary>
public static class DatabaseStartup
{
    public const string ConnectionStringName = "Default";

    /// <summary>The key ring that protects sign-in cookies, in the data folder.</summary>
    public const string KeysFolderName = "keys";

    /// <summary>The attachments of the case files, in the data folder.</summary>
    public const string FilesFolderName = "files";

    /// <summary>
    /// The configured connection string with a relative <c>Data Source</c> made absolute against the content root,
    /// and a busy timeout, so a write that meets another waits instead of failing with "database is locked".
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupException($"缺少数据库连接配置 ConnectionStrings:{ConnectionStringName}（例如 \"Data Source=data/huilongba.db\"）。");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configured);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            // Not the string itself: it may hold a password.
            throw new StartupException(
                $"ConnectionStrings:{ConnectionStringName} 格式不正确（{OneLine(ex.Message)}），应形如 \"Data Source=data/huilongba.db\"。");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new StartupException($"ConnectionStrings:{ConnectionStringName} 须指向一个 SQLite 文件，例如 \"Data Source=data/huilongba.db\"。");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        if (!configured.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>The folder the database file is in (uploaded case files live beside it).</summary>
    public static string DataFolder(string connectionString) =>
        Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!;

    /// <summary>Gets the database ready; says whether it was created now (no migration had been applied before).</summary>
    public static async Task<DatabasePreparation> PrepareAsync(AppDbContext db, CancellationToken ct = default)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        CheckFolder(Path.GetDirectoryName(file)!);
        CreatePrivately(file);

        try
        {
            var created = !(await db.Database.GetAppliedMigrationsAsync(ct)).Any();
            await CheckNotNewerThanAppAsync(db, ct);
            await CheckNoOrphanedMigrationLockAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            return new DatabasePreparation(created);
        }
        catch (SqliteException ex)
        {
            throw new StartupException($"无法打开数据库 {file}：{ex.Message}");
        }
    }

    /// <summary>
    /// The database file is made here, empty and 600, before SQLite would make it with the process's umask; its -wal
    /// and -shm take its mode. Files an earlier version made wider are narrowed.
    /// </summary>
    private static void CreatePrivately(string file)
    {
        if (!File.Exists(file))
        {
            using var created = new FileStream(file, PrivateFiles.NewFile(FileMode.CreateNew));
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            PrivateFiles.Restrict(path);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static void CheckFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new StartupException($"数据目录不存在：{folder}。请先创建它，或在 ConnectionStrings:{ConnectionStringName} 中指向其他位置。");
        }

        var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new StartupException($"数据目录不可写：{folder}。请让运行本程序的用户有写权限。");
        }
    }

    internal static async Task CheckNotNewerThanAppAsync(AppDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync(ct);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StartupException(
                $"数据库比本程序新（含本程序不认识的迁移 {string.Join("、", unknown)}）。请升级程序后再启动，切勿用旧版本打开。");
        }
    }

    /// <summary>EF takes a lock row while migrating; one left by a crashed run would make MigrateAsync wait forever.</summary>
    private static async Task CheckNoOrphanedMigrationLockAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock';";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsLock;";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new StartupException(
                    "数据库迁移锁未释放（表 __EFMigrationsLock 中有记录），上次升级可能中途停止。确认没有其他实例在运行后，删除该记录再启动。");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <param name="Created">No migration had been applied: the database was made by this start.</param>
public sealed record DatabasePreparation(bool Created);
