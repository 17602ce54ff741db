using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace HuilongbaMediation.Web.Security;

/// <summary>
/// Refuses passwords that appear on lists of the most common ones (OWASP ASVS V6.2), and the user's own name.
/// Length is checked by Identity's own options (at least 10, no composition rules).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
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

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (Common.Contains(password) || IsRepeatOrSequence(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "密码过于常见，容易被猜中，请换一个。",
            }));
        }

        if (user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsUserName",
                Description = "密码不能包含用户名。",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>"aaaaaaaaaa", "0123456789", "9876543210": one character, or one step up or down throughout.</summary>
    private static bool IsRepeatOrSequence(string password)
    {
        var steps = password.Zip(password.Skip(1), (a, b) => b - a).Distinct().ToList();
        return steps.Count == 1 && Math.Abs(steps[0]) <= 1;
    }
}
