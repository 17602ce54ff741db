using System.Diagnostics.CodeAnalysis;

namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// How a person's identity number and phone are shown everywhere, exports included (DOMAIN.md): enough to tell
/// people apart, not enough to use. Showing one in full is the recorded action RevealPersonalData.
/// </summary>
public static partial class Masking
{
    /// <summary><c>500106199001011234</c> → <c>500106********1234</c>: the address code and the last four stay.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? IdNumber(string? value) => value is null ? null : Keep(value, 6, 4);

    /// <summary>
    /// <c>13812341234</c> → <c>138****1234</c>; a landline keeps its area code and the last four digits of the
    /// number: <c>023-65123456</c> → <c>023-****3456</c>.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Phone(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Common.Phone.TryParseLandline(value, out var area, out var dash, out var number, out var extension)
            ? area + dash + Keep(number, 0, 4) + extension
            : Keep(value, 3, 4);
    }

    /// <summary>
    /// An address shortened to its village, community or street for those who may not have the original documents:
    /// <c>回龙坝镇大水沟村3组12号</c> → <c>回龙坝镇大水沟村…</c>, <c>沙坪坝区学城大道62号</c> → <c>沙坪坝区学城大道…</c>. An
    /// address with no such part keeps only its town or district, else nothing.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Address(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cut = VillageOrStreet().Match(value) is { Success: true } village ? village.Length
            : Town().Match(value) is { Success: true } town ? town.Length
            : District().Match(value) is { Success: true } district ? district.Length
            : 0;
        return cut >= value.Length ? value : string.Concat(value.AsSpan(0, cut), "…");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^.*?(村|社区|小区|片区|街道|大道|路|街|巷)")]
    private static partial System.Text.RegularExpressions.Regex VillageOrStreet();

    [System.Text.RegularExpressions.GeneratedRegex("^.*?(镇|乡)")]
    private static partial System.Text.RegularExpressions.Regex Town();

    [System.Text.RegularExpressions.GeneratedRegex("^.*?(区|县)")]
    private static partial System.Text.RegularExpressions.Regex District();

    /// <summary>Keeps the first and last characters and stars the rest; values too short to keep anything are starred whole.</summary>
    private static string Keep(string value, int first, int last) =>
        value.Length <= first + last
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, first), new string('*', value.Length - first - last), value.AsSpan(value.Length - last));
}
