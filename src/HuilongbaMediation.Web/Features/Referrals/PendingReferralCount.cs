namespace HuilongbaMediation.Web.Features.Referrals;

/// <summary>
/// The pending-referral count of one circuit, shared by the navigation badge and the review page: the page refreshes
/// it after each decision and the badge, which listens, shows the new number. Scoped, so it holds a number only,
/// never a DbContext or an entity.
/// </summary>
public sealed class PendingReferralCount(ReferralQueueService queue)
{
    public event Action? Changed;

    /// <summary>Null until first loaded.</summary>
    public int? Value { get; private set; }

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        Value = await queue.PendingCountAsync(ct);
        Changed?.Invoke();
    }
}
