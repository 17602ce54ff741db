using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Referrals;

/// <summary>The three deadlines of DOMAIN.md "Deadlines".</summary>
public enum DeadlineKind
{
    /// <summary>调解办结: a case in mediation is due on its DueOn.</summary>
    Mediation,

    /// <summary>回访: by the agreement's performance deadline, or 30 days after resolution.</summary>
    FollowUp,

    /// <summary>司法确认申请: within 30 days of the agreement taking effect, when the parties said they intend to apply.</summary>
    JudicialConfirmation,
}

/// <summary>One deadline of a case. <see cref="DaysLeft"/> is negative when overdue, 0 on the day.</summary>
public sealed record DeadlineItem(int CaseId, string Number, string Village, DeadlineKind Kind, DateOnly DueOn, int DaysLeft)
{
    public bool IsOverdue => DaysLeft < 0;
}

/// <summary>
/// The most urgent deadlines (most overdue first), how many there are in all, and how many overdue mediations are
/// not shown: those the case list can show with <c>overdue=1</c>.
/// </summary>
public sealed record DeadlineList(IReadOnlyList<DeadlineItem> Items, int Total, int HiddenOverdueMediations)
{
    public int Hidden => Total - Items.Count;
}

/// <summary>
/// What is overdue and what falls due within <see cref="Horizon"/> days, for the cases the signed-in user may see.
/// Each kind is one SQL query for its most urgent rows and one count, so the home page never loads every case.
/// </summary>
public sealed class DeadlineService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>"Falls due within 3 days": today and the three days after it.</summary>
    public const int Horizon = 3;

    /// <summary>A follow-up is due this long after resolution when the agreement names no performance deadline.</summary>
    public const int FollowUpDays = 30;

    public const int DefaultShown = 10;

    public async Task<DeadlineList> ListAsync(int take = DefaultShown, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return new DeadlineList([], 0, 0);
        }

        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(Horizon);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Cases.AsNoTracking().VisibleTo(actor);

        var mediations = visible
            .Where(c => c.Status == CaseStatus.Mediating && c.DueOn != null)
            .Select(c => new DueRow { Id = c.Id, Number = c.Number, VillageId = c.VillageId, DueOn = c.DueOn!.Value });

        // "Since the resolution": a visit recorded for an earlier resolution of a reopened case does not count.
        var followUps = visible
            .Where(c => c.Status == CaseStatus.Resolved && c.Agreement != null
                && !c.FollowUps.Any(f => f.RecordedAtUtc >= c.History.Where(h => h.Action == nameof(CaseTrigger.Resolve)).Max(h => (DateTime?)h.AtUtc)))
            .Select(c => new DueRow
            {
                Id = c.Id,
                Number = c.Number,
                VillageId = c.VillageId,
                DueOn = c.Agreement!.PerformanceDeadline ?? c.ConcludedOn!.Value.AddDays(FollowUpDays),
            });

        var confirmations = visible
            .Where(c => c.Status == CaseStatus.Resolved && c.Agreement != null
                && c.JudicialConfirmation != null && c.JudicialConfirmation.IntendsToApply && c.JudicialConfirmation.AppliedOn == null)
            .Select(c => new DueRow
            {
                Id = c.Id,
                Number = c.Number,
                VillageId = c.VillageId,
                DueOn = c.Agreement!.EffectiveOn.AddDays(Agreement.JudicialConfirmationDays),
            });

        var kinds = new[]
        {
            (DeadlineKind.Mediation, Rows: mediations),
            (DeadlineKind.FollowUp, Rows: followUps),
            (DeadlineKind.JudicialConfirmation, Rows: confirmations),
        };
        var items = new List<DeadlineItem>();
        var total = 0;
        foreach (var (kind, rows) in kinds)
        {
            var due = rows.Where(r => r.DueOn <= horizon);
            total += await due.CountAsync(ct);
            var top = await due.OrderBy(r => r.DueOn).ThenBy(r => r.Id)
                .Take(take)
                .Select(r => new { r.Id, r.Number, Village = db.Villages.Where(v => v.Id == r.VillageId).Select(v => v.Name).First(), r.DueOn })
                .ToListAsync(ct);
            items.AddRange(top.Select(r => new DeadlineItem(r.Id, r.Number, r.Village, kind, r.DueOn, r.DueOn.DayNumber - today.DayNumber)));
        }

        var shown = items.OrderBy(i => i.DueOn).ThenBy(i => i.Kind).ThenBy(i => i.CaseId).Take(take).ToList();
        var overdueMediations = await mediations.CountAsync(r => r.DueOn < today, ct);
        return new DeadlineList(shown, total, overdueMediations - shown.Count(i => i.Kind == DeadlineKind.Mediation && i.IsOverdue));
    }

    /// <summary>A case with a due date, in SQL: composable (Where, OrderBy) because it is built by member assignment.</summary>
    private sealed class DueRow
    {
        public int Id { get; init; }

        public string Number { get; init; } = "";

        public int VillageId { get; init; }

        public DateOnly DueOn { get; init; }
    }
}
