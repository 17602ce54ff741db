using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Tests.Infrastructure;

namespace HuilongbaMediation.Web.Tests.Features.Referrals;

/// <summary>
/// 期限提醒 on a real SQLite file. Cases are carried at dates relative to today, so each deadline lands exactly where
/// the test wants it: overdue, due within three days (today + 3 included), or later.
/// </summary>
public sealed class DeadlineServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private BackdatedCases _cases = default!;

    private DeadlineService Deadlines => _app.Get<DeadlineService>();

    private static DateOnly Today => BackdatedCases.Today;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _cases = await BackdatedCases.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mediation_is_due_30_days_after_acceptance()
    {
        var overdue = await MediatingSinceAsync(32);
        var dueInTwoDays = await MediatingSinceAsync(28);
        await MediatingSinceAsync(20); // due in 10 days

        var items = await ListAsWangfangAsync();

        Assert.Equal([(overdue, DeadlineKind.Mediation, -2), (dueInTwoDays, DeadlineKind.Mediation, 2)], items);
    }

    [Fact]
    public async Task A_follow_up_is_due_by_the_performance_deadline_or_30_days_after_resolution()
    {
        var overdueWithoutDeadline = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-40));
        var dueWithoutDeadline = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-28));
        var dueByPerformanceDeadline = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-5), performanceDeadline: Today.AddDays(1));
        await _cases.ResolvedAsync(await Draft(), Today.AddDays(-40), performanceDeadline: Today.AddDays(20)); // due later
        var visited = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-40));
        await _cases.ApplyAsync(visited, Today.AddDays(-2), (c, actor, now) => c.RecordFollowUp(actor, now, new FollowUpInput(Today.AddDays(-2), PerformanceStatus.Full, null)));

        var items = await ListAsWangfangAsync();

        Assert.Equal(
            [(overdueWithoutDeadline, DeadlineKind.FollowUp, -10), (dueByPerformanceDeadline, DeadlineKind.FollowUp, 1), (dueWithoutDeadline, DeadlineKind.FollowUp, 2)],
            items);
    }

    [Fact]
    public async Task A_follow_up_of_an_earlier_resolution_does_not_count_after_the_case_is_resolved_again()
    {
        var id = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-60));
        var visitedOn = Today.AddDays(-45);
        await _cases.ApplyAsync(id, visitedOn, (c, actor, now) => c.RecordFollowUp(actor, now, new FollowUpInput(visitedOn, PerformanceStatus.Partial, "只支付了一半")));
        await _cases.ApplyAsync(id, visitedOn, (c, actor, now) => c.Reopen(actor, now, new ReopenInput("协议未完全履行", visitedOn)));
        await _cases.ApplyAsync(id, Today.AddDays(-35), (c, actor, now) => c.RecordSession(actor, now, new SessionInput(Today.AddDays(-35), c.VenueId!.Value, "双方当事人", "再次调解。")));
        await _cases.ApplyAsync(id, Today.AddDays(-35), (c, actor, now) => c.Resolve(actor, now, new AgreementInput { Kind = AgreementKind.Oral, Terms = "余款一次付清。", SignedOn = Today.AddDays(-35) }));

        var items = await ListAsWangfangAsync();

        Assert.Equal([(id, DeadlineKind.FollowUp, -5)], items);
    }

    [Fact]
    public async Task Judicial_confirmation_is_due_30_days_after_the_agreement_takes_effect_when_the_parties_intend_to_apply()
    {
        var farAway = Today.AddDays(60); // keeps the follow-up deadline out of the way
        var overdue = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-31), farAway, intendsToConfirm: true);
        var dueInThreeDays = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-27), farAway, intendsToConfirm: true);
        await _cases.ResolvedAsync(await Draft(), Today.AddDays(-26), farAway, intendsToConfirm: true); // due in 4 days
        await _cases.ResolvedAsync(await Draft(), Today.AddDays(-31), farAway); // no intention: no countdown
        var applied = await _cases.ResolvedAsync(await Draft(), Today.AddDays(-31), farAway, intendsToConfirm: true);
        await _cases.ApplyAsync(applied, Today.AddDays(-10), (c, actor, now) =>
            c.RecordJudicialConfirmation(actor, now, new JudicialConfirmationInput(true, Today.AddDays(-10), "陈家桥人民法庭", null)));

        var items = await ListAsWangfangAsync();

        Assert.Equal([(overdue, DeadlineKind.JudicialConfirmation, -1), (dueInThreeDays, DeadlineKind.JudicialConfirmation, 3)], items);
    }

    [Fact]
    public async Task Each_user_sees_the_deadlines_of_the_cases_they_may_see_only()
    {
        var huilongba = await _cases.MediatingAsync(await Draft("huilongba"), Today.AddDays(-31));
        var wuyunshan = await MediatingSinceAsync(31);

        await _app.SignInAsUserAsync("liqiang"); // village head of 五云山村
        var villageHead = (await Deadlines.ListAsync()).Items.Select(i => i.CaseId);
        await _app.SignInAsUserAsync("chenjianguo"); // mediator of 回龙坝村
        var mediator = (await Deadlines.ListAsync()).Items.Select(i => i.CaseId);
        await _app.SignInAsUserAsync("wangfang");
        var judicialOffice = (await Deadlines.ListAsync()).Items.Select(i => i.CaseId);

        Assert.Equal([wuyunshan], villageHead);
        Assert.Equal([huilongba], mediator);
        Assert.Equal([huilongba, wuyunshan], judicialOffice.Order());
    }

    [Fact]
    public async Task Only_the_most_urgent_are_listed_and_the_rest_are_counted()
    {
        var mostOverdue = await MediatingSinceAsync(40);
        var next = await MediatingSinceAsync(35);
        await MediatingSinceAsync(31);
        await MediatingSinceAsync(29);
        await _app.SignInAsUserAsync("wangfang");

        var list = await Deadlines.ListAsync(take: 2);

        Assert.Equal([mostOverdue, next], list.Items.Select(i => i.CaseId));
        Assert.Equal((4, 2, 1), (list.Total, list.Hidden, list.HiddenOverdueMediations));
    }

    [Fact]
    public async Task Nothing_due_is_an_empty_list()
    {
        await MediatingSinceAsync(10);
        await _app.SignInAsUserAsync("zhangmin");

        var list = await Deadlines.ListAsync();

        Assert.Empty(list.Items);
        Assert.Equal(0, list.Total);
    }

    private async Task<Domain.Cases.CaseDraft> Draft(string village = "wuyunshan") => await _cases.DraftAsync(Today.AddDays(-90), village);

    private async Task<int> MediatingSinceAsync(int days) => await _cases.MediatingAsync(await Draft(), Today.AddDays(-days));

    private async Task<List<(int, DeadlineKind, int)>> ListAsWangfangAsync()
    {
        await _app.SignInAsUserAsync("wangfang");
        return [.. (await Deadlines.ListAsync()).Items.Select(i => (i.CaseId, i.Kind, i.DaysLeft))];
    }
}
