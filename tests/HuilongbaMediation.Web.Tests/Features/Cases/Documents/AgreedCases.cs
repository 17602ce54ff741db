using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Documents;

/// <summary>Cases of 五云山村 carried through the real services, for the document and 卷宗 tests.</summary>
public static class AgreedCases
{
    public static DateOnly Today => TestClock.Today;

    public static AgreementInput Written => new()
    {
        Kind = AgreementKind.Written,
        Facts = "院坝排水沟堵塞致申请人屋后积水。",
        MattersInDispute = "排水沟疏通费用由谁承担。",
        Responsibilities = "双方对排水沟失修各负一半责任。",
        Terms = "1、李小红一次性支付王大明600元；\n2、双方于本周内共同疏通排水沟。",
        PerformanceManner = "现金支付，当面交付",
        PerformanceDeadline = Today.AddDays(10),
        SignedOn = Today,
    };

    public static AgreementInput Oral => new() { Kind = AgreementKind.Oral, Terms = "双方口头约定共同疏通排水沟。", SignedOn = Today };

    /// <summary>Filed by 张敏, who leads it with 周涛 assisting. Signed in as 张敏 afterwards.</summary>
    public static async Task<CaseRef> AssignedAsync(TestApp app)
    {
        var cases = app.Get<CaseService>();
        await app.SignInAsUserAsync("zhangmin");
        var c = Done(await cases.FileAsync(await CaseDrafts.ValidAsync(app)));
        await app.SignInAsUserAsync("liqiang");
        c = Done(await cases.AssignMediatorsAsync(c.Id, c.Version, await app.UserIdAsync("zhangmin"), [await app.UserIdAsync("zhoutao")]));
        await app.SignInAsUserAsync("zhangmin");
        return c;
    }

    /// <summary>Assigned, accepted, one session held and resolved with <paramref name="agreement"/> (written by default). Signed in as 张敏.</summary>
    public static async Task<CaseRef> ResolvedAsync(TestApp app, AgreementInput? agreement = null)
    {
        var cases = app.Get<CaseService>();
        var c = await AssignedAsync(app);
        c = Done(await cases.AcceptAsync(c.Id, c.Version, new AcceptInput(TestClock.Today)));
        c = Done(await cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(Today, await CaseDrafts.VenueIdAsync(app), "王大明、李小红、张敏", "双方陈述，达成一致。")));
        return Done(await cases.ResolveAsync(c.Id, c.Version, agreement ?? Written));
    }

    private static CaseRef Done(Result<CaseRef> result)
    {
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" ", result.Errors)}");
        return result.Value!;
    }
}
