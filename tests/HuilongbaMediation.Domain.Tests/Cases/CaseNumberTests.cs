using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Domain.Tests.Cases;

public sealed class CaseNumberTests
{
    [Theory]
    [InlineData(2026, 1, "（2026）回龙坝人调字第0001号")]
    [InlineData(2026, 219, "（2026）回龙坝人调字第0219号")]
    [InlineData(2027, 12345, "（2027）回龙坝人调字第12345号")]
    public void A_case_number_has_the_year_and_a_four_digit_sequence(int year, int sequence, string expected) =>
        Assert.Equal(expected, CaseNumber.Format(year, sequence));

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(999, 1)]
    [InlineData(10000, 1)]
    public void A_sequence_starts_at_one_and_a_year_has_four_digits(int year, int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumber.Format(year, sequence));

    [Theory]
    [InlineData(2026, 1)]
    [InlineData(2026, 9999)]
    [InlineData(2031, 10000)]
    public void Format_and_parse_round_trip(int year, int sequence)
    {
        Assert.True(CaseNumber.TryParse(CaseNumber.Format(year, sequence), out var parsedYear, out var parsedSequence));
        Assert.Equal((year, sequence), (parsedYear, parsedSequence));
    }

    [Theory]
    [InlineData("(2026)回龙坝人调字第12号", 2026, 12)]
    [InlineData(" （2026）回龙坝人调字第0012号 ", 2026, 12)]
    public void Parsing_accepts_what_people_type(string value, int year, int sequence)
    {
        Assert.True(CaseNumber.TryParse(value, out var parsedYear, out var parsedSequence));
        Assert.Equal((year, sequence), (parsedYear, parsedSequence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("（2026）回龙坝人调字第0000号")]
    [InlineData("（26）回龙坝人调字第0001号")]
    [InlineData("（2026）沙坪坝人调字第0001号")]
    [InlineData("（2026）回龙坝人调字第0001")]
    [InlineData("（2026）回龙坝人调字第12345678901号")]
    public void Parsing_rejects_anything_else(string? value)
    {
        Assert.False(CaseNumber.TryParse(value, out var year, out var sequence));
        Assert.Equal((0, 0), (year, sequence));
    }
}
