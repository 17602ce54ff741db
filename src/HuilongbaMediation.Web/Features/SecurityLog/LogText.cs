using System.Globalization;
using System.Resources;
using HuilongbaMediation.Web.Resources;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>
/// Texts as the security log stores them: in Chinese (the neutral resources) whatever language the administrator's
/// page is in, since the log is a record of the town's office, like a case's history.
/// </summary>
internal static class LogText
{
    private static readonly ResourceManager Shared = new(typeof(SharedResource));
    private static readonly ResourceManager Security = new(typeof(SecurityText));

    public static string Of(string key) => Shared.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string OfLog(string key) => Security.GetString(key, CultureInfo.InvariantCulture) ?? key;
}
