using System.Text.RegularExpressions;

namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// A phone number as parties give it: a mainland mobile number (1[3-9] and 9 more digits) or a landline with its
/// area code (0 and 2–3 digits, an optional dash, 7–8 digits, optionally "-extension").
/// </summary>
public static partial class Phone
{
    /// <summary>Whether <paramref name="value"/> is a mainland mobile number or a landline with area code.</summary>
    public static bool IsValid(string? value) => value is not null && (MobilePattern().IsMatch(value) || LandlinePattern().IsMatch(value));

    /// <summary>Splits a valid landline into area code, dash ("" or "-"), subscriber number and extension ("" or "-123").</summary>
    internal static bool TryParseLandline(string value, out string areaCode, out string dash, out string number, out string extension)
    {
        var match = LandlinePattern().Match(value);
        if (!match.Success)
        {
            (areaCode, dash, number, extension) = ("", "", "", "");
            return false;
        }

        // Without a dash the split is ambiguous; China's three-digit area codes are exactly 010 and 020–029.
        var digits = match.Groups["area"].Value + match.Groups["number"].Value;
        var dashed = match.Groups["dash"].Value;
        var areaLength = dashed.Length > 0 ? match.Groups["area"].Value.Length : digits[1] is '1' or '2' ? 3 : 4;
        (areaCode, dash, number, extension) = (digits[..areaLength], dashed, digits[areaLength..], match.Groups["ext"].Value);
        return true;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^(?<area>0\d{2,3})(?<dash>-?)(?<number>\d{7,8})(?<ext>-\d{1,6})?$")]
    private static partial Regex LandlinePattern();
}
