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

    [Theory]
    [InlineData("回龙坝镇大水沟村3组12号", "回龙坝镇大水沟村…")]
    [InlineData("重庆市沙坪坝区回龙坝镇聚龙城社区5栋2单元", "重庆市沙坪坝区回龙坝镇聚龙城社区…")]
    [InlineData("沙坪坝区学城大道62号", "沙坪坝区学城大道…")]
    [InlineData("回龙坝镇物流园片区A区3号仓", "回龙坝镇物流园片区…")]
    [InlineData("沙坪坝区回龙坝镇某某号", "沙坪坝区回龙坝镇…")]
    [InlineData("重庆市沙坪坝区某某号", "重庆市沙坪坝区…")]
    [InlineData("五云山村", "五云山村")]
    [InlineData("某某号", "…")]
    public void An_address_is_shortened_to_its_village_or_street(string address, string shown) =>
        Assert.Equal(shown, Masking.Address(address));
}
