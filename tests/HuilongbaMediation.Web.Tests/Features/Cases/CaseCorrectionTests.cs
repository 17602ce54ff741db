using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

/// <summary>Corrections after filing through the service, on a real SQLite file: a party's details, a party added, the committee.</summary>
public sealed class CaseCorrectionTests : IAsyncLifetime
{
    private const string FullId = "11010519491231002X";

    private TestApp _app = default!;

    private CaseService Cases => _app.Get<CaseService>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_mediator_of_the_case_corrects_a_party_in_one_write_and_the_page_and_history_show_it_masked()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var (_, before) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var applicant = before!.Parties.Single(p => p.Role == PartyRole.Applicant);
        var draft = PartyForm.From(applicant);
        draft.Ethnicity = "土家族";
        draft.Occupation = "务农";
        draft.CurrentAddress = "回龙坝镇五云山村2组8号";
        draft.Phone = "13999998888";

        var done = await Cases.CorrectPartyAsync(c.Id, c.Version, new PartyCorrection { PartyId = applicant.Id, Party = draft.ToDraft() });

        Assert.True(done.Succeeded, done.Message);
        Assert.Equal(c.Version + 1, done.Value!.Version);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.Include(x => x.Parties).Include(x => x.History).AsNoTracking().SingleAsync(x => x.Id == c.Id);
        var party = stored.Parties.Single(p => p.Id == applicant.Id);
        Assert.Equal((FullId, "13999998888", "土家族", "务农", "回龙坝镇五云山村2组8号"), (party.IdNumber, party.Phone, party.Ethnicity, party.Occupation, party.CurrentAddress));
        var entry = stored.History.OrderBy(h => h.Id).Last();
        Assert.Equal(nameof(CaseAction.CorrectParty), entry.Action);
        Assert.Equal("更正当事人王大明的信息：联系电话 138****1234 → 139****8888；现住址 回龙坝镇聚龙城小区 → 回龙坝镇五云山村2组8号；民族 （空） → 土家族；职业 （空） → 务农", entry.Details);
        Assert.DoesNotContain("13999998888", entry.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(FullId, entry.Data, StringComparison.Ordinal);

        var (_, after) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var shown = after!.Parties.Single(p => p.Id == applicant.Id);
        Assert.Equal(("139****8888", "110105********002X", "土家族", "务农", 76), (shown.Phone, shown.IdNumber, shown.Ethnicity, shown.Occupation, shown.AgeToday));
    }

    [Fact]
    public async Task A_stale_correction_is_refused_and_nothing_is_written()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var (_, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var party = details!.Parties[0];
        var first = PartyForm.From(party);
        first.Occupation = "务农";
        Assert.True((await Cases.CorrectPartyAsync(c.Id, c.Version, new PartyCorrection { PartyId = party.Id, Party = first.ToDraft() })).Succeeded);

        var second = PartyForm.From(party);
        second.Occupation = "个体";
        var stale = await Cases.CorrectPartyAsync(c.Id, c.Version, new PartyCorrection { PartyId = party.Id, Party = second.ToDraft() });

        Assert.Equal(Outcome.Conflict, stale.Outcome);
        await using var db = await _app.DbAsync();
        Assert.Equal("务农", (await db.Cases.Include(x => x.Parties).SingleAsync(x => x.Id == c.Id)).Parties.Single(p => p.Id == party.Id).Occupation);
    }

