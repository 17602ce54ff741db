using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

/// <summary>The case use cases on a real SQLite file, with the demo users of 五云山村 and the town.</summary>
public sealed class CaseServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private CaseService Cases => _app.Get<CaseService>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_mediator_files_a_case_of_their_village_leads_it_and_it_is_numbered_and_recorded_in_one_write()
    {
        await _app.SignInAsUserAsync("zhangmin");

        var result = await Cases.FileAsync(await CaseDrafts.ValidAsync(_app));

        Assert.True(result.Succeeded, result.Message);
        var year = TestClock.Today.Year;
        Assert.Equal($"（{year}）回龙坝人调字第0001号", result.Value!.Number);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.Include(c => c.Parties).Include(c => c.Mediators).Include(c => c.History).SingleAsync();
        Assert.Equal((CaseStatus.Filed, 2, 1200.50m), (stored.Status, stored.Parties.Count, stored.AmountInvolved!.Value));
        Assert.Equal(("张敏", true), (stored.LeadMediator!.DisplayName, Assert.Single(stored.Mediators).IsLead));
        var history = stored.History.OrderBy(h => h.Id).ToList();
        Assert.Equal(["File", "AssignMediators"], history.Select(h => h.Action));
        var entry = history[0];
        Assert.Equal(("File", (CaseStatus?)null, CaseStatus.Filed, "张敏"), (entry.Action, entry.FromStatus, entry.ToStatus, entry.ActorName));
        Assert.Equal(DateTimeKind.Utc, entry.AtUtc.Kind);
        Assert.DoesNotContain("11010519491231002X", entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_goes_to_its_village_committee_the_areas_to_the_town_committee_unless_one_is_chosen_and_the_list_filters_by_it()
    {
        await _app.SignInAsUserAsync("wangfang");
        await using var db = await _app.DbAsync();
        var committees = await db.Committees.ToDictionaryAsync(c => c.Code!, c => c.Id);

        var village = Done(await Cases.FileAsync(await CaseDrafts.ValidAsync(_app, "wuyunshan")));
        var area = Done(await Cases.FileAsync(await CaseDrafts.ValidAsync(_app, "wuliuyuan")));
        var chosen = Done(await Cases.FileAsync((await CaseDrafts.ValidAsync(_app, "wuliuyuan")) with { CommitteeId = committees["freight-studio"] }));
        var inactive = committees["hongyan-station-2"];
        await db.Committees.Where(c => c.Id == inactive).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false));
        var refused = await Cases.FileAsync((await CaseDrafts.ValidAsync(_app)) with { CommitteeId = inactive });

        var stored = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.CommitteeId);
        Assert.Equal(committees["village-wuyunshan"], stored[village.Id]);
        Assert.Equal(committees[Web.Data.Seeding.ReferenceData.TownCommittee], stored[area.Id]);
        Assert.Equal(committees["freight-studio"], stored[chosen.Id]);
        Assert.Equal("请选择调解组织", refused.Errors.Single(e => e.Field == "CommitteeId").Message);
        Assert.Equal(3, stored.Count);

        var (_, details) = await _app.Get<CaseReader>().GetAsync(village.Id);
        Assert.Equal("回龙坝镇五云山村人民调解委员会", details!.Committee);
        var listed = await _app.Get<CaseListService>().ListAsync(new CaseListRequest(new CaseFilter { CommitteeId = committees[Web.Data.Seeding.ReferenceData.TownCommittee] }));
        Assert.Equal([area.Id], listed.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_village_head_files_a_case_with_a_lead_of_the_village_and_without_one()
    {
        await _app.SignInAsUserAsync("liqiang");
        var draft = await CaseDrafts.ValidAsync(_app);

        var withLead = Done(await Cases.FileAsync(draft, await _app.UserIdAsync("zhoutao")));
        var withoutLead = Done(await Cases.FileAsync(draft with { Summary = draft.Summary + "（另案）" }));

        await using var db = await _app.DbAsync();
        Assert.Equal("周涛", (await db.Cases.Include(c => c.Mediators).SingleAsync(c => c.Id == withLead.Id)).LeadMediator!.DisplayName);
        Assert.Null((await db.Cases.Include(c => c.Mediators).SingleAsync(c => c.Id == withoutLead.Id)).LeadMediator);
    }

    [Fact]
    public async Task A_lead_the_village_head_may_not_assign_refuses_the_filing_beside_the_lead_and_writes_nothing()
    {
        await _app.SignInAsUserAsync("liqiang");

        var result = await Cases.FileAsync(await CaseDrafts.ValidAsync(_app), await _app.UserIdAsync("chenjianguo")); // 回龙坝村

        Assert.Equal("村（社区）负责人只能指派本村（社区）的调解员", result.ErrorFor("Lead"));
        await AssertNoCasesAsync();
    }

    [Fact]
    public async Task The_same_filing_form_submitted_twice_files_one_case_and_both_answers_name_it()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(_app);
        var form = Guid.NewGuid();

        var first = Done(await Cases.FileAsync(draft, submission: form));
        var again = Done(await Cases.FileAsync(draft, submission: form));
        var another = Done(await Cases.FileAsync(draft, submission: Guid.NewGuid()));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Number, again.Number);
        Assert.NotEqual(first.Id, another.Id);
        await using var db = await _app.DbAsync();
        Assert.Equal(2, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task The_same_filing_form_submitted_twice_at_once_files_one_case()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(_app);
        var form = Guid.NewGuid();
        await using var other = _app.NewScope();

        var results = await Task.WhenAll(Cases.FileAsync(draft, submission: form), other.Get<CaseService>().FileAsync(draft, submission: form));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(results[0].Value!.Id, results[1].Value!.Id);
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task The_same_session_dialog_submitted_twice_records_one_session_and_answers_done_both_times()
    {
        var c = await MediatingAsync();
        var dialog = Guid.NewGuid();
        var session = new SessionInput(Today, await CaseDrafts.VenueIdAsync(_app), "双方当事人", "第二次调解，双方各让一步。");

        var first = Done(await Cases.RecordSessionAsync(c.Id, c.Version, session, dialog));
        var again = Done(await Cases.RecordSessionAsync(c.Id, c.Version, session, dialog));

        Assert.Equal(first.Version, again.Version);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.Include(x => x.Sessions).SingleAsync(x => x.Id == c.Id);
        Assert.Equal(2, stored.Sessions.Count); // the one MediatingAsync recorded, and this one once
        Assert.Equal(2, await db.CaseHistory.CountAsync(h => h.CaseId == c.Id && h.Action == "RecordSession"));
    }

    [Fact]
    public async Task An_invalid_draft_comes_back_with_field_messages_and_nothing_is_written()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(_app) with
        {
            Summary = "太短",
            FiledOn = TestClock.Today.AddDays(1),
            Parties = [new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = "王大明", IdNumber = "110105194912310021" }],
        };

        var result = await Cases.FileAsync(draft);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.NotNull(result.ErrorFor("Summary"));
        Assert.NotNull(result.ErrorFor("FiledOn"));
        Assert.NotNull(result.ErrorFor("Parties[0].IdNumber"));
        Assert.NotNull(result.ErrorFor("Parties"));
        await AssertNoCasesAsync();
    }

    [Fact]
    public async Task A_deactivated_category_is_refused_beside_its_field()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(_app);
        await using (var db = await _app.DbAsync())
        {
            await db.Categories.Where(c => c.Id == draft.CategoryId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false));
        }

        var result = await Cases.FileAsync(draft);

        Assert.Equal("请选择纠纷类型", result.ErrorFor("CategoryId"));
        await AssertNoCasesAsync();
    }

    [Theory]
    [InlineData("chenjianguo")] // a mediator of 回龙坝村
    [InlineData("admin")]
    public async Task Filing_for_another_village_or_as_admin_is_forbidden(string userName)
    {
        await _app.SignInAsUserAsync(userName);

        var result = await Cases.FileAsync(await CaseDrafts.ValidAsync(_app));

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        await AssertNoCasesAsync();
    }

    [Fact]
    public async Task A_case_goes_from_filing_to_agreement_and_every_step_is_in_its_history()
    {
        var c = await FileAsync();
        await _app.SignInAsUserAsync("liqiang");
        c = Done(await Cases.AssignMediatorsAsync(c.Id, c.Version, await _app.UserIdAsync("zhangmin"), [await _app.UserIdAsync("zhoutao")]));
        await _app.SignInAsUserAsync("zhangmin");
        c = Done(await Cases.AcceptAsync(c.Id, c.Version, new AcceptInput(TestClock.Today)));
        await _app.SignInAsUserAsync("zhoutao"); // an assistant may record a session
        c = Done(await Cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(Today, await CaseDrafts.VenueIdAsync(_app), "王大明、李小红、张敏", "双方陈述，达成初步一致。")));
        await _app.SignInAsUserAsync("zhangmin");
        c = Done(await Cases.ResolveAsync(c.Id, c.Version, new AgreementInput
        {
            Kind = AgreementKind.Written,
            Facts = "院坝排水沟堵塞致积水。",
            MattersInDispute = "排水沟疏通费用承担。",
            Responsibilities = "双方各负一半责任。",
            Terms = "李小红一次性支付王大明600元，双方共同疏通排水沟。",
            PerformanceManner = "现金支付",
            PerformanceDeadline = Today.AddDays(10),
            SignedOn = Today,
        }));

        Assert.Equal(CaseStatus.Resolved, c.Status);
        var (read, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        Assert.True(read.Succeeded);
        Assert.Equal(["File", "AssignMediators", "Accept", "RecordSession", "Resolve"], details!.History.Select(h => h.Action));
        Assert.Equal(["李强", "李强", "张敏", "周涛", "张敏"], details.History.Select(h => h.ActorName));
        Assert.Equal(
            [(null, CaseStatus.Filed), (CaseStatus.Filed, CaseStatus.Filed), (CaseStatus.Filed, CaseStatus.Mediating), (CaseStatus.Mediating, CaseStatus.Mediating), (CaseStatus.Mediating, CaseStatus.Resolved)],
            details.History.Select(h => (h.From, h.To)));
        Assert.Equal(Today.AddDays(MediationCase.MediationDays), details.DueOn);
        Assert.Equal(4, c.Version); // filed at 0, then four changes
        Assert.Equal("110105********002X", details.Parties[0].IdNumber);
        Assert.Equal("138****1234", details.Parties[0].Phone);
    }

    [Fact]
    public async Task The_judicial_office_approves_a_referral_but_a_village_head_may_not()
    {
        var c = await MediatingAsync();
        c = Done(await Cases.ReferAsync(c.Id, c.Version, new ReferInput(await CaseDrafts.ReferralTargetIdAsync(_app), "一方要求诉讼解决", true, TestClock.Today)));
        Assert.Equal(CaseStatus.ReferralPending, c.Status);

        await _app.SignInAsUserAsync("liqiang");
        var refused = await Cases.ApproveReferralAsync(c.Id, c.Version, new ApproveReferralInput("陈家桥人民法庭", "（2026）渝0106民诉前123号", TestClock.Today));
        Assert.Equal(Outcome.Forbidden, refused.Outcome);
        Assert.Equal(5, await HistoryCountAsync(c.Id));

        await _app.SignInAsUserAsync("wangfang");
        c = Done(await Cases.ApproveReferralAsync(c.Id, c.Version, new ApproveReferralInput("陈家桥人民法庭", "（2026）渝0106民诉前123号", TestClock.Today)));
        Assert.Equal(CaseStatus.ReferralApproved, c.Status);
        Assert.Equal(6, await HistoryCountAsync(c.Id));
    }

    [Fact]
    public async Task A_mediator_of_another_village_can_neither_read_nor_act_on_the_case()
    {
        var c = await FileAsync();
        await _app.SignInAsUserAsync("chenjianguo");

        var (read, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var accept = await Cases.AcceptAsync(c.Id, c.Version, new AcceptInput(TestClock.Today));
        var decline = await Cases.DeclineAsync(c.Id, c.Version, new DeclineInput("不属于民间纠纷", TestClock.Today));

        Assert.Equal(Outcome.Forbidden, read.Outcome);
        Assert.Null(details);
        Assert.Equal(Outcome.Forbidden, accept.Outcome);
        Assert.Equal(Outcome.Forbidden, decline.Outcome);
        Assert.Equal(1, await HistoryCountAsync(c.Id));
    }

    [Fact]
    public async Task A_village_head_may_assign_only_mediators_of_their_own_village()
    {
        var c = await FileAsync();
        await _app.SignInAsUserAsync("liqiang");

        var result = await Cases.AssignMediatorsAsync(c.Id, c.Version, await _app.UserIdAsync("chenjianguo"), []);

        Assert.Equal("村（社区）负责人只能指派本村（社区）的调解员", result.ErrorFor("Lead"));
        Assert.Equal(1, await HistoryCountAsync(c.Id));
    }

    [Fact]
    public async Task Only_an_active_mediator_can_be_assigned()
    {
        var c = await FileAsync();
        await _app.SignInAsUserAsync("wangfang");

        var notAMediator = await Cases.AssignMediatorsAsync(c.Id, c.Version, await _app.UserIdAsync("liqiang"), []);

        Assert.Equal("主办调解员须为在岗的调解员", notAMediator.ErrorFor("Lead"));
    }

    [Fact]
    public async Task A_trigger_the_state_does_not_allow_is_refused_in_words_and_changes_nothing()
    {
        var c = await FileAsync();
        await _app.SignInAsUserAsync("wangfang");

        var result = await Cases.ResolveAsync(c.Id, c.Version, new AgreementInput { Kind = AgreementKind.Oral, Terms = "口头约定", SignedOn = Today });

        Assert.Equal(Outcome.NotAllowedInState, result.Outcome);
        Assert.Equal("「已登记」的案件不能「调解成功」", result.Message);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.SingleAsync();
        Assert.Equal((CaseStatus.Filed, c.Version), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task Two_users_acting_on_the_same_loaded_case_one_wins_the_other_gets_a_conflict()
    {
        var c = await FileAsync();
        await _app.SignInAsUserAsync("liqiang");
        c = Done(await Cases.AssignMediatorsAsync(c.Id, c.Version, await _app.UserIdAsync("zhangmin"), []));
        var seenByBoth = c.Version;

        await _app.SignInAsUserAsync("zhangmin");
        var first = await Cases.AcceptAsync(c.Id, seenByBoth, new AcceptInput(TestClock.Today));
        await _app.SignInAsUserAsync("liqiang");
        var second = await Cases.DeclineAsync(c.Id, seenByBoth, new DeclineInput("已向法院起诉", TestClock.Today));

        Assert.Equal(Outcome.Done, first.Outcome);
        Assert.Equal(Outcome.Conflict, second.Outcome);
        Assert.Equal("案件已被他人修改，请刷新后重试", second.Message);
        await using var db = await _app.DbAsync();
        var history = await db.CaseHistory.Where(h => h.CaseId == c.Id).Select(h => h.Action).ToListAsync();
        Assert.Equal(["File", "AssignMediators", "Accept"], history);
        Assert.Equal(CaseStatus.Mediating, (await db.Cases.SingleAsync()).Status);
    }

    [Fact]
    public async Task Two_users_acting_at_the_same_moment_never_both_succeed()
    {
        var c = await FileAsync();
        await _app.SignInAsUserAsync("liqiang");
        c = Done(await Cases.AssignMediatorsAsync(c.Id, c.Version, await _app.UserIdAsync("zhangmin"), []));

        // Two services of two circuits, started together on the same version.
        await using var other = _app.NewScope();
        var results = await Task.WhenAll(Cases.AcceptAsync(c.Id, c.Version, new AcceptInput(TestClock.Today)), other.Get<CaseService>().DeclineAsync(c.Id, c.Version, new DeclineInput("已向法院起诉", TestClock.Today)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Outcome == Outcome.Conflict);
        Assert.Equal(3, await HistoryCountAsync(c.Id));
    }

    [Fact]
    public async Task Revealing_an_ID_number_is_for_the_case_mediators_and_is_recorded()
    {
        var c = await MediatingAsync();
        var (read, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var applicant = details!.Parties.First(p => p.Role == PartyRole.Applicant);

        var (shown, value) = await Cases.RevealPersonalDataAsync(c.Id, applicant.Id, PersonalDataField.IdNumber);
        await _app.SignInAsUserAsync("liqiang");
        var (refused, hidden) = await Cases.RevealPersonalDataAsync(c.Id, applicant.Id, PersonalDataField.IdNumber);

        Assert.True(read.Succeeded);
        Assert.True(shown.Succeeded);
        Assert.Equal("11010519491231002X", value);
        Assert.Equal(Outcome.Forbidden, refused.Outcome);
        Assert.Null(hidden);
        await using var db = await _app.DbAsync();
        var last = await db.CaseHistory.Where(h => h.CaseId == c.Id).OrderBy(h => h.Id).LastAsync();
        Assert.Equal(("RevealPersonalData", "张敏"), (last.Action, last.ActorName));
    }

    [Fact]
    public async Task A_case_that_does_not_exist_is_not_found()
    {
        await _app.SignInAsUserAsync("wangfang");

        Assert.Equal(Outcome.NotFound, (await Cases.AcceptAsync(404, 0, new AcceptInput(TestClock.Today))).Outcome);
        Assert.Equal(Outcome.NotFound, (await _app.Get<CaseReader>().GetAsync(404)).Result.Outcome);
    }

    private static DateOnly Today => TestClock.Today;

    private static CaseRef Done(Result<CaseRef> result)
    {
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" ", result.Errors)}");
        return result.Value!;
    }

    /// <summary>A case of 五云山村 filed by its village head without a lead (so it can be assigned); signed in as 张敏, its mediator.</summary>
    private async Task<CaseRef> FileAsync()
    {
        await _app.SignInAsUserAsync("liqiang");
        var filed = Done(await Cases.FileAsync(await CaseDrafts.ValidAsync(_app)));
        await _app.SignInAsUserAsync("zhangmin");
        return filed;
    }

    /// <summary>Filed, assigned to 张敏, accepted, one session: ready to resolve, refer or terminate. Signed in as 张敏.</summary>
    private async Task<CaseRef> MediatingAsync()
    {
        var c = await FileAsync();
        c = Done(await Cases.AssignMediatorsAsync(c.Id, c.Version, await _app.UserIdAsync("zhangmin"), []));
        c = Done(await Cases.AcceptAsync(c.Id, c.Version, new AcceptInput(TestClock.Today)));
        return Done(await Cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(Today, await CaseDrafts.VenueIdAsync(_app), "双方当事人", "第一次调解。")));
    }

    private async Task<int> HistoryCountAsync(int caseId)
    {
        await using var db = await _app.DbAsync();
        return await db.CaseHistory.CountAsync(h => h.CaseId == caseId);
    }

    private async Task AssertNoCasesAsync()
    {
        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.CaseHistory.CountAsync());
    }
}
