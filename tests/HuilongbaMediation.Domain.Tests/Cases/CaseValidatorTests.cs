using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Tests.Common;

namespace HuilongbaMediation.Domain.Tests.Cases;

public sealed class CaseValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly CaseDraft Valid = Scenario.Draft(Today);

    private static IReadOnlyList<FieldError> Errors(CaseDraft draft) => CaseValidator.Validate(draft, Today);

    [Fact]
    public void A_complete_draft_is_valid() => Assert.Empty(Errors(Valid));

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void The_summary_has_10_to_2000_characters(int length, bool valid)
    {
        var errors = Errors(Valid with { Summary = new string('纠', length) });

        var message = length < 10 ? $"纠纷简要情况不少于 10 字（现有 {length} 字）" : $"纠纷简要情况不超过 2000 字（现有 {length} 字）";
        Assert.Equal(valid ? [] : [new FieldError("Summary", message)], errors);
    }

    [Fact]
    public void The_summary_is_required_and_counted_without_surrounding_spaces()
    {
        Assert.Equal([new FieldError("Summary", "请填写纠纷简要情况")], Errors(Valid with { Summary = "   " }));
        Assert.Single(Errors(Valid with { Summary = "  " + new string('纠', 9) + "  " }));
    }

    [Fact]
    public void Filed_on_may_be_today_but_not_tomorrow()
    {
        Assert.Empty(Errors(Valid with { FiledOn = Today }));
        Assert.Equal([new FieldError("FiledOn", $"登记日期不能晚于今天（{Today.ToLabel()}）")], Errors(Valid with { FiledOn = Today.AddDays(1) }));
    }

    [Fact]
    public void Filed_on_has_a_lower_bound_named_in_the_message()
    {
        Assert.Equal(new DateOnly(2000, 1, 1), CaseValidator.EarliestFilingDate);
        Assert.Empty(Errors(Valid with { FiledOn = CaseValidator.EarliestFilingDate }));
        Assert.Equal(
            [new FieldError("FiledOn", "登记日期不能早于2000年1月1日")],
            Errors(Valid with { FiledOn = CaseValidator.EarliestFilingDate.AddDays(-1) }));
        Assert.Equal([new FieldError("FiledOn", "登记日期不能早于2000年1月1日")], Errors(Valid with { FiledOn = new DateOnly(1899, 12, 31) }));
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u3000\u3000")]
    [InlineData("\uFEFF\u2060")]
    [InlineData("\u202E\u3164")]
    public void A_party_name_of_invisible_characters_only_is_refused_as_empty(string name)
    {
        var parties = Valid.Parties.Select((p, i) => i == 0 ? p with { Name = name } : p).ToList();

        Assert.Equal([new FieldError("Parties[0].Name", "请填写当事人姓名")], Errors(Valid with { Parties = parties }));
    }

    [Fact]
    public void A_summary_padded_to_length_with_zero_width_spaces_is_too_short()
    {
        var padded = "邻里纠纷" + new string('\u200B', 20);

        var error = Assert.Single(Errors(Valid with { Summary = padded }));
        Assert.Equal("Summary", error.Field);
        Assert.StartsWith("纠纷简要情况", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-0.01", "涉及金额不能为负数")]
    [InlineData("10.005", "涉及金额最多两位小数")]
    public void The_amount_involved_is_not_negative_and_has_at_most_two_decimals(string amount, string message) =>
        Assert.Equal([new FieldError("AmountInvolved", message)], Errors(Valid with { AmountInvolved = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));

    [Theory]
    [InlineData("0")]
    [InlineData("10.05")]
    [InlineData("10.050")]
    public void Amounts_in_yuan_and_fen_are_valid(string amount) =>
        Assert.Empty(Errors(Valid with { AmountInvolved = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));

    [Fact]
    public void At_least_two_people_are_involved()
    {
        Assert.Equal([new FieldError("PeopleInvolved", "涉及人数至少为 2")], Errors(Valid with { PeopleInvolved = 1 }));
        Assert.Empty(Errors(Valid with { PeopleInvolved = 2 }));
    }

    [Theory]
    [InlineData(PartyRole.Applicant)]
    [InlineData(PartyRole.Respondent)]
    public void A_draft_without_an_applicant_or_a_respondent_is_invalid(PartyRole missing)
    {
        var parties = Valid.Parties.Select(p => p.Role == missing ? p with { Role = PartyRole.ThirdParty } : p).ToList();

        Assert.Equal([new FieldError("Parties", "至少需要一名申请人和一名被申请人")], Errors(Valid with { Parties = parties }));
    }

    [Fact]
    public void Party_fields_are_reported_with_their_index()
    {
        var validId = TestIdNumbers.Make("500106", new DateOnly(1990, 1, 1), 456);
        var parties = Valid.Parties.ToList();
        parties[1] = parties[1] with
        {
            Name = "",
            IdNumber = validId[..17] + (validId[17] == '0' ? '1' : '0'),
            Phone = "12345",
            RegisteredAddress = new string('址', 201),
        };

        Assert.Equal(
            [
                new FieldError("Parties[1].Name", "请填写当事人姓名"),
                new FieldError("Parties[1].IdNumber", "身份证号校验位不正确"),
                new FieldError("Parties[1].Phone", "联系电话须为手机号或带区号的固定电话"),
                new FieldError("Parties[1].RegisteredAddress", "户籍地址不能超过 200 字"),
            ],
            Errors(Valid with { Parties = parties }));
    }

    [Fact]
    public void Names_have_at_most_50_characters()
    {
        var parties = Valid.Parties.Select((p, i) => i == 0 ? p with { Name = new string('名', 51) } : p).ToList();

        Assert.Equal([new FieldError("Parties[0].Name", "当事人姓名不能超过 50 字")], Errors(Valid with { Parties = parties }));
    }

    [Fact]
    public void An_organisation_has_no_gender_or_identity_number()
    {
        var organisation = new PartyDraft
        {
            Role = PartyRole.ThirdParty,
            Kind = PartyKind.Organization,
            Name = "重庆某物流有限公司",
            Gender = Gender.Male,
            IdNumber = Scenario.ApplicantIdNumber,
        };

        Assert.Equal(
            ["Parties[2].Gender", "Parties[2].IdNumber"],
            Errors(Valid with { Parties = [.. Valid.Parties, organisation] }).Select(e => e.Field));
        Assert.Empty(Errors(Valid with { Parties = [.. Valid.Parties, organisation with { Gender = null, IdNumber = null }] }));
    }

    [Fact]
    public void A_high_risk_needs_a_note()
    {
        Assert.Equal([new FieldError("RiskNote", "请填写风险说明")], Errors(Valid with { RiskLevel = RiskLevel.High }));
        Assert.Empty(Errors(Valid with { RiskLevel = RiskLevel.High, RiskNote = "双方曾发生肢体冲突" }));
    }

    [Fact]
    public void Reference_data_must_be_chosen()
    {
        var errors = Errors(Valid with { CategoryId = 0, SourceId = 0, VillageId = 0, MediationKindId = 0, VenueId = 0 });

        Assert.Equal(
            ["请选择纠纷类型", "请选择案件来源", "请选择村（社区）或片区", "请选择调解类型", "请选择调解场所"],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void All_errors_are_reported_at_once()
    {
        var draft = Valid with { Summary = "", AmountInvolved = -1.234m, PeopleInvolved = 0, FiledOn = Today.AddDays(3), Parties = [] };

        Assert.Equal(
            ["Summary", "AmountInvolved", "AmountInvolved", "PeopleInvolved", "FiledOn", "Parties"],
            Errors(draft).Select(e => e.Field));
    }
}
