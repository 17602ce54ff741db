using System.Diagnostics.CodeAnalysis;

namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// How a person's identity number and phone are shown everywhere, exports included (DOMAIN.md): enough to tell
/// people apart, not enough to use. Showing one in full is the recorded action RevealPersonalData.
/// </summary>
public static class Masking
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

    /// <summary>Keeps the first and last characters and stars the rest; values too short to keep anything are starred whole.</summary>
    private static string Keep(string value, int first, int last) =>
        value.Length <= first + last
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, first), new string('*', value.Length - first - last), value.AsSpan(value.Length - last));
}
