using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Referrals;

/// <summary>A referral waiting for review, as the review page shows it; <see cref="Version"/> is the one the decision names.</summary>
public sealed record PendingReferral(
    int Id,
    string Number,
    int Version,
    string Village,
    string Summary,
    IReadOnlyList<string> Parties,
    string Reason,
    string Target,
    bool Urgent,
    DateOnly ReferredOn,
    string? ReferredBy,
    DateOnly FiledOn);

/// <summary>The review queue: the first <see cref="ReferralQueueService.MaxShown"/> referrals in review order, and how many wait.</summary>
public sealed record ReferralQueue(IReadOnlyList<PendingReferral> Referrals, int Total);

/// <summary>
/// 移交审核: the cases in ReferralPending, for the judicial office only. Its two decisions are the case's own commands
/// (the same forms as on the case page, through <see cref="CaseService"/>): the domain checks who and state, and a stale
/// version is a Conflict.
/// </summary>
public sealed class ReferralQueueService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>A town's queue is short; past this many the rest are counted and left to the case list.</summary>
    public const int MaxShown = 100;

    /// <summary>Urgent referrals first, then the oldest; null when the signed-in user is not the judicial office.</summary>
    public async Task<ReferralQueue?> ListAsync(CancellationToken ct = default)
    {
        if (!await IsJudicialOfficeAsync())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.ReferralPending && c.Referral != null);
        var total = await pending.CountAsync(ct);
        var rows = await pending
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Version,
                Village = db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.Name).First(),
                c.Summary,
                Parties = c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => p.Name).ToList(),
                c.Referral!.Reason,
                Target = db.ReferralTargets.Where(t => t.Id == c.Referral.TargetId).Select(t => t.Name).First(),
                c.Referral.Urgent,
                c.Referral.ReferredOn,
                c.FiledOn,

                // The latest Refer entry is the pending referral's: a returned case referred again replaces its referral.
                Request = c.History.Where(h => h.Action == nameof(CaseTrigger.Refer))
                    .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
                    .Select(h => new { h.ActorName, h.AtUtc })
                    .FirstOrDefault(),
            })
            .OrderByDescending(r => r.Urgent)
            .ThenBy(r => r.ReferredOn)
            .ThenBy(r => r.Request!.AtUtc)
            .ThenBy(r => r.Id)
            .Take(MaxShown)
            .ToListAsync(ct);
        return new ReferralQueue(
            [.. rows.Select(r => new PendingReferral(
                r.Id, r.Number, r.Version, r.Village, r.Summary, r.Parties, r.Reason, r.Target, r.Urgent, r.ReferredOn, r.Request?.ActorName, r.FiledOn))],
            total);
    }

    /// <summary>How many referrals wait for review: the judicial office's badge; 0 for everyone else.</summary>
    public async Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        if (!await IsJudicialOfficeAsync())
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.CountAsync(c => c.Status == CaseStatus.ReferralPending, ct);
    }

    private async Task<bool> IsJudicialOfficeAsync() => Capability.ReviewReferrals.Allows(await currentUser.GetActorAsync());
}
