using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.CaseFile;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>
/// Where the applicants' photos and PDFs live: <c>&lt;data folder&gt;/applications/&lt;application id&gt;/&lt;GUID&gt;</c>,
/// beside the case files (so a backup takes them along), outside wwwroot, named by ids and GUIDs only.
/// </summary>
public sealed class ApplicationFileStore(DatabaseEngine engine)
{
    private readonly string _root = Path.Combine(engine.DataFolder, "applications");

    public string FolderOf(int applicationId) => Path.Combine(_root, applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string PathOf(int applicationId, string storedName) =>
        Guid.TryParseExact(storedName, "N", out _)
            ? Path.Combine(FolderOf(applicationId), storedName)
            : throw new ArgumentException("A stored name is a GUID in \"N\" format.", nameof(storedName));

    /// <summary>Writes a file under its stored name (after the application's row has its id, before the commit).</summary>
    public async Task WriteAsync(int applicationId, string storedName, byte[] content, CancellationToken ct)
    {
        PrivateFiles.CreateFolder(_root);
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
