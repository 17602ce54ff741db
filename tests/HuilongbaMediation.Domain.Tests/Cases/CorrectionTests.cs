using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Tests.Common;
using static HuilongbaMediation.Domain.Tests.Cases.Scenario;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>Corrections after filing: a party's details, a party added, the handling committee.</summary>
public sealed class CorrectionTests
{
    private readonly Scenario _scenario = new();

    private PartyCorrection Applicant(Func<PartyDraft, PartyDraft> change) =>
        new() { PartyId = 1, Party = change(Draft(_scenario.Today).Parties[0] with { IdNumber = null, Phone = null }) };

    [Fact]
    public void A_correction_changes_the_party_and_the_history_says_what_changed_with_numbers_masked()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var newId = TestIdNumbers.Make("500106", new DateOnly(1985, 6, 1), 77);

        Ok(@case.CorrectParty(Actors.Lead, _scenario.Tick(), Applicant(p => p with
        {
            IdNumber = newId,
            Phone = "13999998888",
            CurrentAddress = "回龙坝镇五云山村2组",
            Ethnicity = "土家族",
            Occupation = "务农",
        })));

        var party = @case.Parties[0];
        Assert.Equal((newId, "13999998888", "回龙坝镇五云山村2组", "土家族", "务农"), (party.IdNumber, party.Phone, party.CurrentAddress, party.Ethnicity, party.Occupation));
        var entry = @case.History[^1];
        Assert.Equal(nameof(CaseAction.CorrectParty), entry.Action);
        Assert.Equal(
            $"更正当事人张三的信息：身份证号 {Masking.IdNumber(ApplicantIdNumber)} → {Masking.IdNumber(newId)}；联系电话 138****1234 → 139****8888；"
            + "现住址 回龙坝镇聚龙城社区5栋 → 回龙坝镇五云山村2组；民族 （空） → 土家族；职业 （空） → 务农",
            entry.Details);
        Assert.DoesNotContain(newId, entry.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantIdNumber, entry.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("13999998888", entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_identity_number_or_phone_keeps_the_one_on_record_and_clearing_removes_it()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Ok(@case.CorrectParty(Actors.Lead, _scenario.Tick(), Applicant(p => p with { Occupation = "教师" })));
        Assert.Equal((ApplicantIdNumber, ApplicantPhone), (@case.Parties[0].IdNumber, @case.Parties[0].Phone));
        Assert.Equal("更正当事人张三的信息：职业 （空） → 教师", @case.History[^1].Details);

        Ok(@case.CorrectParty(Actors.Lead, _scenario.Tick(), Applicant(p => p with { Occupation = "教师" }) with { ClearPhone = true }));
        Assert.Equal((ApplicantIdNumber, (string?)null), (@case.Parties[0].IdNumber, @case.Parties[0].Phone));
        Assert.Equal("更正当事人张三的信息：联系电话 138****1234 → （空）", @case.History[^1].Details);
    }

    [Fact]
    public void A_change_hidden_by_the_mask_is_still_told()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        // Another birth date, the same sequence and check digit: the masked numbers read the same.
        var sameEnds = Enumerable.Range(1, 364)
            .Select(day => TestIdNumbers.Make("500106", new DateOnly(1990, 1, 1).AddDays(day), 123))
            .First(id => id[^1] == ApplicantIdNumber[^1]);
        Assert.Equal(Masking.IdNumber(ApplicantIdNumber), Masking.IdNumber(sameEnds));

        Ok(@case.CorrectParty(Actors.Lead, _scenario.Tick(), Applicant(p => p with { IdNumber = sameEnds })));

        Assert.Equal($"更正当事人张三的信息：身份证号 {Masking.IdNumber(sameEnds)} → {Masking.IdNumber(sameEnds)}（中间位已更正）", @case.History[^1].Details);
    }

    [Fact]
    public void A_correction_is_checked_as_at_filing_and_refused_whole()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var count = @case.History.Count;

        var result = @case.CorrectParty(Actors.Lead, _scenario.Tick(), Applicant(p => p with { Name = " ", Phone = "12345", Role = PartyRole.ThirdParty }));

