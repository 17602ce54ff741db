using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.CaseFile;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>
/// Where the applicants' photos and PDFs live: <c>&lt;data folder&gt;/applications/&lt;application id&gt;/&lt;GUID&gt;</c>,
/// beside the case files (so a backup takes them along), outside wwwroot, named by ids and GUIDs only.
/// </summary>
public sealed class ApplicationFileStore(IDbContextFactory<AppDbContext> dbFactory)
{
    private readonly Lazy<string> _root = new(() =>
    {
        using var db = dbFactory.CreateDbContext();
        return Path.Combine(DatabaseStartup.DataFolder(db.Database.GetConnectionString()!), "applications");
    });

    public string FolderOf(int applicationId) => Path.Combine(_root.Value, applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string PathOf(int applicationId, string storedName) =>
        Guid.TryParseExact(storedName, "N", out _)
            ? Path.Combine(FolderOf(applicationId), storedName)
            : throw new ArgumentException("A stored name is a GUID in \"N\" format.", nameof(storedName));

    /// <summary>Writes a file under its stored name (after the application's row has its id, before the commit).</summary>
    public async Task WriteAsync(int applicationId, string storedName, byte[] content, CancellationToken ct)
    {
        PrivateFiles.CreateFolder(_root.Value);
        PrivateFiles.CreateFolder(FolderOf(applicationId));
        var partial = PathOf(applicationId, storedName) + CaseFileStore.PartialSuffix;
        await using (var file = new FileStream(partial, PrivateFiles.NewFile()))
        {
            await file.WriteAsync(content, ct);
        }

        File.Move(partial, PathOf(applicationId, storedName));
    }

    /// <summary>Removes an application's folder (its files), when the application is deleted.</summary>
    public void DeleteAll(int applicationId)
    {
        var folder = FolderOf(applicationId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
