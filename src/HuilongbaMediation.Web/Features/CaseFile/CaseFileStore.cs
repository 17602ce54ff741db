using System.Globalization;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>
/// Where attachments live: <c>&lt;data folder&gt;/files/&lt;case id&gt;/&lt;stored name&gt;</c>, beside the database
/// (so a backup of the data folder takes them along) and outside wwwroot (so only the download endpoint, which checks
/// access, serves them). Paths are made of the case id and a GUID only, never of anything a user typed.
/// </summary>
public sealed class CaseFileStore(IDbContextFactory<AppDbContext> dbFactory)
{
    private readonly Lazy<string> _root = new(() =>
    {
        using var db = dbFactory.CreateDbContext();
        return Path.Combine(DatabaseStartup.DataFolder(db.Database.GetConnectionString()!), "files");
    });

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
        var path = Path.Combine(Directory.CreateDirectory(CaseFolder(caseId)).FullName, $"{Guid.NewGuid():N}.uploading");
        try
        {
            await File.WriteAllBytesAsync(path, content, ct);
            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private string CaseFolder(int caseId) => Path.Combine(Root, caseId.ToString(CultureInfo.InvariantCulture));
}
