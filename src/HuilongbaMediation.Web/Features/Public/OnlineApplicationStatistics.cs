using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>
/// 和顺云茶馆's figures for a period, defined here once: the applications received in it (by the day they came, in
/// 回龙坝's time), and what became of them as of now — 受理立案, 不予受理 or still 待处理; and of those turned into cases,
/// how the case stands: 调解成功, 移交 (approved), 终止, 不予受理 (the case declined later), or still 在办.
/// A cohort: the outcomes of a past period's applications may still change while their cases run.
/// </summary>
public sealed record OnlineApplicationFigures(
    int Received, int Accepted, int Declined, int Waiting, int Resolved, int Referred, int Terminated, int CaseDeclined, int InProgress);

public sealed class OnlineApplicationStatistics(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>The town's figures, for the judicial office and admins (the annual report's readers); null for others.</summary>
    public async Task<OnlineApplicationFigures?> ForTownAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        await currentUser.GetActorAsync() is { Role: UserRole.JudicialOffice or UserRole.Admin } ? await CountAsync(from, to, ct) : null;

    public async Task<OnlineApplicationFigures> CountAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = ChinaClock.StartOfDayUtc(from);
        var end = ChinaClock.StartOfDayUtc(to.AddDays(1));
        var rows = await db.OnlineApplications.AsNoTracking()
            .Where(a => a.SubmittedAtUtc >= start && a.SubmittedAtUtc < end)
            .Select(a => new { a.Status, CaseStatus = db.Cases.Where(c => c.Id == a.CaseId).Select(c => (CaseStatus?)c.Status).FirstOrDefault() })
            .ToListAsync(ct);
        int Cases(params CaseStatus[] states) => rows.Count(r => r.Status == ApplicationStatus.Accepted && r.CaseStatus is { } s && states.Contains(s));
        return new OnlineApplicationFigures(
            Received: rows.Count,
            Accepted: rows.Count(r => r.Status == ApplicationStatus.Accepted),
            Declined: rows.Count(r => r.Status == ApplicationStatus.Declined),
            Waiting: rows.Count(r => r.Status == ApplicationStatus.Received),
            Resolved: Cases(CaseStatus.Resolved),
            Referred: Cases(CaseStatus.ReferralApproved),
            Terminated: Cases(CaseStatus.Terminated),
            CaseDeclined: Cases(CaseStatus.Declined),
            InProgress: Cases(CaseStatus.Filed, CaseStatus.Mediating, CaseStatus.ReferralPending));
    }

    /// <summary>The annual report's sentence; null when no application came in the year.</summary>
    public static string? Sentence(OnlineApplicationFigures f) => f.Received == 0 ? null :
        $"通过“和顺云茶馆”在线申请调解{f.Received}件，受理立案{f.Accepted}件（其中调解成功{f.Resolved}件）、不予受理{f.Declined}件" + (f.Waiting > 0 ? $"、待处理{f.Waiting}件" : "") + "。";
}
