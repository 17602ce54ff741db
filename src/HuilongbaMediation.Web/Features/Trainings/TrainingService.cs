using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Trainings;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Trainings;

public sealed record TrainingView(int Id, DateOnly HeldOn, string Topic, string Trainer, IReadOnlyList<string> Attendees);

/// <summary>A mediator of the roster with the trainings they attended in the year.</summary>
public sealed record RosterMediator(string UserId, string Name, string? Village, bool FullTime, bool IsActive, IReadOnlyList<TrainingView> Trainings);

public sealed record TrainingYear(int Year, IReadOnlyList<TrainingView> Trainings, IReadOnlyList<RosterMediator> Roster);

/// <summary>
/// 调解员培训: the judicial office records trainings (date, topic, trainer, the mediators who attended) and sees the
/// roster with each mediator's trainings of the year; admins see the same (the users page shows the count).
/// </summary>
public sealed class TrainingService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, SqliteWriteGate writeGate, TimeProvider clock)
{
    /// <summary>The year's trainings and the mediator roster; null for users who may not see them.</summary>
    public async Task<TrainingYear?> YearAsync(int year, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { Role: UserRole.JudicialOffice or UserRole.Admin })
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var trainings = await db.Trainings.AsNoTracking().Include(t => t.Attendees)
            .Where(t => t.HeldOn >= from && t.HeldOn <= to).OrderByDescending(t => t.HeldOn).ThenByDescending(t => t.Id).ToListAsync(ct);
        var views = trainings.Select(t => new TrainingView(t.Id, t.HeldOn, t.Topic, t.Trainer, [.. t.Attendees.Select(a => a.DisplayName)])).ToList();
        var mediators = await MediatorsAsync(db, activeOnly: false, ct);
        var roster = mediators
            .Where(m => m.IsActive || trainings.Any(t => t.Attendees.Any(a => a.UserId == m.Id)))
            .Select(m => new RosterMediator(m.Id, m.Name, m.Village, m.FullTime, m.IsActive,
                [.. trainings.Where(t => t.Attendees.Any(a => a.UserId == m.Id)).OrderBy(t => t.HeldOn).Select(t => views.Single(v => v.Id == t.Id))]))
            .ToList();
        return new TrainingYear(year, views, roster);
    }

    /// <summary>The active mediators who may be marked as attending, with their village.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, string? Village)>> MediatorOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await MediatorsAsync(db, activeOnly: true, ct)).Select(m => (m.Id, m.Name, m.Village))];
    }

    /// <summary>How many trainings each user attended in the year (for the users page).</summary>
    public static Task<Dictionary<string, int>> CountsAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.Trainings.AsNoTracking().Where(t => t.HeldOn >= from && t.HeldOn <= to)
            .SelectMany(t => t.Attendees).GroupBy(a => a.UserId)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
    }

    /// <summary>记录培训: refused per field; the attendees must be active mediators.</summary>
    public async Task<(int? Id, IReadOnlyList<FieldError> Errors, string? Refusal)> RecordAsync(
        DateOnly heldOn, string topic, string trainer, IReadOnlyList<string> attendeeIds, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor || !Capability.RecordTrainings.Allows(actor))
        {
            return (null, [], "只有司法所可以记录调解员培训");
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mediators = (await MediatorsAsync(db, activeOnly: true, ct)).ToDictionary(m => m.Id, m => m.Name);
        if (attendeeIds.Any(id => !mediators.ContainsKey(id)))
        {
            return (null, [new FieldError(nameof(TrainingInput.Attendees), "参训人员须为在用的调解员")], null);
        }

        var input = new TrainingInput
        {
            HeldOn = heldOn,
            Topic = topic,
            Trainer = trainer,
            Attendees = [.. attendeeIds.Select(id => new Attendee(id, mediators[id]))],
        };
        var (training, errors, forbidden) = Training.Record(input, actor, clock.GetUtcNow().UtcDateTime);
        if (forbidden || training is null)
        {
            return (null, errors, forbidden ? "只有司法所可以记录调解员培训" : null);
        }

        db.Trainings.Add(training);
        await db.SaveChangesAsync(ct);
        return (training.Id, [], null);
    }

    private static async Task<List<(string Id, string Name, string? Village, bool FullTime, bool IsActive)>> MediatorsAsync(AppDbContext db, bool activeOnly, CancellationToken ct)
    {
        var mediatorRole = db.Roles.Where(r => r.Name == nameof(UserRole.Mediator)).Select(r => r.Id);
        var rows = await db.Users.AsNoTracking()
            .Where(u => (!activeOnly || u.IsActive) && db.UserRoles.Any(ur => ur.UserId == u.Id && mediatorRole.Contains(ur.RoleId)))
            .OrderBy(u => u.Village!.SortOrder).ThenBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, Village = u.Village == null ? null : u.Village.Name, u.FullTime, u.IsActive })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.DisplayName, r.Village, r.FullTime, r.IsActive))];
    }
}
