using System.IO.Compression;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Backups;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Backups;

/// <summary>Backups while the app runs, and restores that check everything before they replace anything (issue 9, item 10).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly TempFolder _backups = new();
    private TestApp _app = default!;
    private CaseRef _case = default!;

    private BackupService Backups => _app.Get<BackupService>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _case = await BackupTown.FillAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _backups.DisposeAsync();
    }

    [Fact]
    public async Task A_backup_holds_the_database_the_attachments_and_the_key_ring_with_a_manifest_that_counts_them()
    {
        var result = await Backups.CreateAsync(_backups.Path);

        Assert.Matches(@"^huilongba-backup-\d{8}-\d{6}\.zip$", Path.GetFileName(result.Path));
        Assert.Equal(new FileInfo(result.Path).Length, result.Size);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.Path));
        using (var zip = ZipFile.OpenRead(result.Path))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(BackupArchive.DatabaseEntry, names);
            Assert.Contains(BackupArchive.ManifestEntry, names);
            Assert.Equal(2, names.Count(n => n.StartsWith($"files/{_case.Id}/", StringComparison.Ordinal)));
            Assert.Single(names, n => n.StartsWith("keys/key-", StringComparison.Ordinal));
        }

        var manifest = BackupTown.Manifest(result.Path);
        await using var db = await _app.DbAsync();
        Assert.Equal(
            new BackupCounts(await db.Users.CountAsync(), await db.Cases.CountAsync(), await db.CaseHistory.CountAsync(), 2),
            manifest.Counts);
        Assert.Equal((await db.Database.GetAppliedMigrationsAsync()).Last(), manifest.SchemaMigration);
        foreach (var file in manifest.Attachments.Append(manifest.Database))
        {
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BackupTown.Read(result.Path, file.Path))), file.Sha256);
        }

        var stored = await db.CaseAttachments.OrderBy(a => a.Id).Select(a => a.Sha256).ToListAsync();
        Assert.Equal(stored, manifest.Attachments.Select(a => a.Sha256));
    }

    [Fact]
    public async Task Backups_made_while_cases_are_being_filed_are_consistent_snapshots()
    {
        var draft = await CaseDrafts.ValidAsync(_app);
        using var stop = new CancellationTokenSource();
        var filing = Task.Run(async () =>
        {
            var filed = 0;
            while (!stop.IsCancellationRequested || filed < 20)
            {
                await using var scope = _app.NewScope();
                Assert.True((await scope.Get<CaseService>().FileAsync(draft)).Succeeded);
                filed++;
            }

            return filed;
        });

        var archives = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            archives.Add((await Backups.CreateAsync(_backups.Path)).Path);
        }

        await stop.CancelAsync();
        Assert.True(await filing >= 20);
        foreach (var archive in archives)
        {
            await using var connection = await BackupTown.OpenDatabaseAsync(archive, _backups.Path);
            Assert.Null(await SqliteChecks.IntegrityAsync(connection, default));
            Assert.Null(await SqliteChecks.ForeignKeysAsync(connection, default));
            var sequences = await SqliteChecks.RowsAsync(connection, "SELECT Sequence FROM Cases ORDER BY Sequence", default);
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), sequences);
            Assert.Equal("0", (await SqliteChecks.RowsAsync(
                connection, "SELECT COUNT(*) FROM Cases c WHERE NOT EXISTS (SELECT 1 FROM CaseHistory h WHERE h.CaseId = c.Id AND h.Action = 'File')", default)).Single());
            Assert.Equal(BackupTown.Manifest(archive).Counts.Cases, sequences.Count);
        }
    }

    [Fact]
    public async Task Restore_puts_the_backup_back_and_keeps_the_replaced_data_aside()
    {
        var archive = (await Backups.CreateAsync(_backups.Path)).Path;
        var before = await CountsAsync();
        await using (var scope = _app.NewScope())
        {
            Assert.True((await scope.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(_app))).Succeeded);
        }

        var attachment = await FirstAttachmentAsync();
        Assert.True((await _app.Get<CaseFileService>().DeleteAsync(_case.Id, attachment.Id)).Succeeded);
        var said = new List<string>();

        await _app.Get<BackupRestorer>().RestoreAsync(archive, said.Add);

        Assert.Equal(before, await CountsAsync());
        Assert.True(File.Exists(_app.Get<CaseFileStore>().PathOf(_case.Id, attachment.StoredName)), "the deleted scan is back");
        var replaced = Assert.Single(Directory.GetDirectories(_app.DataFolder, "replaced-*"));
        Assert.True(File.Exists(Path.Combine(replaced, "huilongba.db")));
        Assert.True(Directory.Exists(Path.Combine(replaced, "files")) && Directory.Exists(Path.Combine(replaced, "keys")));
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(replaced, "huilongba.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            Assert.Equal(before.Cases + 1, await SqliteChecks.ScalarAsync<int>(connection, "SELECT COUNT(*) FROM Cases", default));
        }

        Assert.Contains(said, s => s.Contains("integrity_check", StringComparison.Ordinal));
        Assert.Contains(said, s => s.Contains(replaced, StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(_app.DataFolder, "restore-*"));
    }

    [Fact]
    public async Task A_tampered_attachment_stops_the_restore_before_anything_is_replaced()
    {
        var archive = (await Backups.CreateAsync(_backups.Path)).Path;
        var scan = BackupTown.Manifest(archive).Attachments[0].Path;
        BackupTown.Rewrite(archive, scan, bytes => [.. bytes, 0x20]);

        await AssertRefusedAsync(archive, $"校验值不符：{scan}");
    }

    [Fact]
    public async Task A_backup_from_a_newer_app_is_refused()
    {
        var archive = (await Backups.CreateAsync(_backups.Path)).Path;
        BackupTown.RewriteManifest(archive, m => m with { SchemaMigration = "29990101000000_FromTheFuture" });

        await AssertRefusedAsync(archive, "比本程序新");
    }

    [Fact]
    public async Task A_database_whose_foreign_keys_do_not_hold_is_refused()
    {
        var archive = (await Backups.CreateAsync(_backups.Path)).Path;
        byte[] broken;
        await using (var connection = await BackupTown.OpenDatabaseAsync(archive, _backups.Path))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys = OFF; UPDATE CaseHistory SET CaseId = 999999 WHERE Id = (SELECT MIN(Id) FROM CaseHistory);";
            await command.ExecuteNonQueryAsync();
            broken = await File.ReadAllBytesAsync(connection.DataSource);
        }

        BackupTown.Rewrite(archive, BackupArchive.DatabaseEntry, _ => broken);
        BackupTown.RewriteManifest(archive, m => m with
        {
            Database = m.Database with { Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(broken)) },
        });

        await AssertRefusedAsync(archive, "foreign_key_check");
    }

    [Fact]
    public async Task Restore_is_refused_while_the_app_holds_the_data_folder()
    {
        var archive = (await Backups.CreateAsync(_backups.Path)).Path;
        using var running = DataFolderLock.TryAcquire(_app.DataFolder);
        Assert.NotNull(running);

        await AssertRefusedAsync(archive, "请先停止应用");
    }

    private async Task AssertRefusedAsync(string archive, string expected)
    {
        var database = Path.Combine(_app.DataFolder, "huilongba.db");
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<BackupException>(() => _app.Get<BackupRestorer>().RestoreAsync(archive, _ => { }));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(database));
        Assert.Empty(Directory.GetDirectories(_app.DataFolder, "replaced-*"));
        Assert.Empty(Directory.GetDirectories(_app.DataFolder, "restore-*"));
        Assert.Equal(before, await CountsAsync());
    }

    private async Task<(int Cases, int History, int Attachments)> CountsAsync()
    {
        await using var db = await _app.DbAsync();
        return (await db.Cases.CountAsync(), await db.CaseHistory.CountAsync(), await db.CaseAttachments.CountAsync());
    }

    private async Task<CaseAttachment> FirstAttachmentAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.CaseAttachments.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
    }
}
