using System.Globalization;
using System.Text.RegularExpressions;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 案号: <c>（2026）回龙坝人调字第0001号</c> — the year of filing and a per-year sequence of at least four digits.
/// The web layer picks the sequence inside the filing transaction (unique, no gaps).
/// </summary>
public static partial class CaseNumber
{
    public static string Format(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"（{year}）回龙坝人调字第{sequence:D4}号");
    }

    /// <summary>
    /// Reads a case number back. Lenient in what people type into a search box: ASCII or full-width parentheses,
    /// surrounding spaces, and a sequence without leading zeros (<c>(2026)回龙坝人调字第12号</c>).
    /// </summary>
    public static bool TryParse(string? value, out int year, out int sequence)
    {
        var match = Pattern().Match(value ?? "");
        (year, sequence) = match.Success ? (Number(match.Groups["year"]), Number(match.Groups["sequence"])) : (0, 0);
        return match.Success;
    }

    private static int Number(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*[（(](?<year>[1-9]\d{3})[）)]回龙坝人调字第(?<sequence>0*[1-9]\d{0,8})号\s*$")]
    private static partial Regex Pattern();
}
