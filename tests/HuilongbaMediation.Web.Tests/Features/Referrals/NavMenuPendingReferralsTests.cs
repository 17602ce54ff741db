using Bunit;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Components.Layout;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static HuilongbaMediation.Web.Tests.Infrastructure.People;

namespace HuilongbaMediation.Web.Tests.Features.Referrals;

/// <summary>The pending-referral badge on the navigation, with the app's real count behind it.</summary>
public sealed class NavMenuPendingReferralsTests : MudTestContext
{
    [Fact]
    public async Task The_referrals_entry_counts_what_waits_and_shows_nothing_when_nothing_does()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var cases = await BackdatedCases.CreateAsync(app);
        await cases.ReferredAsync(await cases.DraftAsync(BackdatedCases.Today), BackdatedCases.Today, urgent: false);
        await app.SignInAsUserAsync("wangfang");
        var count = app.Get<PendingReferralCount>();
        Services.AddSingleton(count);
        Services.AddCascadingValue(sp => sp.GetRequiredService<PendingReferralCount>());

        var cut = Render<NavMenu>(p => p.Add(x => x.User, Someone(UserRole.JudicialOffice)));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("a[href='/referrals'] [data-testid=pending-referrals]").TextContent.Trim()));
        Assert.Equal(["首页", "新建案件", "案件", "在线申请", "移交审核1", "统计", "矛盾纠纷排查", "调解员培训", "台账清零", "统计报表", "年度报告", "导入台账", "别名表", "修改密码"], cut.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim().Replace(" ", "", StringComparison.Ordinal)));

        var queue = app.Get<ReferralQueueService>();
        var referral = (await queue.ListAsync())!.Referrals.Single();
        Assert.True((await app.Get<CaseService>().ReturnReferralAsync(referral.Id, referral.Version, new ReturnReferralInput("请继续调解", TestClock.Today))).Succeeded);
        await cut.InvokeAsync(() => count.RefreshAsync());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=pending-referrals]")));
        Assert.Equal("移交审核", cut.Find("a[href='/referrals']").TextContent.Trim());
    }
}
