using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>Reads one case for its page, with what this user may do on it now.</summary>
public sealed class CaseReader(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<(Result<CaseRef> Result, CaseDetails? Case)> GetAsync(int caseId, CancellationToken ct = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.ToActor() is not { } actor)
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CaseLoading.Whole(db).AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (Result.NotFound(CaseMessages.NotFound).Of<CaseRef>(), null);
        }

        if (!(await authorization.AuthorizeAsync(principal, c, CaseOperations.Read)).Succeeded)
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        var names = await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => new
        {
            Village = db.Villages.Where(v => v.Id == x.VillageId).Select(v => v.Name).Single(),
            Category = db.Categories.Where(v => v.Id == x.CategoryId).Select(v => v.Name).Single(),
            Source = db.CaseSources.Where(v => v.Id == x.SourceId).Select(v => v.Name).Single(),
            Kind = db.MediationKinds.Where(v => v.Id == x.MediationKindId).Select(v => v.Name).Single(),
            Venue = db.Venues.Where(v => v.Id == x.VenueId).Select(v => v.Name).SingleOrDefault(),
            Committee = db.Committees.Where(v => v.Id == x.CommitteeId).Select(v => v.Name).SingleOrDefault(),
            Target = x.Referral == null ? null : db.ReferralTargets.Where(t => t.Id == x.Referral.TargetId).Select(t => t.Name).SingleOrDefault(),
        }).SingleAsync(ct);
        var venueIds = c.Sessions.Select(s => s.VenueId).Distinct().ToList();
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);

        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        var details = new CaseDetails(
            c.Id, c.Number, c.Status, c.Version, c.Summary, c.Request, names.Village, names.Category, names.Source, names.Kind, c.VenueId, names.Venue,
            c.AmountInvolved, c.PeopleInvolved, c.RiskLevel, c.RiskNote, c.FiledOn, c.AcceptedOn, c.DueOn, c.ConcludedOn,
            [.. c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => PartyView.For(p, c.MayHaveOriginals(actor), today))],
            [.. c.Mediators.OrderByDescending(m => m.IsLead).Select(m => new MediatorView(m.UserId, m.DisplayName, m.IsLead))],
            [.. c.History.OrderBy(h => h.OccurredOn).ThenBy(h => h.AtUtc).ThenBy(h => h.Id)
                .Select(h => new HistoryView(h.OccurredOn, h.AtUtc, h.ActorName, h.FromStatus, h.ToStatus, h.Action, h.Details, h.ImportedFrom))],
            [.. c.Sessions.OrderBy(s => s.HeldOn).ThenBy(s => s.Id).Select(s => new SessionView(s.HeldOn, venues.GetValueOrDefault(s.VenueId, ""), s.Attendees, s.Summary))],
            c.Agreement is { } a ? new AgreementView(a.Kind, a.Terms, a.PerformanceManner, a.PerformanceDeadline, a.SignedOn, a.EffectiveOn) : null,
            c.Referral is { } r ? new ReferralView(names.Target ?? "", r.Reason, r.Urgent, r.ReferredOn, r.ReceivingBody, r.ReceiptNumber, r.ReturnComment) : null,
            c.PermittedTriggers(actor),
            c.PermittedActions(actor),
            c.Ledger is { } l ? new LedgerView(l.Label, l.Number, l.Mediators) : null,
            names.Committee,
            c.CommitteeId);
        return (Result.Made(new CaseRef(c.Id, c.Number, c.Version, c.Status)), details);
    }
}
