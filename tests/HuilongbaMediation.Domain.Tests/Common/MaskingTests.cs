using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Tests.Common;

public sealed class MaskingTests
{
    [Fact]
    public void An_identity_number_keeps_its_address_code_and_last_four() =>
        Assert.Equal("500106********1234", Masking.IdNumber("500106199001011234"));

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("023-65123456", "023-****3456")]
    [InlineData("02365123456", "023****3456")]
    [InlineData("010-1234567", "010-***4567")]
    [InlineData("075512345678", "0755****5678")]
    [InlineData("0755-1234567-801", "0755-***4567-801")]
    public void A_phone_keeps_its_prefix_or_area_code_and_last_four(string phone, string masked) =>
        Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("1234", "****")]
    [InlineData("12345678", "123*5678")]
    public void Values_that_are_not_phone_numbers_are_still_masked(string value, string masked) =>
        Assert.Equal(masked, Masking.Phone(value));

    [Fact]
    public void Nothing_stays_nothing()
    {
        Assert.Null(Masking.IdNumber(null));
        Assert.Null(Masking.Phone(null));
        Assert.Equal("**********", Masking.IdNumber("1234567890"));
    }
}
