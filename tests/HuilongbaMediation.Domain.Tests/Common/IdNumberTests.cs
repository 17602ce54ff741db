using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Tests.Common;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    public void A_known_identity_number_ending_in_X_is_valid(string value) => Assert.True(IdNumber.IsValid(value, Today));

    public static TheoryData<string> Computed()
    {
        var data = new TheoryData<string>();
        foreach (var checkDigit in "0123456789X")
        {
            data.Add(TestIdNumbers.EndingIn(checkDigit, "500106", new DateOnly(1990, 1, 1)).First());
        }

        data.Add(TestIdNumbers.Make("500106", new DateOnly(2000, 2, 29), 7));
        data.Add(TestIdNumbers.Make("820000", new DateOnly(1900, 1, 1), 999));
        data.Add(TestIdNumbers.Make("500106", Today, 1));
        return data;
    }

    [Theory]
    [MemberData(nameof(Computed))]
    public void Identity_numbers_with_the_right_check_digit_are_valid(string value)
    {
        Assert.Null(IdNumber.Validate(value, Today));
        Assert.True(IdNumber.IsValid(value));
    }

    [Theory]
    [MemberData(nameof(Computed))]
    public void Every_other_check_digit_is_wrong(string value)
    {
        foreach (var wrong in "0123456789X".Where(c => c != value[17]))
        {
            Assert.Equal("身份证号校验位不正确", IdNumber.Validate(value[..17] + wrong, Today));
        }
    }

    [Theory]
    [InlineData(1990, 2, 30)]
    [InlineData(1899, 12, 31)]
    [InlineData(2026, 3, 3)]
    public void A_birth_date_that_does_not_exist_is_too_early_or_in_the_future_is_invalid(int year, int month, int day)
    {
        var first17 = $"500106{year:D4}{month:D2}{day:D2}123";
        var anyCheck = first17 + "0";

        Assert.Equal("身份证号中的出生日期无效", IdNumber.Validate(anyCheck, Today));
    }

    [Fact]
    public void A_future_birth_date_is_only_caught_when_today_is_given()
    {
        var bornTomorrow = TestIdNumbers.Make("500106", Today.AddDays(1), 1);

        Assert.False(IdNumber.IsValid(bornTomorrow, Today));
        Assert.True(IdNumber.IsValid(bornTomorrow));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("50010619900101123")]
    [InlineData("5001061990010112345")]
    [InlineData("500106199001011X34")]
    [InlineData("50010619900101123Y")]
    [InlineData("５00106199001011234")]
    [InlineData("500106900101123")]
    public void Anything_but_17_digits_and_a_check_character_is_invalid(string? value) =>
        Assert.Equal("身份证号须为 18 位：17 位数字加 1 位数字或 X", IdNumber.Validate(value, Today));
}
