namespace HuilongbaMediation.Web.Data;

/// <summary>
/// Files at rest are the app user's alone: on Unix the database (and its -wal and -shm, which SQLite creates with the
/// database file's mode), the key ring, the attachments and the backups are created 600 and their folders 700, and
/// start-up tightens what an earlier version or a copy left wider. On Windows the folder's ACL applies.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
    private static bool IsUnix => !OperatingSystem.IsWindows();

    /// <summary>Creates the folder (700) if it is missing and makes it 700 if it is not.</summary>
    public static string CreateFolder(string path)
    {
        if (!IsUnix)
        {
            return Directory.CreateDirectory(path).FullName;
        }

        var folder = Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(folder.FullName, FolderMode);
        return folder.FullName;
    }

    /// <summary>Options for a new file that only its owner may read or write.</summary>
    public static FileStreamOptions NewFile(FileMode mode = System.IO.FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (IsUnix)
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Makes an existing file 600 (nothing when it does not exist).</summary>
    public static void Restrict(string file)
    {
        if (IsUnix && File.Exists(file))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }

    /// <summary>Makes a folder 700 and everything under it 700 (folders) or 600 (files); nothing when it does not exist.</summary>
    public static void RestrictTree(string folder)
    {
        if (!IsUnix || !Directory.Exists(folder))
        {
            return;
        }

        File.SetUnixFileMode(folder, FolderMode);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(entry.FullName, entry is DirectoryInfo ? FolderMode : FileMode);
        }
    }

    /// <summary>True when others than the owner may enter or read the folder (a warning at start-up, not an error).</summary>
    public static bool IsOpenToOthers(string folder) =>
        IsUnix && (File.GetUnixFileMode(folder) & (UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)) != 0;
}
