using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Referrals;

/// <summary>民转刑 early warning on a real SQLite file: each rule raises exactly its open cases and names itself.</summary>
public sealed class EarlyWarningServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private BackdatedCases _cases = default!;
    private int _drafts;

    private EarlyWarningService Warnings => _app.Get<EarlyWarningService>();

    private static DateOnly Today => BackdatedCases.Today;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _cases = await BackdatedCases.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_case_a_person_marked_high_risk_is_raised()
    {
        var high = await _cases.FiledAsync(await DraftAsync() with { RiskLevel = RiskLevel.High, RiskNote = "一方扬言报复" });
        await _cases.FiledAsync(await DraftAsync() with { RiskLevel = RiskLevel.Medium, RiskNote = "双方情绪激动" });

        Assert.Equal([(high, Rules(new WarningMatch(WarningRule.MarkedHigh)))], await ListAsync());
    }

    [Theory]
    [InlineData("labour-wages", "劳动争议")]
    [InlineData("labour-other", "劳动争议")]
    [InlineData("land-requisition", "征地拆迁")]
    public async Task A_group_dispute_of_five_or_more_about_labour_or_land_requisition_is_raised(string category, string group)
    {
        var raised = await _cases.FiledAsync(await DraftAsync(category) with { PeopleInvolved = 6 });
        await _cases.FiledAsync(await DraftAsync(category) with { PeopleInvolved = 4 });
        await _cases.FiledAsync(await DraftAsync("neighbour") with { PeopleInvolved = 12 });

        Assert.Equal([(raised, Rules(new WarningMatch(WarningRule.GroupDispute, 6, group)))], await ListAsync());
    }

    [Fact]
    public async Task The_same_two_parties_with_three_cases_in_twelve_months_raise_their_open_cases()
    {
        var parties = Parties(Id("11010519800101001"), Id("50010619850505002"));
        var concluded = await _cases.FiledAsync(await DraftAsync(filedOn: Today.AddMonths(-11)) with { Parties = parties });
        await _cases.ApplyAsync(concluded, Today.AddMonths(-11), (c, actor, now) => c.Decline(actor, now, new DeclineInput("已向法院起诉", Today.AddMonths(-11))));
        var second = await _cases.MediatingAsync(await DraftAsync(filedOn: Today.AddMonths(-3)) with { Parties = parties }, Today.AddMonths(-3));
        var third = await _cases.FiledAsync(await DraftAsync() with { Parties = parties });
        await _cases.FiledAsync(await DraftAsync() with { Parties = Parties(Id("11010519800101001"), Id("50010619900909003")) }); // one of them only

        var repeat = new WarningMatch(WarningRule.RepeatParties, 3);
        Assert.Equal([(second, Rules(repeat)), (third, Rules(repeat))], await ListAsync());
    }

    [Fact]
    public async Task Parties_without_an_ID_number_are_the_same_by_name_and_phone_and_old_cases_do_not_count()
    {
        PartyDraft[] byPhone = [Person(PartyRole.Applicant, "赵春花", phone: "13900001111"), Person(PartyRole.Respondent, "钱大勇", phone: "13900002222")];
        await _cases.FiledAsync(await DraftAsync(filedOn: Today.AddMonths(-13)) with { Parties = byPhone }); // outside the 12 months
        await _cases.FiledAsync(await DraftAsync(filedOn: Today.AddMonths(-2)) with { Parties = byPhone });
        await _cases.FiledAsync(await DraftAsync() with { Parties = byPhone });
        PartyDraft[] byName = [Person(PartyRole.Applicant, "孙小梅"), Person(PartyRole.Respondent, "周大山")];
        foreach (var months in new[] { 1, 2, 3 })
        {
            await _cases.FiledAsync(await DraftAsync(filedOn: Today.AddMonths(-months)) with { Parties = byName }); // a name alone is no one
        }

        Assert.Empty(await ListAsync());

        var third = await _cases.FiledAsync(await DraftAsync(filedOn: Today.AddMonths(-1)) with { Parties = byPhone });

        Assert.Contains((third, Rules(new WarningMatch(WarningRule.RepeatParties, 3))), await ListAsync());
    }

    [Fact]
    public async Task A_case_referred_as_urgent_is_raised_until_the_referral_is_approved()
    {
        var urgent = await _cases.ReferredAsync(await DraftAsync(), Today, urgent: true);
        await _cases.ReferredAsync(await DraftAsync(), Today, urgent: false);

        Assert.Equal([(urgent, Rules(new WarningMatch(WarningRule.UrgentReferral)))], await ListAsync());

        await _cases.ApplyAsync(urgent, Today, (c, actor, now) => c.ApproveReferral(actor, now, new ApproveReferralInput("陈家桥人民法庭", null, Today)));

        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Closed_cases_are_never_listed()
    {
        var high = await DraftAsync("labour-wages") with { RiskLevel = RiskLevel.High, RiskNote = "聚集讨薪", PeopleInvolved = 20 };
        await _cases.ResolvedAsync(high, Today.AddDays(-1));
        var terminated = await _cases.MediatingAsync(high, Today.AddDays(-3));
        await _cases.ApplyAsync(terminated, Today, (c, actor, now) => c.Terminate(actor, now, new TerminateInput(TerminationReason.ApplicantWithdrew, null, Today)));

        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task A_case_meeting_several_rules_lists_them_all_most_pressing_first_and_ranks_first()
    {
        var quiet = await _cases.FiledAsync(await DraftAsync() with { RiskLevel = RiskLevel.High, RiskNote = "一方扬言报复" });
        var several = await _cases.ReferredAsync(await DraftAsync("land-requisition") with { PeopleInvolved = 8, RiskLevel = RiskLevel.High, RiskNote = "聚集上访" }, Today, urgent: true);

        Assert.Equal(
            [
                (several, Rules(new(WarningRule.UrgentReferral), new(WarningRule.MarkedHigh), new(WarningRule.GroupDispute, 8, "征地拆迁"))),
                (quiet, Rules(new WarningMatch(WarningRule.MarkedHigh))),
            ],
            await ListAsync());
    }

    [Fact]
    public async Task The_case_page_gets_the_rules_in_words_and_nothing_for_a_case_the_user_may_not_see()
    {
        var id = await _cases.ReferredAsync(await DraftAsync("labour-wages") with { PeopleInvolved = 7 }, Today, urgent: true);
        var quiet = await _cases.FiledAsync(await DraftAsync());
        using var culture = new CultureScope("zh-CN");

        await _app.SignInAsUserAsync("liqiang");
        Assert.Equal(["紧急移交", "群体性劳动争议（7人）"], await Warnings.RulesForCaseAsync(id));
        Assert.Empty(await Warnings.RulesForCaseAsync(quiet));

        await _app.SignInAsUserAsync("chenjianguo"); // a mediator of 回龙坝村
        Assert.Empty(await Warnings.RulesForCaseAsync(id));
    }

    [Fact]
    public async Task The_repeat_rule_names_the_count_in_words()
    {
        var parties = Parties(Id("11010519800101001"), Id("50010619850505002"));
        for (var i = 3; i >= 1; i--)
        {
            await _cases.FiledAsync(await DraftAsync(filedOn: Today.AddMonths(-i)) with { Parties = parties });
        }

        using var culture = new CultureScope("zh-CN");

        await _app.SignInAsUserAsync("wangfang");
        var first = (await Warnings.ListAsync()).Cases[0];
        Assert.Equal(["同一当事人12个月内第3件"], await Warnings.RulesForCaseAsync(first.Id));
        Assert.Equal(["已标记为高风险"], [Warnings.Describe(new WarningMatch(WarningRule.MarkedHigh))]);
    }

    /// <summary>The judicial office's list, as (case, its rules in order).</summary>
    private async Task<List<(int Id, string Rules)>> ListAsync()
    {
        await _app.SignInAsUserAsync("wangfang");
        return [.. (await Warnings.ListAsync()).Cases.Select(c => (c.Id, Rules([.. c.Matches])))];
    }

    private static string Rules(params WarningMatch[] matches) => string.Join("; ", matches);

    /// <summary>A draft whose two parties appear in no other case (names only), unless the test gives its own.</summary>
    private async Task<CaseDraft> DraftAsync(string category = "neighbour", DateOnly? filedOn = null)
    {
        await using var db = await _app.DbAsync();
        var categoryId = await db.Categories.Where(c => c.Code == category).Select(c => c.Id).SingleAsync();
        var n = ++_drafts;
        return await _cases.DraftAsync(filedOn ?? Today) with
        {
            CategoryId = categoryId,
            Parties = [Person(PartyRole.Applicant, $"申请人{n}"), Person(PartyRole.Respondent, $"被申请人{n}")],
        };
    }

    private static PartyDraft[] Parties(string applicantId, string respondentId) =>
        [Person(PartyRole.Applicant, "甲某", applicantId), Person(PartyRole.Respondent, "乙某", respondentId)];

    private static PartyDraft Person(PartyRole role, string name, string? idNumber = null, string? phone = null) =>
        new() { Role = role, Kind = PartyKind.Person, Name = name, IdNumber = idNumber, Phone = phone };

    /// <summary>A valid 身份证号 with these first 17 digits: the one check character that passes.</summary>
    private static string Id(string first17) => "0123456789X".Select(c => first17 + c).First(id => IdNumber.IsValid(id));
}
