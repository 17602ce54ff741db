using static HuilongbaMediation.Web.Tests.Infrastructure.People;
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
        var menu = Render<NavMenu>(p => p.Add(x => x.User, Someone(UserRole.JudicialOffice)));
        var page = Render<ReferralReview>();

        page.WaitForAssertion(() => Assert.Equal([urgent.ToString(), later.ToString()], page.FindAll("[data-testid=referral-card]").Select(c => c.GetAttribute("data-case"))));
        Assert.Contains("紧急（有暴力风险）", page.Find("[data-testid=referral-card]").TextContent, StringComparison.Ordinal);
        menu.WaitForAssertion(() => Assert.Equal("2", menu.Find("[data-testid=pending-referrals]").TextContent.Trim()));
        Assert.Equal("2 件待审核", menu.Find("[data-testid=pending-referrals]").GetAttribute("aria-label"));

        page.FindAll("button[data-testid=approve]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Equal("陈家桥人民法庭", Input(dialogs, "ReceivingBody").GetAttribute("value")));
        Input(dialogs, "ReceiptNumber").Input("（2026）渝0106民诉前7号");
        dialogs.Find("form[data-testid=command-form]").Submit(); // the confirm button submits its form; bUnit does not follow form="…"

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
        dialogs.WaitForElement("form[data-testid=command-form]").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("请填写退回意见", dialogs.Find("[data-testid=command-ReturnReferral]").TextContent, StringComparison.Ordinal));

        Input(dialogs, "Comment").Input("尚有调解可能，请继续调解");
        dialogs.Find("form[data-testid=command-form]").Submit(); // the confirm button submits its form; bUnit does not follow form="…"

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
        await cases.ApplyAsync(id, Today, (c, actor, now) => c.ReturnReferral(actor, now, new ReturnReferralInput("请继续调解", Today))); // another user, meanwhile

        page.Find("button[data-testid=approve]").Click();
        dialogs.WaitForElement("form[data-testid=command-form]").Submit();

        snackbars.WaitForAssertion(() => Assert.Contains("案件已被他人修改", snackbars.Markup, StringComparison.Ordinal));
        page.WaitForElement("[data-testid=referrals-empty]");
        Assert.Empty(dialogs.FindAll("[data-testid=command-ApproveReferral]"));
    }

    /// <summary>A TestApp as 王芳, whose referral services this bUnit context uses (registered before the first render).</summary>
    private async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("wangfang");
        Services.AddSingleton(app.Get<ReferralQueueService>());
        Services.AddSingleton(app.Get<HuilongbaMediation.Web.Features.Cases.CaseService>());
        Services.AddSingleton(app.Get<PendingReferralCount>());
        Services.AddCascadingValue(sp => sp.GetRequiredService<PendingReferralCount>());
        return app;
    }

    /// <summary>The input of a form field, by the field's name (the input record's property).</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string field) =>
        dialogs.Find($"input[data-field={field}], [data-field={field}] input, textarea[data-field={field}], [data-field={field}] textarea");
}
