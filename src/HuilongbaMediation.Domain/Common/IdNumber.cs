using System.Globalization;

namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// The 18-digit citizen identity number (公民身份号码) of GB 11643-1999: a 6-digit address code, the birth date
/// as yyyyMMdd, a 3-digit sequence, and a check digit (ISO 7064 MOD 11-2, where 10 is written X).
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckDigits = "10X98765432";

    /// <summary>Whether <paramref name="value"/> is a well-formed identity number; see <see cref="Validate"/>.</summary>
    public static bool IsValid(string? value, DateOnly? today = null) => Validate(value, today) is null;

    /// <summary>
    /// Null when <paramref name="value"/> is a valid identity number, else the reason in Chinese: not 17 digits
    /// plus a digit or X (lower-case x accepted), a birth date that does not exist, is before 1900 or after
    /// <paramref name="today"/> when given, or a wrong check digit.
    /// </summary>
    public static string? Validate(string? value, DateOnly? today = null)
    {
        if (value is not { Length: 18 } || !value.AsSpan(0, 17).ContainsOnlyDigits() || !IsCheckCharacter(value[17]))
        {
            return "身份证号须为 18 位：17 位数字加 1 位数字或 X";
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate.Year < 1900
            || birthDate > today)
        {
            return "身份证号中的出生日期无效";
        }

        return char.ToUpperInvariant(value[17]) == CheckDigit(value.AsSpan(0, 17)) ? null : "身份证号校验位不正确";
    }

    /// <summary>The birth date an identity number carries; null when <paramref name="value"/> is not a valid number.</summary>
    public static DateOnly? BirthDateOf(string? value) =>
        Validate(value) is null
            ? DateOnly.ParseExact(value!.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture)
            : null;

    /// <summary>Whole years of age on <paramref name="day"/> of someone born on <paramref name="birthDate"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return day < birthDate.AddYears(age) ? age - 1 : age;
    }

    private static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckDigits[sum % 11];
    }

    private static bool IsCheckCharacter(char c) => char.IsAsciiDigit(c) || c is 'X' or 'x';

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
