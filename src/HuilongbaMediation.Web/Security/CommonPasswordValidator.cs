using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace HuilongbaMediation.Web.Security;

/// <summary>
/// Refuses the passwords an attacker tries first (OWASP ASVS V6.2), each with its own Chinese message: those on lists
/// of the most common ones; one character repeated, or a short pattern repeated (<c>11111111112</c>,
/// <c>121212121212</c>); a run of digits, letters or a keyboard row with a few characters added (<c>1234567890a</c>,
/// <c>abcdefghij1</c>, <c>qwertyuiop!</c>); the town's or the system's name with a year or digits
/// (<c>Huilongba2026</c>, <c>huilongba2025!</c>, <c>hlb2026…</c>); and passwords containing the user name.
/// Length is checked by Identity's own options (at least 10, no composition rules).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string CommonCode = "CommonPassword";
    public const string RepeatedCode = "PasswordRepeatsCharacters";
    public const string SequenceCode = "PasswordIsSequence";
    public const string TownNameCode = "PasswordIsTownName";
    public const string UserNameCode = "PasswordContainsUserName";

    /// <summary>How many characters around a run still make it "a run plus a digit": 1234567890a, !abcdefghij1, abcdefgh2026.</summary>
    private const int MaxDecoration = 4;

    /// <summary>A shorter run is not a pattern by itself; the length rule (10) keeps cores of real passwords longer.</summary>
    private const int MinCore = 6;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "123456789a", "0123456789", "1111111111", "0000000000", "1234512345",
        "1q2w3e4r5t", "qwertyuiop", "qwerty1234", "1qaz2wsx3edc", "asdfghjkl1", "zxcvbnm123", "password12",
        "password123", "password1234", "passw0rd12", "p@ssw0rd12", "iloveyou12", "abcdefghij", "abc1234567",
        "a123456789", "aa12345678", "woaini1314", "woaini520520", "5201314520", "1314520520", "admin12345",
        "administrator", "admin123456", "huilongba1", "huilongba123", "qwer123456", "zaq12wsxcde",
        "changeme123", "welcome123", "letmein123", "football12", "baseball12", "dragon1234", "monkey1234",
        "sunshine12", "princess12", "trustno1234", "superman12", "1234qwer!@", "q1w2e3r4t5", "1a2b3c4d5e",
    };

    /// <summary>Orders people walk along: digits (9 is followed by 0), the alphabet and the keyboard's letter rows.</summary>
    private static readonly (string Order, bool Cyclic)[] Walks =
    [
        ("0123456789", true),
        ("abcdefghijklmnopqrstuvwxyz", false),
        ("qwertyuiop", false),
        ("asdfghjkl", false),
        ("zxcvbnm", false),
    ];

    /// <summary>
    /// The town (回龙坝镇 Huilongba, hlb), the system (和顺调解 heshun), the district and city it is in: with only digits
    /// and symbols around them these are the first thing tried against a town office.
    /// </summary>
    private static readonly HashSet<string> TownNames = new(StringComparer.Ordinal)
    {
        "huilongba", "huilongbazhen", "hlb", "hlbz", "回龙坝", "回龙坝镇",
        "heshun", "heshuntiaojie", "hs", "hstj", "和顺", "和顺调解",
        "shapingba", "spb", "沙坪坝", "chongqing", "cq", "重庆",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Check(password, user.UserName) is { } error ? IdentityResult.Failed(error) : IdentityResult.Success);

    /// <summary>The first rule the password breaks, or null.</summary>
    public static IdentityError? Check(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }

        if (Common.Contains(password))
        {
            return Error(CommonCode, "密码过于常见，容易被猜中，请换一个。");
        }

        var lower = password.ToLowerInvariant();
        if (Cores(lower).Any(IsRepetition))
        {
            return Error(RepeatedCode, "密码不能是同一个字符或几个字符的重复（如 11111111112、121212121212），请换一个。");
        }

        if (Cores(lower).Any(IsWalk))
        {
            return Error(SequenceCode, "密码不能是连续的数字、字母或键盘上的一排字母加几个字符（如 1234567890a、abcdefghij1），请换一个。");
        }

        if (IsTownNameWithDigits(lower))
        {
            return Error(TownNameCode, "密码不能是镇名、系统名加年份或数字（如 Huilongba2026），请换一个。");
        }

        if (userName is { Length: > 0 } && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return Error(UserNameCode, "密码不能包含用户名。");
        }

        return null;
    }

    /// <summary>The password without up to four characters (a year) at either end: where a run's "plus a digit" would be.</summary>
    private static IEnumerable<string> Cores(string password)
    {
        for (var front = 0; front <= MaxDecoration; front++)
        {
            for (var back = 0; back <= MaxDecoration; back++)
            {
                var length = password.Length - front - back;
                if (length >= MinCore)
                {
                    yield return password.Substring(front, length);
                }
            }
        }
    }

    /// <summary>aaaaaaa, or a unit of up to four characters repeated at least three times (121212, abcabcabc).</summary>
    private static bool IsRepetition(string core)
    {
        for (var unit = 1; unit <= 4 && unit * 3 <= core.Length; unit++)
        {
            if (core.Length % unit == 0 && Enumerable.Range(unit, core.Length - unit).All(i => core[i] == core[i - unit]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every step one place forward, or every step one place back, along one of the <see cref="Walks"/>.</summary>
    private static bool IsWalk(string core)
    {
        foreach (var (order, cyclic) in Walks)
        {
            var positions = core.Select(c => order.IndexOf(c, StringComparison.Ordinal)).ToList();
            if (positions.Any(p => p < 0))
            {
                continue;
            }

            foreach (var direction in new[] { 1, -1 })
            {
                var steps = positions.Zip(positions.Skip(1), (a, b) => cyclic ? ((b - a) % order.Length + order.Length) % order.Length : b - a);
                var expected = cyclic ? (direction + order.Length) % order.Length : direction;
                if (steps.All(s => s == expected))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What is left without digits, punctuation, symbols and spaces is one of the <see cref="TownNames"/>.</summary>
    private static bool IsTownNameWithDigits(string password) => TownNames.Contains(string.Concat(password.Where(char.IsLetter)));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
