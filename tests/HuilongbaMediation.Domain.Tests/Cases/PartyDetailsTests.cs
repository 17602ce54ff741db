using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>The party details the official forms ask for: 民族, 出生日期 or 年龄, 职业, 法定代表人, 委托代理人.</summary>
public sealed class PartyDetailsTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly CaseDraft Valid = Scenario.Draft(Today);

    /// <summary>The applicant (born 1990-01-01 by the identity number) with changes.</summary>
    private static IReadOnlyList<FieldError> Applicant(Func<PartyDraft, PartyDraft> change) =>
        CaseValidator.Validate(Valid with { Parties = [change(Valid.Parties[0]), Valid.Parties[1]] }, Today);

    /// <summary>The respondent as an organisation, with changes.</summary>
    private static IReadOnlyList<FieldError> Organization(Func<PartyDraft, PartyDraft> change) =>
        CaseValidator.Validate(
            Valid with { Parties = [Valid.Parties[0], change(new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Organization, Name = "重庆顺达物流有限公司" })] },
            Today);

    [Fact]
    public void A_person_with_every_detail_is_valid_and_keeps_them()
    {
        var party = Valid.Parties[0] with
        {
            Ethnicity = "土家族",
            BirthDate = new DateOnly(1990, 1, 1),
            Occupation = "个体经营",
            AgentName = "张小三",
            AgentRelationship = "申请人之子",
            AgentAuthority = AgentAuthority.Special,
            AgentScope = "代为参加调解、代为签署调解协议",
        };
        var draft = Valid with { Parties = [party, Valid.Parties[1]] };

        Assert.Empty(CaseValidator.Validate(draft, Today));
        var filed = MediationCase.File(draft, Actors.VillageHead, new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), Today).Value.Parties[0];
        Assert.Equal(
            ("土家族", new DateOnly(1990, 1, 1), "个体经营", "张小三", "申请人之子", AgentAuthority.Special, "代为参加调解、代为签署调解协议"),
            (filed.Ethnicity, filed.BirthDate, filed.Occupation, filed.AgentName, filed.AgentRelationship, filed.AgentAuthority, filed.AgentScope));
        Assert.True(filed.HasAgent);
        Assert.Equal(36, filed.AgeOn(Today));
    }

    [Fact]
    public void The_birth_date_comes_from_the_identity_number_when_not_entered()
    {
        var filed = MediationCase.File(Valid, Actors.VillageHead, new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), Today).Value.Parties;

        Assert.Equal(new DateOnly(1990, 1, 1), filed[0].BirthDateKnown);
        Assert.Null(filed[0].BirthDate);
        Assert.Null(filed[1].BirthDateKnown);
        Assert.Null(filed[1].AgeOn(Today));
    }

    [Theory]
    [InlineData("汉族", null)]
    [InlineData("外国血统中国籍人士", null)]
    [InlineData("汉", "请从列表中选择民族")]
    [InlineData("Han", "请从列表中选择民族")]
    public void The_ethnicity_is_one_of_GB_3304(string ethnicity, string? message) =>
        Assert.Equal(message is null ? [] : [new FieldError("Parties[0].Ethnicity", message)], Applicant(p => p with { Ethnicity = ethnicity }));

    [Fact]
    public void Fifty_six_nationalities_and_two_other_entries_are_offered_with_han_first()
    {
        Assert.Equal(58, Ethnicities.All.Count);
        Assert.Equal(58, Ethnicities.All.Distinct().Count());
        Assert.Equal("汉族", Ethnicities.All[0]);
        Assert.All(Ethnicities.All.Take(56), e => Assert.EndsWith("族", e, StringComparison.Ordinal));
    }

    [Fact]
    public void A_birth_date_must_agree_with_the_identity_number_and_lie_between_1900_and_today()
    {
        Assert.Equal(
            [new FieldError("Parties[0].BirthDate", "出生日期与身份证号不符（身份证号中为1990年1月1日）")],
            Applicant(p => p with { BirthDate = new DateOnly(1990, 1, 2) }));
        Assert.Equal(
            [new FieldError("Parties[0].BirthDate", "出生日期不能晚于今天（2026年3月2日）")],
            Applicant(p => p with { IdNumber = null, BirthDate = Today.AddDays(1) }));
        Assert.Equal(
            [new FieldError("Parties[0].BirthDate", "出生日期不能早于1900年1月1日")],
            Applicant(p => p with { IdNumber = null, BirthDate = new DateOnly(1899, 12, 31) }));
    }

    [Theory]
    [InlineData(null, 36, null)] // the identity number says 1990-01-01: 36 on 2026-03-02
    [InlineData(null, 35, "年龄与出生日期不符（应为 36 岁）")]
    [InlineData("none", 47, null)] // no identity number, no birth date: the age as entered
    [InlineData("none", 121, "年龄须在 0 到 120 岁之间")]
    [InlineData("none", -1, "年龄须在 0 到 120 岁之间")]
    public void An_age_is_0_to_120_and_agrees_with_a_known_birth_date(string? idNumber, int age, string? message) =>
        Assert.Equal(
            message is null ? [] : [new FieldError("Parties[0].Age", message)],
            Applicant(p => p with { IdNumber = idNumber == "none" ? null : p.IdNumber, Age = age }));

    [Fact]
    public void A_person_has_no_legal_representative_and_an_organisation_no_personal_details()
    {
        Assert.Equal(
            [new FieldError("Parties[0].LegalRepresentative", "个人当事人不填写法定代表人")],
            Applicant(p => p with { LegalRepresentative = "王五" }));
        Assert.Equal(
            [
                new FieldError("Parties[1].Ethnicity", "单位当事人不填写民族"),
                new FieldError("Parties[1].BirthDate", "单位当事人不填写出生日期"),
                new FieldError("Parties[1].Age", "单位当事人不填写年龄"),
                new FieldError("Parties[1].Occupation", "单位当事人不填写职业"),
            ],
            Organization(p => p with { Ethnicity = "汉族", BirthDate = new DateOnly(1980, 1, 1), Age = 46, Occupation = "经理" }));
        Assert.Empty(Organization(p => p with { LegalRepresentative = "陈志远", LegalRepresentativeTitle = "总经理" }));
        Assert.Equal(
            [new FieldError("Parties[1].LegalRepresentative", "请填写法定代表人姓名")],
            Organization(p => p with { LegalRepresentativeTitle = "总经理" }));
    }

    [Fact]
    public void An_agent_needs_a_name_and_an_authority_and_a_special_one_names_its_matters()
    {
        Assert.Equal(
            [new FieldError("Parties[0].AgentAuthority", "请选择代理权限")],
            Applicant(p => p with { AgentName = "张小三" }));
        Assert.Equal(
            [new FieldError("Parties[0].AgentScope", "请填写特别授权的代理事项")],
            Applicant(p => p with { AgentName = "张小三", AgentAuthority = AgentAuthority.Special }));
        Assert.Empty(Applicant(p => p with { AgentName = "张小三", AgentAuthority = AgentAuthority.General }));
        Assert.Equal(
            [new FieldError("Parties[0].AgentName", "请填写委托代理人姓名")],
            Applicant(p => p with { AgentRelationship = "儿子", AgentAuthority = AgentAuthority.General }));
        Assert.Empty(Organization(p => p with { AgentName = "刘律师", AgentRelationship = "重庆某律师事务所", AgentAuthority = AgentAuthority.General }));
    }

    [Fact]
    public void Agent_details_without_an_agent_are_not_kept()
    {
        var party = Party(Valid.Parties[0] with { AgentName = "  ", AgentAuthority = null, AgentScope = null });

        Assert.False(party.HasAgent);
        Assert.Null(party.AgentAuthority);
    }

    private static Party Party(PartyDraft draft) =>
        MediationCase.File(Valid with { Parties = [draft, Valid.Parties[1]] }, Actors.VillageHead, new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), Today).Value.Parties[0];
}
