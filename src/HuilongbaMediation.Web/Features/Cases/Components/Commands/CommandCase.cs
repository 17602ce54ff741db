using HuilongbaMediation.Web.Features.Referrals;

namespace HuilongbaMediation.Web.Features.Cases.Components.Commands;

/// <summary>
/// What a command's form needs to know of its case: which case and version it writes, and what it prefills or shows.
/// The case page makes it from the case's details, the referral review page from the pending referral: one form per
/// command serves both.
/// </summary>
public sealed record CommandCase(
    int Id,
    string Number,
    int Version,
    DateOnly FiledOn,
    int? VenueId = null,
    DateOnly? DueOn = null,
    string? LeadId = null,
    string? LeadName = null,
    IReadOnlyList<string>? AssistantIds = null,
    string? ReferralTarget = null,
    string? ReferralReason = null,
    int? CommitteeId = null,
    PartyView? Party = null)
{
    public static CommandCase From(CaseDetails c) => new(
        c.Id,
        c.Number,
        c.Version,
        c.FiledOn,
        c.VenueId,
        c.DueOn,
        c.Lead?.UserId,
        c.Lead?.DisplayName,
        [.. c.Mediators.Where(m => !m.IsLead).Select(m => m.UserId)],
        c.Referral?.Target,
        c.Referral?.Reason,
        c.CommitteeId);

    public static CommandCase From(PendingReferral r) => new(r.Id, r.Number, r.Version, r.FiledOn, ReferralTarget: r.Target, ReferralReason: r.Reason);
}
