using System.IO.Compression;
using System.Text.Json;
using HuilongbaMediation.Web.Features.Backups;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.CaseFile;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace HuilongbaMediation.Web.Tests.Features.Backups;

/// <summary>A small town worth backing up: the demo users, a resolved case with two scans filed, and a key ring.</summary>
public static class BackupTown
{
    public static async Task<CaseRef> FillAsync(TestApp app)
    {
        var c = await AgreedCases.ResolvedAsync(app);
        foreach (var (name, content) in new[] { ("申请书.pdf", SampleFiles.Pdf), ("现场照片.jpg", SampleFiles.Jpeg) })
        {
            await using var stream = new MemoryStream(content);
            var filed = await app.Get<CaseFileService>().UploadAsync(c.Id, CaseFileItem.Evidence, name, stream);
            Assert.True(filed.Succeeded, filed.Message);
        }

        app.Get<IDataProtectionProvider>().CreateProtector("test").Protect("a sign-in cookie");
        return c;
    }

    /// <summary>Reads one entry of an archive.</summary>
    public static byte[] Read(string archive, string entry)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static BackupManifest Manifest(string archive) =>
        JsonSerializer.Deserialize<BackupManifest>(Read(archive, BackupArchive.ManifestEntry), BackupArchive.Json)!;

    /// <summary>Replaces an entry's bytes in place (a tampered or damaged archive).</summary>
    public static void Rewrite(string archive, string entry, Func<byte[], byte[]> change)
    {
        var bytes = change(Read(archive, entry));
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
        zip.GetEntry(entry)!.Delete();
        using var stream = zip.CreateEntry(entry).Open();
        stream.Write(bytes);
    }

    public static void RewriteManifest(string archive, Func<BackupManifest, BackupManifest> change) =>
        Rewrite(archive, BackupArchive.ManifestEntry, bytes =>
            JsonSerializer.SerializeToUtf8Bytes(change(JsonSerializer.Deserialize<BackupManifest>(bytes, BackupArchive.Json)!), BackupArchive.Json));

    /// <summary>The archive's database, unpacked into a file of its own, for SQL against it.</summary>
    public static async Task<SqliteConnection> OpenDatabaseAsync(string archive, string folder)
    {
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(file, Read(archive, BackupArchive.DatabaseEntry));
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
