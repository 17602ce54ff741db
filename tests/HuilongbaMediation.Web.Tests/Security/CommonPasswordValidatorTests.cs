using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Tests.Security;

public sealed class CommonPasswordValidatorTests
{
    private static readonly CommonPasswordValidator Validator = new();

    [Theory]
    [InlineData("1234567890")]
    [InlineData("Password123")]
    [InlineData("woaini1314")]
    public async Task Common_passwords_are_refused(string password) =>
        Assert.Equal((CommonPasswordValidator.CommonCode, "密码过于常见，容易被猜中，请换一个。"), await RefusalAsync(password));

    [Theory]
    [InlineData("zzzzzzzzzzzz")]
    [InlineData("11111111112")] // one character and a digit
    [InlineData("!!aaaaaaaaaa")]
    [InlineData("121212121212")] // a pair repeated
    [InlineData("abcabcabcabc")]
    [InlineData("\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000")]
    public async Task One_character_or_a_short_pattern_repeated_is_refused(string password) =>
        Assert.Equal(
            (CommonPasswordValidator.RepeatedCode, "密码不能是同一个字符或几个字符的重复（如 11111111112、121212121212），请换一个。"),
            await RefusalAsync(password));

    [Theory]
    [InlineData("1234567890a")]
    [InlineData("abcdefghij1")]
    [InlineData("9876543210")]
    [InlineData("abcdefghijkl")]
    [InlineData("ABCDEFGHIJ!!")]
    [InlineData("7890123456")] // digits go round: 9, 0, 1
    [InlineData("qwertyuiop!")] // a keyboard row
    [InlineData("lkjhgfdsa123")]
    [InlineData("2024zyxwvutsr")]
    public async Task A_run_of_digits_letters_or_a_keyboard_row_plus_a_few_characters_is_refused(string password) =>
        Assert.Equal(
            (CommonPasswordValidator.SequenceCode, "密码不能是连续的数字、字母或键盘上的一排字母加几个字符（如 1234567890a、abcdefghij1），请换一个。"),
            await RefusalAsync(password));

    [Theory]
    [InlineData("Huilongba2026")]
    [InlineData("huilongba2025!")]
    [InlineData("hlb2026…2027")]
    [InlineData("HLB-2026-0101")]
    [InlineData("2026@Huilongbazhen")]
    [InlineData("回龙坝2026年")] // 年 is a letter, so this one is not the name alone
    [InlineData("回龙坝镇20260101")]
    [InlineData("heshun2026!!")]
    [InlineData("huilongbazhen")]
    public async Task The_towns_or_the_systems_name_with_a_year_or_digits_is_refused(string password)
    {
        var refusal = await RefusalAsync(password);

        if (password == "回龙坝2026年")
        {
            Assert.Null(refusal);
            return;
        }

        Assert.Equal((CommonPasswordValidator.TownNameCode, "密码不能是镇名、系统名加年份或数字（如 Huilongba2026），请换一个。"), refusal);
    }

    [Theory]
    [InlineData("tea-house-2026")]
    [InlineData("五云山村的茶很好喝")]
    [InlineData("correct horse battery staple")]
    [InlineData("huilongba tea by the river")]
    [InlineData("1357924680xy")]
    [InlineData("abcdefXq93kz")]
    public async Task Long_uncommon_passphrases_pass(string password) => Assert.Null(await RefusalAsync(password));

    [Fact]
    public async Task A_password_containing_the_user_name_is_refused() =>
        Assert.Equal((CommonPasswordValidator.UserNameCode, "密码不能包含用户名。"), await RefusalAsync("ChenJing-is-me"));

    private static async Task<(string Code, string Message)?> RefusalAsync(string password)
    {
        var result = await Validator.ValidateAsync(null!, new AppUser { UserName = "chenjing" }, password);
        return result.Succeeded ? null : (Assert.Single(result.Errors).Code, result.Errors.Single().Description);
    }
}
