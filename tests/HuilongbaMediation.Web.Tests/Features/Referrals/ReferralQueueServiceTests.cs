using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Referrals;

/// <summary>移交审核 on a real SQLite file: the queue, who gets it, and its two decisions through CaseService.</summary>
public sealed class ReferralQueueServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private BackdatedCases _cases = default!;

    private ReferralQueueService Queue => _app.Get<ReferralQueueService>();

    private CaseService Cases => _app.Get<CaseService>();

    private static DateOnly Today => BackdatedCases.Today;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _cases = await BackdatedCases.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_queue_lists_urgent_referrals_first_then_the_oldest()
    {
        var oldest = await _cases.ReferredAsync(await _cases.DraftAsync(Today.AddDays(-9)), Today.AddDays(-5), urgent: false);
        var recent = await _cases.ReferredAsync(await _cases.DraftAsync(Today.AddDays(-9)), Today.AddDays(-2), urgent: false);
        var urgentToday = await _cases.ReferredAsync(await _cases.DraftAsync(Today.AddDays(-9)), Today, urgent: true);
        var urgentYesterday = await _cases.ReferredAsync(await _cases.DraftAsync(Today.AddDays(-9), "huilongba"), Today.AddDays(-1), urgent: true);
        await _cases.MediatingAsync(await _cases.DraftAsync(Today.AddDays(-9)), Today.AddDays(-3)); // not referred: not in the queue
        await _app.SignInAsUserAsync("wangfang");

        var queue = await Queue.ListAsync();

        Assert.NotNull(queue);
        Assert.Equal([urgentYesterday, urgentToday, oldest, recent], queue.Referrals.Select(r => r.Id));
        Assert.Equal(4, queue.Total);
        var first = queue.Referrals[0];
        Assert.Equal(("回龙坝村", "陈家桥人民法庭", "一方坚持诉讼解决", true, Today.AddDays(-1), "王芳"), (first.Village, first.Target, first.Reason, first.Urgent, first.ReferredOn, first.ReferredBy));
        Assert.Equal(["王大明", "李小红"], first.Parties);
        Assert.Equal(4, await Queue.PendingCountAsync());
    }

    [Theory]
    [InlineData("liqiang")]
    [InlineData("zhangmin")]
    [InlineData("admin")]
    public async Task Only_the_judicial_office_gets_the_queue(string userName)
    {
        await _cases.ReferredAsync(await _cases.DraftAsync(Today), Today, urgent: false);
        await _app.SignInAsUserAsync(userName);

        Assert.Null(await Queue.ListAsync());
        Assert.Equal(0, await Queue.PendingCountAsync());
    }

    [Fact]
    public async Task Approving_from_the_queue_concludes_the_referral_and_writes_its_history()
    {
        await _cases.ReferredAsync(await _cases.DraftAsync(Today), Today, urgent: true);
        await _app.SignInAsUserAsync("wangfang");
        var referral = (await Queue.ListAsync())!.Referrals.Single();

        var result = await Cases.ApproveReferralAsync(referral.Id, referral.Version, new ApproveReferralInput(referral.Target, "（2026）渝0106民诉前123号", Today));

        Assert.Equal(Outcome.Done, result.Outcome);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == referral.Id);
        Assert.Equal((CaseStatus.ReferralApproved, "陈家桥人民法庭", "（2026）渝0106民诉前123号"), (stored.Status, stored.Referral!.ReceivingBody, stored.Referral.ReceiptNumber));
        var last = stored.History.OrderBy(h => h.Id).Last();
        Assert.Equal((nameof(CaseTrigger.ApproveReferral), "王芳", (CaseStatus?)CaseStatus.ReferralPending, CaseStatus.ReferralApproved), (last.Action, last.ActorName, last.FromStatus, last.ToStatus));
        Assert.Empty((await Queue.ListAsync())!.Referrals);
        Assert.Equal(0, await Queue.PendingCountAsync());
    }

    [Fact]
    public async Task Returning_from_the_queue_sends_the_case_back_to_mediation_with_the_comment()
    {
        await _cases.ReferredAsync(await _cases.DraftAsync(Today), Today, urgent: false);
        await _app.SignInAsUserAsync("wangfang");
        var referral = (await Queue.ListAsync())!.Referrals.Single();

        var result = await Cases.ReturnReferralAsync(referral.Id, referral.Version, new ReturnReferralInput("尚有调解可能，请继续调解", Today));

        Assert.Equal(Outcome.Done, result.Outcome);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == referral.Id);
        Assert.Equal((CaseStatus.Mediating, "尚有调解可能，请继续调解"), (stored.Status, stored.Referral!.ReturnComment));
        Assert.Equal(nameof(CaseTrigger.ReturnReferral), stored.History.OrderBy(h => h.Id).Last().Action);
        Assert.Empty((await Queue.ListAsync())!.Referrals);
    }

    [Fact]
    public async Task A_decision_on_the_version_the_page_loaded_after_someone_else_decided_is_a_conflict()
    {
        await _cases.ReferredAsync(await _cases.DraftAsync(Today), Today, urgent: false);
        await _app.SignInAsUserAsync("wangfang");
        var loaded = (await Queue.ListAsync())!.Referrals.Single();
        await using (var otherCircuit = _app.NewScope())
        {
            Assert.True((await otherCircuit.Get<CaseService>().ReturnReferralAsync(loaded.Id, loaded.Version, new ReturnReferralInput("请继续调解", Today))).Succeeded);
        }

        var result = await Cases.ApproveReferralAsync(loaded.Id, loaded.Version, new ApproveReferralInput(loaded.Target, null, Today));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        await using var db = await _app.DbAsync();
        var stored = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == loaded.Id);
        Assert.Equal(CaseStatus.Mediating, stored.Status);
        Assert.DoesNotContain(stored.History, h => h.Action == nameof(CaseTrigger.ApproveReferral));
    }

    [Fact]
    public async Task A_village_head_may_not_decide_on_a_referral_of_their_own_village()
    {
        var id = await _cases.ReferredAsync(await _cases.DraftAsync(Today), Today, urgent: false);
        await _app.SignInAsUserAsync("liqiang");

        var approve = await Cases.ApproveReferralAsync(id, 0, new ApproveReferralInput("陈家桥人民法庭", null, Today));
        var returned = await Cases.ReturnReferralAsync(id, 0, new ReturnReferralInput("请继续调解", Today));

        Assert.Equal((Outcome.Forbidden, Outcome.Forbidden), (approve.Outcome, returned.Outcome));
        await using var db = await _app.DbAsync();
        Assert.Equal(CaseStatus.ReferralPending, (await db.Cases.SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task A_missing_receiving_body_or_comment_comes_back_beside_its_field()
    {
        await _cases.ReferredAsync(await _cases.DraftAsync(Today), Today, urgent: false);
        await _app.SignInAsUserAsync("wangfang");
        var referral = (await Queue.ListAsync())!.Referrals.Single();

        var approve = await Cases.ApproveReferralAsync(referral.Id, referral.Version, new ApproveReferralInput(" ", null, Today));
        var returned = await Cases.ReturnReferralAsync(referral.Id, referral.Version, new ReturnReferralInput("", Today));

        Assert.Equal("请填写接收单位", approve.ErrorFor("ReceivingBody"));
        Assert.Equal("请填写退回意见", returned.ErrorFor("Comment"));
        Assert.Single((await Queue.ListAsync())!.Referrals, r => r.Version == referral.Version);
    }
}
