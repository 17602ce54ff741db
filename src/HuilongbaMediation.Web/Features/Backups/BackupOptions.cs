namespace HuilongbaMediation.Web.Features.Backups;

/// <summary>The daily backup of the running app (README, "Security and data").</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Whether the running app makes its daily backup.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the daily backups go; a relative path is taken from the data folder.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>How many daily backups are kept; older ones are deleted after a successful backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>The time of day (China time) of the daily backup.</summary>
    public TimeOnly At { get; set; } = new(3, 0);
}

/// <summary>What a backup archive holds, as its manifest.json says.</summary>
/// <param name="Format">The archive's layout version (<see cref="BackupArchive.Format"/>).</param>
/// <param name="AppVersion">The version of the app that made it.</param>
/// <param name="SchemaMigration">The database's last migration: an app that does not know it is older than the backup.</param>
public sealed record BackupManifest(
    int Format,
    string AppVersion,
    DateTime CreatedAtUtc,
    string SchemaMigration,
    BackupCounts Counts,
    BackupEntry Database,
    IReadOnlyList<BackupEntry> Attachments,
    IReadOnlyList<BackupEntry> Keys);

public sealed record BackupCounts(int Users, int Cases, int HistoryEntries, int Attachments);

/// <summary>A file in the archive: its path there, its size and its SHA-256 (lower-case hex).</summary>
public sealed record BackupEntry(string Path, long Size, string Sha256);

/// <summary>A backup made: the archive, its size, how long it took and its manifest.</summary>
public sealed record BackupResult(string Path, long Size, TimeSpan Duration, BackupManifest Manifest);

/// <summary>How the last backup run went (kept in AppState, shown on 数据备份).</summary>
public sealed record BackupRun(DateTime AtUtc, bool Succeeded, string? Path, long? Size, string? Error, string Trigger);

/// <summary>A backup archive in the backup folder.</summary>
public sealed record BackupFile(string Name, string Path, long Size, DateTime CreatedAtUtc);

/// <summary>What 数据备份 shows.</summary>
public sealed record BackupOverview(
    string Folder,
    bool DailyEnabled,
    TimeOnly At,
    int Keep,
    BackupRun? LastRun,
    IReadOnlyList<BackupFile> Kept,
    DateTime? LastSucceededAtUtc,
    bool IsOverdue)
{
    /// <summary>The warning is shown when the last backup is older than this, or there is none.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(2);

    public bool LastRunFailed => LastRun is { Succeeded: false };
}

/// <summary>A backup or restore that cannot go on; the message says why, in one line.</summary>
public sealed class BackupException(string message) : Exception(message);
