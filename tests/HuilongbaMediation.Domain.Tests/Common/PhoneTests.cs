using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Tests.Common;

public sealed class PhoneTests
{
    [Theory]
    [InlineData("13812341234")]
    [InlineData("19912341234")]
    [InlineData("023-65123456")]
    [InlineData("02365123456")]
    [InlineData("010-1234567")]
    [InlineData("0755-12345678")]
    [InlineData("023-65123456-801")]
    public void Mobile_numbers_and_landlines_with_area_code_are_valid(string value) => Assert.True(Phone.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12812341234")]
    [InlineData("1381234123")]
    [InlineData("138123412345")]
    [InlineData("+8613812341234")]
    [InlineData("65123456")]
    [InlineData("023-651234")]
    [InlineData("23-65123456")]
    [InlineData("023 65123456")]
    [InlineData("023-65123456-")]
    public void Anything_else_is_invalid(string? value) => Assert.False(Phone.IsValid(value));
}
