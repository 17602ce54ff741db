using HuilongbaMediation.Web.Components.Shared;

namespace HuilongbaMediation.Web.Features.Referrals;

/// <summary>The referrals waiting for review, for the navigation badge and the review page (<see cref="CircuitCount"/>).</summary>
public sealed class PendingReferralCount(ReferralQueueService queue) : CircuitCount
{
    protected override Task<int> CountAsync(CancellationToken ct) => queue.PendingCountAsync(ct);
}
