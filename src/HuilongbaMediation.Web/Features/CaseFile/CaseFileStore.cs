using System.Globalization;
using System.Security.Cryptography;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>
/// Where attachments live: <c>&lt;data folder&gt;/files/&lt;case id&gt;/&lt;stored name&gt;</c>, beside the database
/// (so a backup of the data folder takes them along) and outside wwwroot (so only the download endpoint, which checks
/// access, serves them). Paths are made of the case id and a GUID only, never of anything a user typed.
/// </summary>
public sealed class CaseFileStore(IDbContextFactory<AppDbContext> dbFactory, DatabaseEngine engine, TimeProvider clock)
{
    /// <summary>
    /// On a data folder shared by several app servers, how old a leftover must be before a starting server removes it:
    /// a younger one may be another server's upload in progress.
    /// </summary>
    public static readonly TimeSpan SharedFolderGrace = TimeSpan.FromHours(1);

    private readonly Lazy<string> _root = new(() => Path.Combine(engine.DataFolder, DatabaseStartup.FilesFolderName));

    /// <summary>The ending of an upload still being written; one left behind was cut off by a crash.</summary>
    public const string PartialSuffix = ".uploading";

    /// <summary>The folder all attachments are under.</summary>
    public string Root => _root.Value;

    public string PathOf(int caseId, string storedName) =>
        Guid.TryParseExact(storedName, "N", out _)
            ? Path.Combine(CaseFolder(caseId), storedName)
            : throw new ArgumentException("A stored name is a GUID in \"N\" format.", nameof(storedName));

    /// <summary>
    /// Writes the content under a temporary name in the case's folder, so that moving it to its stored name later is a
    /// rename on the same disk: a reader never sees half a file under a stored name.
    /// </summary>
    public async Task<string> WriteTemporaryAsync(int caseId, byte[] content, CancellationToken ct)
    {
        PrivateFiles.CreateFolder(Root);
        var path = Path.Combine(PrivateFiles.CreateFolder(CaseFolder(caseId)), $"{Guid.NewGuid():N}{PartialSuffix}");
        try
        {
            await using (var file = new FileStream(path, PrivateFiles.NewFile()))
            {
                await file.WriteAsync(content, ct);
            }

            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static async Task<string> Sha256OfFileAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    /// <summary>
    /// At start-up, before anyone uploads (the data folder is locked to this instance): removes what a crash left
    /// behind — partial uploads, and files moved to their stored name whose row was never committed (the file is
    /// renamed before the transaction commits, so a kill in between leaves a file no attachment names) — and fills in
    /// the SHA-256 of attachments filed before it was kept. Returns the files removed. On a folder shared by several
    /// servers (PostgreSQL) the others keep uploading meanwhile: only leftovers older than <see cref="SharedFolderGrace"/> go.
    /// </summary>
    public async Task<int> TidyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = 0;
        var before = engine.LocksDataFolder ? DateTime.MaxValue : clock.GetUtcNow().UtcDateTime - SharedFolderGrace;
        bool Old(string file) => File.GetLastWriteTimeUtc(file) < before;
        if (Directory.Exists(Root))
        {
            foreach (var partial in Directory.EnumerateFiles(Root, "*" + PartialSuffix, SearchOption.AllDirectories).Where(Old))
            {
                File.Delete(partial);
                removed++;
            }

            // Stored names are GUIDs, unique over all cases; a file of another shape is not ours to remove.
            var filed = (await db.CaseAttachments.Select(a => a.StoredName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                if (Guid.TryParseExact(name, "N", out _) && !filed.Contains(name) && Old(file))
                {
                    File.Delete(file);
                    removed++;
                }
            }
        }

        var unhashed = await db.CaseAttachments.Where(a => a.Sha256 == null).ToListAsync(ct);
        foreach (var attachment in unhashed)
        {
            var path = PathOf(attachment.CaseId, attachment.StoredName);
            if (File.Exists(path))
            {
                attachment.SetSha256(await Sha256OfFileAsync(path, ct));
            }
        }

        await db.SaveChangesAsync(ct);
        return removed;
    }

    private string CaseFolder(int caseId) => Path.Combine(Root, caseId.ToString(CultureInfo.InvariantCulture));
}
