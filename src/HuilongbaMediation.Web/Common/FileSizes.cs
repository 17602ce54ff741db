using System.Globalization;

namespace HuilongbaMediation.Web.Common;

/// <summary>A file's size as people read it: KB below a megabyte (at least 1 KB), MB with one decimal above.</summary>
public static class FileSizes
{
    public static string Format(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");
}
