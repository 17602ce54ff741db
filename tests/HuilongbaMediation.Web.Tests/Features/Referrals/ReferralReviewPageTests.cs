using Bunit;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Components.Layout;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Features.Referrals.Pages;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HuilongbaMediation.Web.Tests.Features.Referrals;

/// <summary>
/// The 移交审核 page and the menu badge together, as in one circuit: bUnit renders them over the services of a
/// TestApp (real SQLite) signed in as the judicial office.
/// </summary>
public sealed class ReferralReviewPageTests : MudTestContext
{
    private static DateOnly Today => BackdatedCases.Today;

    [Fact]
    public async Task Approving_a_card_removes_it_and_the_menu_badge_counts_down()
    {
        await using var app = await StartAsync();
        var cases = new BackdatedCases(app);
        var later = await cases.ReferredAsync(await cases.DraftAsync(Today.AddDays(-3)), Today.AddDays(-2), urgent: false);
        var urgent = await cases.ReferredAsync(await cases.DraftAsync(Today.AddDays(-3)), Today, urgent: true);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var menu = Render<NavMenu>(p => p.Add(x => x.Role, UserRole.JudicialOffice));
        var page = Render<ReferralReview>();

        page.WaitForAssertion(() => Assert.Equal([urgent.ToString(), later.ToString()], page.FindAll("[data-testid=referral-card]").Select(c => c.GetAttribute("data-case"))));
        Assert.Contains("紧急（有暴力风险）", page.Find("[data-testid=referral-card]").TextContent, StringComparison.Ordinal);
        menu.WaitForAssertion(() => Assert.Equal("2", menu.Find("[data-testid=pending-referrals]").TextContent.Trim()));
        Assert.Equal("2 件待审核", menu.Find("[data-testid=pending-referrals]").GetAttribute("aria-label"));

        page.FindAll("button[data-testid=approve]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Equal("陈家桥人民法庭", Input(dialogs, "receiving-body").GetAttribute("value")));
        Input(dialogs, "receipt-number").Change("（2026）渝0106民诉前7号");
        dialogs.Find("button[data-testid=approve-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal([later.ToString()], page.FindAll("[data-testid=referral-card]").Select(c => c.GetAttribute("data-case"))));
        menu.WaitForAssertion(() => Assert.Equal("1", menu.Find("[data-testid=pending-referrals]").TextContent.Trim()));
        snackbars.WaitForAssertion(() => Assert.Contains("已审核通过", snackbars.Markup, StringComparison.Ordinal));
        await using var db = await app.DbAsync();
        var stored = await db.Cases.SingleAsync(c => c.Id == urgent);
        Assert.Equal((CaseStatus.ReferralApproved, "陈家桥人民法庭", "（2026）渝0106民诉前7号"), (stored.Status, stored.Referral!.ReceivingBody, stored.Referral.ReceiptNumber));
    }

    [Fact]
    public async Task Returning_needs_a_comment_which_is_asked_for_beside_its_field()
    {
        await using var app = await StartAsync();
        var cases = new BackdatedCases(app);
        var id = await cases.ReferredAsync(await cases.DraftAsync(Today), Today, urgent: false);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ReferralReview>();

        page.WaitForElement("button[data-testid=return]").Click();
        dialogs.WaitForElement("button[data-testid=return-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("请填写退回意见", dialogs.Find("[data-testid=return-referral-dialog]").TextContent, StringComparison.Ordinal));

        Input(dialogs, "return-comment").Change("尚有调解可能，请继续调解");
        dialogs.Find("button[data-testid=return-confirm]").Click();

        page.WaitForElement("[data-testid=referrals-empty]");
        await using var db = await app.DbAsync();
        Assert.Equal(CaseStatus.Mediating, (await db.Cases.SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task A_decision_on_a_case_someone_else_changed_says_so_and_reloads_the_list()
    {
        await using var app = await StartAsync();
        var cases = new BackdatedCases(app);
        var id = await cases.ReferredAsync(await cases.DraftAsync(Today), Today, urgent: false);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<ReferralReview>();
        page.WaitForElement("[data-testid=referral-card]");
        await cases.ApplyAsync(id, Today, (c, actor, now) => c.ReturnReferral(actor, now, "请继续调解")); // another user, meanwhile

        page.Find("button[data-testid=approve]").Click();
        dialogs.WaitForElement("button[data-testid=approve-confirm]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("案件已被他人修改", snackbars.Markup, StringComparison.Ordinal));
        page.WaitForElement("[data-testid=referrals-empty]");
        Assert.Empty(dialogs.FindAll("[data-testid=approve-referral-dialog]"));
    }

    /// <summary>A TestApp as 王芳, whose referral services this bUnit context uses (registered before the first render).</summary>
    private async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("wangfang");
        Services.AddSingleton(app.Get<ReferralQueueService>());
        Services.AddSingleton(app.Get<PendingReferralCount>());
        Services.AddCascadingValue(sp => sp.GetRequiredService<PendingReferralCount>());
        return app;
    }

    /// <summary>The input of a MudTextField marked with a data-testid (on the input or around it).</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid={testId}], [data-testid={testId}] input, textarea[data-testid={testId}], [data-testid={testId}] textarea");
}
