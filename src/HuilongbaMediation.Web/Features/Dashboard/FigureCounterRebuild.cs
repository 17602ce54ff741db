using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>What a rebuild found: the counters now, and how many differed from what the cases and history say.</summary>
public sealed record CounterRebuild(int Counters, int Differing);

/// <summary>
/// Makes every dashboard counter again from the cases and their history, in one transaction (the triggers keep them
/// from then on), and says how many had drifted — none, unless something wrote around the triggers. For
/// <c>rebuild-counters</c> and for checking them.
/// </summary>
public sealed class FigureCounterRebuilder(IDbContextFactory<AppDbContext> dbFactory, SqliteWriteGate writeGate)
{
    public async Task<CounterRebuild> RebuildAsync(CancellationToken ct = default)
    {
        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = await CountingAsync(db, ct);
        await db.Database.ExecuteSqlRawAsync(FigureCounterSql.RebuildSql(db.Database.IsNpgsql()), ct);
        var after = await CountingAsync(db, ct);
        await transaction.CommitAsync(ct);
        var differing = before.Keys.Union(after.Keys).Count(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key));
        return new CounterRebuild(after.Count, differing);
    }

    /// <summary>The counters that count something (one at zero counts nothing), their sums by their table and key.</summary>
    private static async Task<Dictionary<(string, int, int, int, int), string>> CountingAsync(AppDbContext db, CancellationToken ct)
    {
        var counting = (await db.FigureCounters.AsNoTracking()
                .Where(c => c.Filed != 0 || c.Resolved != 0 || c.Referred != 0 || c.Terminated != 0 || c.Declined != 0 || c.WrittenAgreements != 0
                    || c.OralAgreements != 0 || c.AmountResolvedFen != 0 || c.PeopleResolved != 0 || c.PreventedCriminalCases != 0
                    || c.PreventedCriminalPeople != 0 || c.Concluded != 0 || c.DaysToConclude != 0)
                .ToListAsync(ct))
            .ToDictionary(
                c => (FigureCounterSql.Table, c.Month, c.VillageId, c.CategoryId, c.CommitteeId),
                c => string.Join('|', c.Filed, c.Resolved, c.Referred, c.Terminated, c.Declined, c.WrittenAgreements, c.OralAgreements,
                    c.AmountResolvedFen, c.PeopleResolved, c.PreventedCriminalCases, c.PreventedCriminalPeople, c.Concluded, c.DaysToConclude));
        foreach (var d in await db.OpenStateDeltas.AsNoTracking()
                     .Where(d => d.InMediationDelta != 0 || d.PendingReviewDelta != 0 || d.OverdueDelta != 0).ToListAsync(ct))
        {
            counting.Add((FigureCounterSql.DeltaTable, d.Month, d.VillageId, d.CategoryId, d.CommitteeId),
                string.Join('|', d.InMediationDelta, d.PendingReviewDelta, d.OverdueDelta));
        }

        return counting;
    }
}
