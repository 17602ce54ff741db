using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.CaseFile;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Backups;

/// <summary>
/// Puts a backup back, with the app stopped: the archive is unpacked beside the data and checked whole first
/// (manifest, schema not newer than the app, the database's SHA-256, <c>integrity_check</c>, <c>foreign_key_check</c>,
/// every attachment against its hash and its row); only then is the current data moved aside into
/// <c>replaced-&lt;time&gt;/</c> and the backup moved in. A failed check replaces nothing.
/// </summary>
public sealed class BackupRestorer(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Restores <paramref name="archive"/>; reports each step through <paramref name="say"/>.</summary>
    public async Task RestoreAsync(string archive, Action<string> say, CancellationToken ct = default)
    {
        string databaseFile;
        IReadOnlyCollection<string> knownMigrations;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            databaseFile = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            knownMigrations = [.. db.Database.GetMigrations()];
        }

        var dataFolder = Path.GetDirectoryName(databaseFile)!;
        if (!File.Exists(archive))
        {
            throw new BackupException($"找不到备份文件：{archive}");
        }

        if (!Directory.Exists(dataFolder))
        {
            throw new BackupException($"数据目录不存在：{dataFolder}");
        }

        using var folderLock = DataFolderLock.TryAcquire(dataFolder)
            ?? throw new BackupException($"应用正在使用数据目录 {dataFolder}：请先停止应用，再恢复备份。");
        var stamp = (clock.GetUtcNow().UtcDateTime + BackupArchive.ChinaOffset).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var staging = Path.Combine(dataFolder, $"restore-{stamp}.partial");
        try
        {
            say($"检查备份 {archive} …");
            var manifest = Unpack(archive, staging);
            say($"  备份于 {(manifest.CreatedAtUtc + BackupArchive.ChinaOffset):yyyy-MM-dd HH:mm:ss}（程序 {manifest.AppVersion}，数据库结构 {manifest.SchemaMigration}）");
            await CheckAsync(manifest, staging, knownMigrations, say, ct);

            SqliteConnection.ClearAllPools();
            var replaced = Path.Combine(dataFolder, $"replaced-{stamp}");
            var moved = MoveAside(dataFolder, databaseFile, replaced);
            say(moved.Count == 0
                ? "  数据目录中原来没有数据，无需移走。"
                : $"已将原有数据（{string.Join("、", moved)}）移到 {replaced}");
            File.Move(Path.Combine(staging, BackupArchive.DatabaseEntry), databaseFile);
            PrivateFiles.Restrict(databaseFile);
            foreach (var folder in new[] { DatabaseStartup.FilesFolderName, DatabaseStartup.KeysFolderName })
            {
                var from = Path.Combine(staging, folder);
                if (Directory.Exists(from))
                {
                    Directory.Move(from, Path.Combine(dataFolder, folder));
                    PrivateFiles.RestrictTree(Path.Combine(dataFolder, folder));
                }
            }

            var c = manifest.Counts;
            say($"已恢复：用户 {c.Users}，案件 {c.Cases}，历史记录 {c.HistoryEntries}，附件 {c.Attachments}，密钥 {manifest.Keys.Count}。启动应用即可使用。");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Unpacks the archive into <paramref name="staging"/> (700), refusing entries that would land outside it.</summary>
    private static BackupManifest Unpack(string archive, string staging)
    {
        PrivateFiles.CreateFolder(staging);
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var manifestEntry = zip.GetEntry(BackupArchive.ManifestEntry) ?? throw new BackupException("备份文件中没有 manifest.json，不是本程序的备份。");
            BackupManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupArchive.Json) ?? throw new BackupException("manifest.json 为空。");
            }

            if (manifest.Format != BackupArchive.Format)
            {
                throw new BackupException($"备份格式 {manifest.Format} 不受本程序支持（支持 {BackupArchive.Format}）。");
            }

            var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
            foreach (var entry in zip.Entries.Where(e => e.FullName != BackupArchive.ManifestEntry && !e.FullName.EndsWith('/')))
            {
                var known = entry.FullName == BackupArchive.DatabaseEntry
                    || entry.FullName.StartsWith(BackupArchive.FilesPrefix, StringComparison.Ordinal)
                    || entry.FullName.StartsWith(BackupArchive.KeysPrefix, StringComparison.Ordinal);
                var target = Path.GetFullPath(Path.Combine(staging, entry.FullName));
                if (!known || !target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new BackupException($"备份文件中有不该有的条目：{entry.FullName}");
                }

                PrivateFiles.CreateFolder(Path.GetDirectoryName(target)!);
                using var source = entry.Open();
                using var file = new FileStream(target, PrivateFiles.NewFile());
                source.CopyTo(file);
            }

            return manifest;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            throw new BackupException($"备份文件已损坏或不是 zip：{ex.Message}");
        }
    }

    private static async Task CheckAsync(
        BackupManifest manifest, string staging, IReadOnlyCollection<string> knownMigrations, Action<string> say, CancellationToken ct)
    {
        if (!knownMigrations.Contains(manifest.SchemaMigration))
        {
            throw new BackupException($"备份的数据库结构（{manifest.SchemaMigration}）比本程序新，或不是本程序的：请用不低于 {manifest.AppVersion} 的版本恢复。");
        }

        var database = Path.Combine(staging, BackupArchive.DatabaseEntry);
        if (!File.Exists(database) || await CaseFileStore.Sha256OfFileAsync(database, ct) != manifest.Database.Sha256)
        {
            throw new BackupException("备份中的数据库与 manifest 记录的校验值不符。");
        }

        List<string> applied;
        List<(long CaseId, string StoredName)> rows = [];
        await using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync(ct);
            if (await SqliteChecks.IntegrityAsync(connection, ct) is { } integrity)
            {
                throw new BackupException($"备份中的数据库未通过完整性检查（integrity_check）：{integrity}");
            }

            if (await SqliteChecks.ForeignKeysAsync(connection, ct) is { } foreignKeys)
            {
                throw new BackupException($"备份中的数据库未通过外键检查（foreign_key_check）：{foreignKeys}");
            }

            applied = await SqliteChecks.RowsAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory", ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT CaseId, StoredName FROM CaseAttachments";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        if (applied.FirstOrDefault(m => !knownMigrations.Contains(m)) is { } unknown)
        {
            throw new BackupException($"备份的数据库含本程序不认识的迁移 {unknown}：请用更新的版本恢复。");
        }

        say("  数据库完整性检查（integrity_check）与外键检查（foreign_key_check）通过");
        var listed = manifest.Attachments.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        var missing = rows.Select(r => $"{BackupArchive.FilesPrefix}{r.CaseId}/{r.StoredName}").FirstOrDefault(p => !listed.Contains(p));
        if (missing is not null)
        {
            throw new BackupException($"数据库登记的附件不在备份中：{missing}");
        }

        foreach (var file in manifest.Attachments.Concat(manifest.Keys))
        {
            var path = Path.Combine(staging, file.Path);
            if (!File.Exists(path))
            {
                throw new BackupException($"备份中缺少文件：{file.Path}");
            }

            if (await CaseFileStore.Sha256OfFileAsync(path, ct) != file.Sha256)
            {
                throw new BackupException($"备份中的文件与 manifest 记录的校验值不符：{file.Path}");
            }
        }

        say($"  附件 {manifest.Attachments.Count} 个、密钥 {manifest.Keys.Count} 个，校验值（SHA-256）全部一致");
    }

    /// <summary>Moves the database (with -wal and -shm), files/ and keys/ into <paramref name="replaced"/>; returns what it moved.</summary>
    private static List<string> MoveAside(string dataFolder, string databaseFile, string replaced)
    {
        var moved = new List<string>();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }.Where(File.Exists))
        {
            PrivateFiles.CreateFolder(replaced);
            File.Move(file, Path.Combine(replaced, Path.GetFileName(file)));
            moved.Add(Path.GetFileName(file));
        }

        foreach (var folder in new[] { DatabaseStartup.FilesFolderName, DatabaseStartup.KeysFolderName })
        {
            var path = Path.Combine(dataFolder, folder);
            if (Directory.Exists(path))
            {
                PrivateFiles.CreateFolder(replaced);
                Directory.Move(path, Path.Combine(replaced, folder));
                moved.Add(folder + "/");
            }
        }

        return moved;
    }
}
