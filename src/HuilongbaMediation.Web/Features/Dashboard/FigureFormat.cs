using System.Globalization;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>How the figures are written, the same on the page, in the exports and in the annual report.</summary>
public static class FigureFormat
{
    /// <summary>Shown for a rate or average of nothing (a denominator of 0).</summary>
    public const string None = "—";

    /// <summary>"71.4%", or — when there was nothing to divide by.</summary>
    public static string Rate(decimal? rate) =>
        rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    /// <summary>"13.8" days, or —.</summary>
    public static string Days(decimal? days) => days is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : None;

    /// <summary>"58,000.50" yuan.</summary>
    public static string Yuan(decimal yuan) => yuan.ToString("N2", CultureInfo.InvariantCulture);

    public static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
