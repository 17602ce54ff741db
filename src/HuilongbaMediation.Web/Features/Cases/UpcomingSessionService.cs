using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>A session arranged (安排调解) for today or later, on a case in mediation.</summary>
public sealed record UpcomingSession(int CaseId, string CaseNumber, DateOnly On, TimeOnly At, string VenueName, string? Place);

/// <summary>
/// 近期调解: the sessions arranged on the cases a user may read, today and later: a mediator's own cases (those they
/// mediate), a village head's village, the judicial office's town.
/// </summary>
public sealed class UpcomingSessionService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int Shown = 10;

    public async Task<IReadOnlyList<UpcomingSession>> ForMeAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetActorAsync();
        if (actor is null)
        {
            return [];
        }

        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.Cases.AsNoTracking().VisibleTo(actor).Where(c => c.Status == CaseStatus.Mediating);
        if (actor.Role == UserRole.Mediator)
        {
            cases = cases.Where(c => c.Mediators.Any(m => m.UserId == actor.UserId));
        }

        var rows = await cases
            .SelectMany(c => c.ScheduledSessions.Where(s => s.On >= today), (c, s) => new { CaseId = c.Id, c.Number, s.On, s.At, s.VenueName, s.Place })
            .OrderBy(s => s.On).ThenBy(s => s.At).ThenBy(s => s.CaseId)
            .Take(Shown)
            .ToListAsync(ct);
        return [.. rows.Select(s => new UpcomingSession(s.CaseId, s.Number, s.On, s.At, s.VenueName, s.Place))];
    }
}
