using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Import;

namespace HuilongbaMediation.Web.Tests.Features.Import;

/// <summary>Cell values in the forms offices type them.</summary>
public sealed class LedgerValuesTests
{
    public static TheoryData<object?> January3 => new()
    {
        "2022-01-03", "2022/1/3", "2022.01.03", "2022年1月3日", "2022年01月03号", " 2022 - 1 - 3 ", "２０２２－０１－０３", "20220103", "2022-01-03 14:30",
        new DateTime(2022, 1, 3), new DateTime(2022, 1, 3).ToOADate(), "44564", 44564.5, 20220103d,
    };

    [Theory]
    [MemberData(nameof(January3))]
    public void A_date_in_any_of_the_usual_forms_is_read(object? cell) =>
        Assert.Equal((new DateOnly(2022, 1, 3), (string?)null), LedgerValues.Date(cell));

    [Theory]
    [InlineData("2022-02-30")]
    [InlineData("2022年13月1日")]
    [InlineData("去年冬天")]
    [InlineData("12")]
    public void A_date_that_is_none_is_said_so(string cell)
    {
        var (value, problem) = LedgerValues.Date(cell);

        Assert.Null(value);
        Assert.Equal($"无法识别的日期「{cell}」", problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("无")]
    [InlineData("/")]
    public void An_empty_date_is_no_date_and_no_problem(string? cell) => Assert.Equal((null, null), LedgerValues.Date(cell));

    [Theory]
    [InlineData("12000", "12000")]
    [InlineData("1.2万", "12000")]
    [InlineData("1.2万元", "12000")]
    [InlineData("12,000元", "12000")]
    [InlineData("１２，０００元", "12000")]
    [InlineData("¥3500.50", "3500.50")]
    [InlineData("人民币800元", "800")]
    [InlineData("0.08万", "800")]
    public void An_amount_in_any_of_the_usual_forms_is_read(string cell, string yuan) =>
        Assert.Equal((decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), (string?)null), LedgerValues.Amount(cell));

    [Fact]
    public void Numbers_are_amounts_and_in_a_column_headed_in_ten_thousands_they_are_ten_thousands()
    {
        Assert.Equal((8800.5m, (string?)null), LedgerValues.Amount(8800.5));
        Assert.Equal((15000m, (string?)null), LedgerValues.Amount(1.5, tenThousands: true));
        Assert.Equal((15000m, (string?)null), LedgerValues.Amount("1.5", tenThousands: true));
    }

    [Theory]
    [InlineData("一万二")]
    [InlineData("-500")]
    [InlineData("约5000")]
    public void An_amount_that_is_none_is_said_so(string cell) => Assert.NotNull(LedgerValues.Amount(cell).Problem);

    [Theory]
    [InlineData("", AgreementKind.Written)]
    [InlineData("书面", AgreementKind.Written)]
    [InlineData("调解协议书", AgreementKind.Written)]
    [InlineData("口头", AgreementKind.Oral)]
    [InlineData("口头协议", AgreementKind.Oral)]
    public void The_form_of_agreement_is_read(string cell, AgreementKind kind) => Assert.Equal((kind, (string?)null), LedgerValues.Agreement(cell));

    [Theory]
    [InlineData("所属村（社区）", LedgerField.Village)]
    [InlineData("所属村(社区)", LedgerField.Village)]
    [InlineData(" 登 记 日 期 ", LedgerField.FiledOn)]
    [InlineData("*受理日期", LedgerField.FiledOn)]
    [InlineData("办结日期", LedgerField.ClosedOn)]
    [InlineData("简要案情", LedgerField.Summary)]
    [InlineData("当事人", LedgerField.Applicant)]
    [InlineData("类别", LedgerField.Category)]
    [InlineData("涉及金额（元）", LedgerField.Amount)]
    [InlineData("序号", null)]
    public void Headings_are_matched_by_their_usual_names(string heading, LedgerField? field) => Assert.Equal(field, LedgerFields.Of(heading));
}
