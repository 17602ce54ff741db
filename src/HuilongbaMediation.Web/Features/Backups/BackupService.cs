using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.CaseFile;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Features.Backups;

/// <summary>
/// Makes backups while the app runs: the database through SQLite's online backup API (a consistent snapshot, taken
/// page by page while writers wait), then the attachments that snapshot lists and the key ring, into one dated zip
/// with a manifest (app version, schema, counts, the SHA-256 of every file). The daily run and 立即备份 go to the
/// configured folder, keep the last <see cref="BackupOptions.Keep"/> and record how they went.
/// </summary>
public sealed partial class BackupService(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<BackupOptions> options,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    ILogger<BackupService> logger)
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Lazy<string> _connectionString = new(() =>
    {
        using var db = dbFactory.CreateDbContext();
        return db.Database.GetConnectionString()!;
    });

    public string DatabaseFile => new SqliteConnectionStringBuilder(_connectionString.Value).DataSource;

    public string DataFolder => Path.GetDirectoryName(DatabaseFile)!;

    /// <summary>Backup:Folder, a relative one taken from the data folder.</summary>
    public string Folder => Path.GetFullPath(options.Value.Folder, DataFolder);

    /// <summary>The version of the app, as a manifest records it.</summary>
    public static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>Makes one archive in <paramref name="folder"/> (created 700 when missing) and returns it.</summary>
    public async Task<BackupResult> CreateAsync(string folder, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        if (!Directory.Exists(folder))
        {
            PrivateFiles.CreateFolder(folder);
        }

        var name = UniqueName(folder, BackupArchive.NameFor(nowUtc));
        var archive = Path.Combine(folder, name);
        var partial = archive + ".partial";
        var snapshot = Path.Combine(folder, $".{name}.db");
        try
        {
            await SnapshotAsync(snapshot, ct);
            var (migration, counts, attachments) = await ReadSnapshotAsync(snapshot, ct);
            BackupManifest manifest;
            await using (var stream = new FileStream(partial, PrivateFiles.NewFile()))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                var database = await AddAsync(zip, snapshot, BackupArchive.DatabaseEntry, CompressionLevel.Fastest, ct);
                var files = new List<BackupEntry>();
                foreach (var (caseId, storedName) in attachments)
                {
                    var path = Path.Combine(DataFolder, DatabaseStartup.FilesFolderName, caseId, storedName);
                    if (!File.Exists(path))
                    {
                        throw new BackupException($"附件文件缺失：{path}（案件 {caseId}）。请检查数据目录后再备份。");
                    }

                    // Scans and photos are compressed already.
                    files.Add(await AddAsync(zip, path, $"{BackupArchive.FilesPrefix}{caseId}/{storedName}", CompressionLevel.NoCompression, ct));
                }

                var keys = new List<BackupEntry>();
                var keyFolder = Path.Combine(DataFolder, DatabaseStartup.KeysFolderName);
                if (Directory.Exists(keyFolder))
                {
                    foreach (var key in Directory.EnumerateFiles(keyFolder).Order(StringComparer.Ordinal))
                    {
                        keys.Add(await AddAsync(zip, key, BackupArchive.KeysPrefix + Path.GetFileName(key), CompressionLevel.Optimal, ct));
                    }
                }

                manifest = new BackupManifest(BackupArchive.Format, AppVersion, nowUtc, migration, counts, database, files, keys);
                await using var entry = await zip.CreateEntry(BackupArchive.ManifestEntry, CompressionLevel.Optimal).OpenAsync(ct);
                await JsonSerializer.SerializeAsync(entry, manifest, BackupArchive.Json, ct);
            }

            File.Move(partial, archive);
            return new BackupResult(archive, new FileInfo(archive).Length, clock.GetElapsedTime(started), manifest);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(snapshot);
        }
    }

    /// <summary>
    /// A backup into the configured folder, as the daily run and 立即备份 make it: older archives beyond Backup:Keep
    /// are deleted after it succeeded, and the outcome is recorded. Never throws for a failed backup: the run says so.
    /// </summary>
    public async Task<BackupRun> RunAsync(string trigger, CancellationToken ct = default)
    {
        if (!await _running.WaitAsync(0, ct))
        {
            return new BackupRun(clock.GetUtcNow().UtcDateTime, false, null, null, "已有一次备份正在进行，请稍后再试。", trigger);
        }

        try
        {
            BackupRun run;
            try
            {
                var result = await CreateAsync(Folder, ct);
                Prune(Folder, options.Value.Keep);
                run = new BackupRun(result.Manifest.CreatedAtUtc, true, result.Path, result.Size, null, trigger);
                BackedUp(result.Path, result.Size, (long)result.Duration.TotalMilliseconds);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or BackupException or InvalidDataException)
            {
                run = new BackupRun(clock.GetUtcNow().UtcDateTime, false, null, null, ex.Message, trigger);
                BackupFailed(ex, Folder);
            }

            await RecordAsync(run, ct);
            return run;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Records a run in AppState (the command-line backup records its own too).</summary>
    public async Task RecordAsync(BackupRun run, CancellationToken ct = default)
    {
        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.AppState.SingleOrDefaultAsync(s => s.Key == AppStateKeys.LastBackupRun, ct);
        if (entry is null)
        {
            entry = new AppStateEntry { Key = AppStateKeys.LastBackupRun };
            db.AppState.Add(entry);
        }

        entry.Value = JsonSerializer.Serialize(run, BackupArchive.Json);
        entry.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public async Task<BackupOverview> GetOverviewAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recorded = await db.AppState.AsNoTracking().Where(s => s.Key == AppStateKeys.LastBackupRun).Select(s => s.Value).SingleOrDefaultAsync(ct);
        var lastRun = recorded is null ? null : JsonSerializer.Deserialize<BackupRun>(recorded, BackupArchive.Json);
        var kept = BackupArchive.List(Folder);
        DateTime?[] successes = [kept.Count > 0 ? kept[0].CreatedAtUtc : null, lastRun is { Succeeded: true } ? lastRun.AtUtc : null];
        var lastSucceeded = successes.Max();
        var overdue = lastSucceeded is null || clock.GetUtcNow().UtcDateTime - lastSucceeded.Value > BackupOverview.MaxAge;
        var o = options.Value;
        return new BackupOverview(Folder, o.Enabled, o.At, o.Keep, lastRun, kept, lastSucceeded, overdue);
    }

    /// <summary>Deletes the archives beyond the newest <paramref name="keep"/>; other files in the folder are left alone.</summary>
    public static void Prune(string folder, int keep)
    {
        foreach (var old in BackupArchive.List(folder).Skip(keep))
        {
            File.Delete(old.Path);
        }
    }

    private static string UniqueName(string folder, string name)
    {
        var candidate = name;
        for (var n = 2; File.Exists(Path.Combine(folder, candidate)); n++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)}-{n}.zip";
        }

        return candidate;
    }

    /// <summary>SQLite's online backup into a new file (600), then made a single self-contained file (no WAL).</summary>
    private async Task SnapshotAsync(string snapshot, CancellationToken ct)
    {
        await using (var created = new FileStream(snapshot, PrivateFiles.NewFile()))
        {
        }

        await using var source = new SqliteConnection(_connectionString.Value);
        await using var destination = new SqliteConnection($"Data Source={snapshot};Pooling=False");
        await source.OpenAsync(ct);
        await destination.OpenAsync(ct);

        // The backup API takes its locks through SQLite's own busy handler, not the retry loop Microsoft.Data.Sqlite
        // wraps around commands: without one, a checkpoint or a writer met at the wrong moment fails the backup at once
        // with "database is locked". Wait as long as a command would.
        var wait = (int)TimeSpan.FromSeconds(Math.Max(source.DefaultTimeout, 1)).TotalMilliseconds;
        await ExecuteAsync(source, $"PRAGMA busy_timeout = {wait};", ct);
        await ExecuteAsync(destination, $"PRAGMA busy_timeout = {wait};", ct);
        source.BackupDatabase(destination);
        await ExecuteAsync(destination, "PRAGMA journal_mode=DELETE;", ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(string Migration, BackupCounts Counts, List<(string CaseId, string StoredName)> Attachments)> ReadSnapshotAsync(
        string snapshot, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={snapshot};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        var integrity = await SqliteChecks.IntegrityAsync(connection, ct);
        if (integrity is not null)
        {
            throw new BackupException($"数据库快照未通过完整性检查：{integrity}");
        }

        var migration = await SqliteChecks.ScalarAsync<string>(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1", ct);
        var counts = await SqliteChecks.CountsAsync(connection, ct);
        var attachments = new List<(string, string)>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CaseId, StoredName FROM CaseAttachments ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            attachments.Add((reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1)));
        }

        return (migration ?? "", counts, attachments);
    }

    private static async Task<BackupEntry> AddAsync(ZipArchive zip, string file, string entryName, CompressionLevel level, CancellationToken ct)
    {
        var sha256 = await CaseFileStore.Sha256OfFileAsync(file, ct);
        var entry = zip.CreateEntry(entryName, level);
        entry.LastWriteTime = File.GetLastWriteTimeUtc(file);
        await using (var target = await entry.OpenAsync(ct))
        await using (var source = File.OpenRead(file))
        {
            await source.CopyToAsync(target, ct);
        }

        return new BackupEntry(entryName, new FileInfo(file).Length, sha256);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {Path} ({Size} bytes, {Milliseconds} ms)")]
    private partial void BackedUp(string path, long size, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup into {Folder} failed")]
    private partial void BackupFailed(Exception ex, string folder);
}