    [Fact]
    public async Task A_bad_correction_comes_back_with_messages_beside_its_fields()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var (_, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var form = PartyForm.From(details!.Parties[0]);
        form.Phone = "12345";
        form.Age = 30; // the identity number kept on record says 1949

        var refused = await Cases.CorrectPartyAsync(c.Id, c.Version, new PartyCorrection { PartyId = details.Parties[0].Id, Party = form.ToDraft() });

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.Contains(refused.Errors, e => e is { Field: "Phone", Message: "联系电话须为手机号或带区号的固定电话" });
        Assert.Contains(refused.Errors, e => e.Field == "Age" && e.Message.StartsWith("年龄与出生日期不符", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_village_head_may_not_correct_and_a_concluded_case_needs_the_judicial_office_whose_correction_the_original_agreement_carries()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var (_, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var applicant = details!.Parties.Single(p => p.Role == PartyRole.Applicant);
        var form = PartyForm.From(applicant);
        form.CurrentAddress = "回龙坝镇五云山村6组1号";
        var correction = new PartyCorrection { PartyId = applicant.Id, Party = form.ToDraft() };

        var byMediator = await Cases.CorrectPartyAsync(c.Id, c.Version, correction);
        await _app.SignInAsUserAsync("liqiang");
        var byHead = await Cases.CorrectPartyAsync(c.Id, c.Version, correction);
        await _app.SignInAsUserAsync("wangfang");
        var byOffice = await Cases.CorrectPartyAsync(c.Id, c.Version, correction);

        Assert.Equal((Outcome.Forbidden, "「更正当事人信息」限本案调解员或司法所；案件办结后限司法所"), (byMediator.Outcome, byMediator.Message));
        Assert.Equal(Outcome.Forbidden, byHead.Outcome);
        Assert.True(byOffice.Succeeded, byOffice.Message);
        var text = await AgreementTextAsync(c.Id);
        Assert.Contains("现住址：回龙坝镇五云山村6组1号", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_party_who_joins_is_on_the_agreement_which_is_then_made_in_four_copies()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var joined = await Cases.AddPartyAsync(c.Id, c.Version, new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = "赵四", Phone = "13700001111" });
        Assert.True(joined.Succeeded, joined.Message);
        var resolved = await Cases.AcceptAsync(joined.Value!.Id, joined.Value.Version, new AcceptInput(TestClock.Today));
        resolved = await Cases.RecordSessionAsync(c.Id, resolved.Value!.Version, new SessionInput(TestClock.Today, await CaseDrafts.VenueIdAsync(_app), "王大明、李小红、赵四", "三方陈述。"));
        resolved = await Cases.ResolveAsync(c.Id, resolved.Value!.Version, AgreedCases.Written);
        Assert.True(resolved.Succeeded, resolved.Message);

        var text = await AgreementTextAsync(c.Id);
        Assert.Contains("第三人：赵四", text, StringComparison.Ordinal);
        Assert.Contains("一式四份", text, StringComparison.Ordinal);
        await using var db = await _app.DbAsync();
        Assert.Equal("追加当事人：第三人 赵四", (await db.CaseHistory.Where(h => h.CaseId == c.Id && h.Action == nameof(CaseAction.AddParty)).SingleAsync()).Details);
    }

    [Fact]
    public async Task Another_committee_takes_the_case_and_its_documents_carry_the_new_name()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        await _app.SignInAsUserAsync("wangfang");
        await using var db = await _app.DbAsync();
        var committees = await db.Committees.ToDictionaryAsync(x => x.Code!, x => (x.Id, x.Name));
        var station = committees["hongyan-station-2"];
        await db.Committees.Where(x => x.Code == "freight-studio").ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false));

        var inactive = await Cases.AssignCommitteeAsync(c.Id, c.Version, committees["freight-studio"].Id);
        var done = await Cases.AssignCommitteeAsync(c.Id, c.Version, station.Id);

        Assert.Equal("请选择调解组织", Assert.Single(inactive.Errors).Message);
        Assert.True(done.Succeeded, done.Message);
        Assert.Equal(
            $"调解组织由 回龙坝镇五云山村人民调解委员会 变更为 {station.Name}",
            (await db.CaseHistory.Where(h => h.CaseId == c.Id && h.Action == nameof(CaseAction.AssignCommittee)).SingleAsync()).Details);
        Assert.Contains($"{station.Name}（印章）", await AgreementTextAsync(c.Id), StringComparison.Ordinal);
        Assert.Equal(station.Name, (await _app.Get<CaseReader>().GetAsync(c.Id)).Case!.Committee);
    }

    [Fact]
    public async Task The_page_shows_full_addresses_to_the_cases_mediators_and_the_village_or_street_to_the_village_head()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var mine = (await _app.Get<CaseReader>().GetAsync(c.Id)).Case!.Parties[0];
        await _app.SignInAsUserAsync("liqiang");
        var theirs = (await _app.Get<CaseReader>().GetAsync(c.Id)).Case!.Parties[0];

        Assert.Equal(("回龙坝镇五云山村3组", false), (mine.RegisteredAddress, mine.AddressesShortened));
        Assert.Equal(("回龙坝镇五云山村…", true), (theirs.RegisteredAddress, theirs.AddressesShortened));
        Assert.Equal(("110105********002X", "138****1234"), (theirs.IdNumber, theirs.Phone));
    }

    private async Task<string> AgreementTextAsync(int caseId)
    {
        var user = await _app.Get<CurrentUser>().GetPrincipalAsync();
        var (result, file) = await _app.Get<DocumentService>().IssueAsync(user, SecurityActor.Of(user, null), caseId, OfficialForm.Agreement, null, DocumentIssue.Print);
        Assert.True(result.Succeeded, result.Message);
        return string.Join("\n", file!.Sheets.SelectMany(s => s.Lines()));
    }
}
