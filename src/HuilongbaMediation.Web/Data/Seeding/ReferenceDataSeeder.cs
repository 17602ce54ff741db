using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>Adds the roles and the reference rows that are missing; running it again changes nothing.</summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        await AddMissingAsync(db.Villages, ReferenceData.Villages(), ct);
        await AddMissingAsync(db.Venues, ReferenceData.Venues(), ct);
        await AddMissingAsync(db.MediationKinds, ReferenceData.MediationKinds(), ct);
        await AddMissingAsync(db.Categories, ReferenceData.Categories(), ct);
        await AddMissingAsync(db.CaseSources, ReferenceData.CaseSources(), ct);
        await AddMissingAsync(db.ReferralTargets, ReferenceData.ReferralTargets(), ct);

        // Each village's committee names its village: the villages get their ids first.
        await db.SaveChangesAsync(ct);
        await AddMissingAsync(db.Committees, ReferenceData.Committees(await db.Villages.AsNoTracking().ToListAsync(ct)), ct);

        var roles = await db.Roles.Select(r => r.Name!).ToListAsync(ct);
        foreach (var role in Enum.GetNames<UserRole>().Except(roles, StringComparer.Ordinal))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }

        await db.SaveChangesAsync(ct);

        // Cases filed before committees were kept are handled by their village's committee.
        await Features.Committees.CommitteeDefaults.FillMissingAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task AddMissingAsync<T>(DbSet<T> set, IEnumerable<T> wanted, CancellationToken ct)
        where T : ReferenceItem
    {
        var present = await set.Where(x => x.Code != null).Select(x => x.Code!).ToListAsync(ct);
        set.AddRange(wanted.Where(w => !present.Contains(w.Code!, StringComparer.Ordinal)));
    }
}