        Assert.Equal(WorkflowResultKind.Invalid, result.Kind);
        Assert.Contains(result.Errors, e => e is { Field: "Name", Message: "请填写当事人姓名" });
        Assert.Contains(result.Errors, e => e is { Field: "Phone", Message: "联系电话须为手机号或带区号的固定电话" });
        Assert.Contains(result.Errors, e => e is { Field: "Role", Message: "案件须保留至少一名申请人和一名被申请人" });
        Assert.Equal(("张三", ApplicantPhone, count), (@case.Parties[0].Name, @case.Parties[0].Phone, @case.History.Count));
    }

    [Fact]
    public void A_correction_that_changes_nothing_is_refused()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        var result = @case.CorrectParty(Actors.Lead, _scenario.Tick(), Applicant(p => p));

        Assert.Equal(WorkflowResultKind.Invalid, result.Kind);
        Assert.Equal("没有需要更正的内容", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Terminated)]
    [InlineData(CaseStatus.ReferralApproved)]
    [InlineData(CaseStatus.Declined)]
    public void Once_concluded_only_the_judicial_office_corrects(CaseStatus status)
    {
        var @case = _scenario.In(status);

        var refused = @case.CorrectParty(Actors.Lead, _scenario.Tick(), Applicant(p => p with { Occupation = "教师" }));
        Assert.Equal(WorkflowResultKind.Forbidden, refused.Kind);
        Assert.Equal("「更正当事人信息」限本案调解员或司法所；案件办结后限司法所", refused.Message);
        Assert.DoesNotContain(CaseAction.CorrectParty, @case.PermittedActions(Actors.Lead));
        Assert.DoesNotContain(CaseAction.AddParty, @case.PermittedActions(Actors.Lead));
        Assert.DoesNotContain(CaseAction.AssignCommittee, @case.PermittedActions(Actors.Lead));

        Ok(@case.CorrectParty(Actors.JudicialOffice, _scenario.Tick(), Applicant(p => p with { Occupation = "教师" })));
        Assert.Equal("教师", @case.Parties[0].Occupation);
    }

    [Fact]
    public void A_village_head_neither_corrects_nor_adds()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Assert.Equal(WorkflowResultKind.Forbidden, @case.CorrectParty(Actors.VillageHead, _scenario.Tick(), Applicant(p => p with { Occupation = "教师" })).Kind);
        Assert.Equal(WorkflowResultKind.Forbidden, @case.AddParty(Actors.VillageHead, _scenario.Tick(), new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = "王五" }).Kind);
    }

    [Fact]
    public void A_third_party_joins_checked_as_at_filing()
    {
        var @case = _scenario.In(CaseStatus.Mediating);
        var id = TestIdNumbers.Make("500106", new DateOnly(1970, 5, 5), 31);

        var invalid = @case.AddParty(Actors.Lead, _scenario.Tick(), new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = "王五", IdNumber = "500106197005050000" });
        Assert.Equal("IdNumber", Assert.Single(invalid.Errors).Field);
        Assert.Equal(2, @case.Parties.Count);

        Ok(@case.AddParty(Actors.Lead, _scenario.Tick(), new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = "王五", IdNumber = id }));
        Assert.Equal(("王五", PartyRole.ThirdParty, id), (@case.Parties[^1].Name, @case.Parties[^1].Role, @case.Parties[^1].IdNumber));
        Assert.Equal("追加当事人：第三人 王五", @case.History[^1].Details);
        Assert.DoesNotContain(id, @case.History[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committee_changes_with_old_and_new_names_in_the_history()
    {
        var @case = _scenario.In(CaseStatus.Mediating);

        Ok(@case.AssignCommittee(Actors.Assistant, _scenario.Tick(), new AssignCommitteeInput(7) { CommitteeName = "红岩市民综合调解站（一站）", PreviousName = null }));
        Ok(@case.AssignCommittee(Actors.Assistant, _scenario.Tick(), new AssignCommitteeInput(3) { CommitteeName = "回龙坝镇五云山村人民调解委员会", PreviousName = "红岩市民综合调解站（一站）" }));

        Assert.Equal(3, @case.CommitteeId);
        Assert.Equal("调解组织由 红岩市民综合调解站（一站） 变更为 回龙坝镇五云山村人民调解委员会", @case.History[^1].Details);
        var same = @case.AssignCommittee(Actors.Assistant, _scenario.Tick(), new AssignCommitteeInput(3));
        Assert.Equal("本案已由该调解组织办理", Assert.Single(same.Errors).Message);
    }
}
