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
    [InlineData("zzzzzzzzzzzz")]
    [InlineData("9876543210")]
    [InlineData("abcdefghijkl")]
    public async Task Common_and_trivial_passwords_are_refused(string password)
    {
        var result = await Validator.ValidateAsync(null!, new AppUser { UserName = "chenjing" }, password);

        Assert.False(result.Succeeded);
        Assert.Equal("CommonPassword", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("tea-house-2026")]
    [InlineData("五云山村的茶很好喝")]
    [InlineData("correct horse battery staple")]
    public async Task Long_uncommon_passphrases_pass(string password)
    {
        var result = await Validator.ValidateAsync(null!, new AppUser { UserName = "chenjing" }, password);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_password_containing_the_user_name_is_refused()
    {
        var result = await Validator.ValidateAsync(null!, new AppUser { UserName = "chenjing" }, "ChenJing-is-me");

        Assert.Equal("PasswordContainsUserName", Assert.Single(result.Errors).Code);
    }
}
