using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.Backups;

/// <summary>
/// The layout of a backup archive: <c>huilongba-backup-yyyyMMdd-HHmmss.zip</c> (China time) holding
/// <c>huilongba.db</c>, <c>files/&lt;case id&gt;/&lt;stored name&gt;</c>, <c>keys/&lt;key file&gt;</c> and <c>manifest.json</c>.
/// </summary>
public static partial class BackupArchive
{
    public const int Format = 1;

    public const string DatabaseEntry = "huilongba.db";

    public const string ManifestEntry = "manifest.json";

    public const string FilesPrefix = "files/";

    public const string KeysPrefix = "keys/";

    private const string NameFormat = "yyyyMMdd-HHmmss";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The archive's name for a backup made at <paramref name="nowUtc"/>.</summary>
    public static string NameFor(DateTime nowUtc) =>
        $"huilongba-backup-{(nowUtc + ChinaOffset).ToString(NameFormat, CultureInfo.InvariantCulture)}.zip";

    /// <summary>When an archive was made, from its name; null for a file that is not a backup archive.</summary>
    public static DateTime? MadeAtUtc(string fileName)
    {
        var match = ArchiveName().Match(Path.GetFileName(fileName));
        return match.Success && DateTime.TryParseExact(match.Groups["at"].Value, NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var china)
            ? DateTime.SpecifyKind(china - ChinaOffset, DateTimeKind.Utc)
            : null;
    }

    /// <summary>The backup archives in a folder, newest first.</summary>
    public static IReadOnlyList<BackupFile> List(string folder) =>
        !Directory.Exists(folder)
            ? []
            : [.. new DirectoryInfo(folder).EnumerateFiles("huilongba-backup-*.zip")
                .Select(f => (File: f, At: MadeAtUtc(f.Name)))
                .Where(f => f.At is not null)
                .Select(f => new BackupFile(f.File.Name, f.File.FullName, f.File.Length, f.At!.Value))
                .OrderByDescending(f => f.CreatedAtUtc)
                .ThenByDescending(f => f.Name, StringComparer.Ordinal)];

    /// <summary>China Standard Time, as <see cref="ChinaClock"/> keeps it: UTC+8 all year.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    [GeneratedRegex(@"^huilongba-backup-(?<at>\d{8}-\d{6})(-\d+)?\.zip$")]
    private static partial Regex ArchiveName();
}
