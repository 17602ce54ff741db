using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Referrals;

/// <summary>
/// Cases filed and carried at chosen dates, straight through the domain's intent methods and saved with a DbContext:
/// the services stamp "now", so a case accepted 31 days ago can only be made this way. Every step is taken by the
/// judicial office (王芳), who may take them all, with the case's village's first demo mediator as lead. Needs the
/// demo users.
/// </summary>
public sealed class BackdatedCases(TestApp app)
{
    public static DateOnly Today => ChinaClock.Today(DateTime.UtcNow);

    /// <summary>A valid draft of the village (by seed code), filed on <paramref name="filedOn"/>.</summary>
    public async Task<CaseDraft> DraftAsync(DateOnly filedOn, string villageCode = "wuyunshan") =>
        await CaseDrafts.ValidAsync(app, villageCode) with { FiledOn = filedOn };

    public async Task<int> FiledAsync(CaseDraft draft) => await CreateAsync(draft, (_, _) => { });

    /// <summary>Accepted on <paramref name="acceptedOn"/> (so due 30 days later), with one session that day.</summary>
    public async Task<int> MediatingAsync(CaseDraft draft, DateOnly acceptedOn)
    {
        var venueId = await CaseDrafts.VenueIdAsync(app);
        return await CreateAsync(draft with { FiledOn = Min(draft.FiledOn, acceptedOn) }, (c, step) => Mediate(c, step, acceptedOn, venueId));
    }

    /// <summary>Resolved on <paramref name="resolvedOn"/> with an oral agreement signed and effective that day.</summary>
    public async Task<int> ResolvedAsync(CaseDraft draft, DateOnly resolvedOn, DateOnly? performanceDeadline = null, bool intendsToConfirm = false)
    {
        var acceptedOn = resolvedOn.AddDays(-5);
        var venueId = await CaseDrafts.VenueIdAsync(app);
        return await CreateAsync(draft with { FiledOn = Min(draft.FiledOn, acceptedOn) }, (c, step) =>
        {
            Mediate(c, step, acceptedOn, venueId);
            step(resolvedOn, (actor, now) => c.Resolve(actor, now, new AgreementInput
            {
                Kind = AgreementKind.Oral,
                Terms = "双方口头约定，一方赔偿另一方损失。",
                SignedOn = resolvedOn,
                PerformanceDeadline = performanceDeadline,
            }));
            if (intendsToConfirm)
            {
                step(resolvedOn, (actor, now) => c.RecordJudicialConfirmation(actor, now, new JudicialConfirmationInput(true, null, null, null)));
            }
        });
    }

    /// <summary>Referred on <paramref name="referredOn"/> to 陈家桥人民法庭, after accepting it that day.</summary>
    public async Task<int> ReferredAsync(CaseDraft draft, DateOnly referredOn, bool urgent)
    {
        var targetId = await CaseDrafts.ReferralTargetIdAsync(app);
        var venueId = await CaseDrafts.VenueIdAsync(app);
        return await CreateAsync(draft with { FiledOn = Min(draft.FiledOn, referredOn) }, (c, step) =>
        {
            Mediate(c, step, referredOn, venueId);
            step(referredOn, (actor, now) => c.Refer(actor, now, new ReferInput(targetId, "一方坚持诉讼解决", urgent, referredOn)));
        });
    }

    /// <summary>One more step on a saved case, on <paramref name="on"/>, as the judicial office; the version moves on.</summary>
    public async Task ApplyAsync(int caseId, DateOnly on, Func<MediationCase, Actor, DateTime, WorkflowResult> change)
    {
        var actor = await JudicialOfficeAsync();
        await using var db = await app.DbAsync();
        var c = await CaseLoading.ForChange(db).SingleAsync(x => x.Id == caseId);
        Require(change(c, actor, At(on)));
        c.Version++;
        await db.SaveChangesAsync();
    }

    /// <summary>Ten o'clock in 回龙坝 on a China date.</summary>
    public static DateTime At(DateOnly date) => ChinaClock.StartOfDayUtc(date).AddHours(10);

    private static void Mediate(MediationCase c, Step step, DateOnly acceptedOn, int venueId)
    {
        step(acceptedOn, (actor, now) => c.Accept(actor, now, new AcceptInput(acceptedOn)));
        step(acceptedOn, (actor, now) => c.RecordSession(actor, now, new SessionInput(acceptedOn, venueId, "双方当事人", "第一次调解，双方陈述意见。")));
    }

    private async Task<int> CreateAsync(CaseDraft draft, Action<MediationCase, Step> carry)
    {
        var actor = await JudicialOfficeAsync();
        await using var db = await app.DbAsync();
        var mediatorRole = db.Roles.Where(r => r.Name == nameof(UserRole.Mediator)).Select(r => r.Id);
        var lead = await db.Users
            .Where(u => u.VillageId == draft.VillageId && db.UserRoles.Any(ur => ur.UserId == u.Id && mediatorRole.Contains(ur.RoleId)))
            .OrderBy(u => u.UserName).Select(u => new MediatorRef(u.Id, u.DisplayName)).FirstAsync();
        var filed = MediationCase.File(draft, actor, At(draft.FiledOn), draft.FiledOn);
        Require(filed);
        var c = filed.Value;
        var year = draft.FiledOn.Year;
        c.AssignNumber(year, (await db.Cases.Where(x => x.Year == year).MaxAsync(x => (int?)x.Sequence) ?? 0) + 1);
        Require(c.AssignMediators(actor, At(draft.FiledOn), new MediatorAssignment(lead, [])));
        carry(c, (on, change) => Require(change(actor, At(on))));
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private async Task<Actor> JudicialOfficeAsync()
    {
        await using var db = await app.DbAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == "wangfang");
        return new Actor(user.Id, user.DisplayName, UserRole.JudicialOffice, null);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static void Require(WorkflowResult result) =>
        Assert.True(result.IsOk, result.ToString());

    /// <summary>Takes a step on the case being carried: on a date, as the judicial office.</summary>
    private delegate void Step(DateOnly on, Func<Actor, DateTime, WorkflowResult> change);
}
