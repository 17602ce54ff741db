using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Home;

/// <summary>A village or area with its count of active mediators (the town's rule: at least three each).</summary>
public sealed record VillageRoster(int VillageId, string Name, VillageKind Kind, int ActiveMediators)
{
    public const int RequiredMediators = 3;

    public bool BelowMinimum => ActiveMediators < RequiredMediators;
}

/// <summary>What the home page shows: who is signed in, and the mediator roster of the villages they may see.</summary>
public sealed record HomeOverview(UserProfile Profile, IReadOnlyList<VillageRoster> Rosters, int ActiveUsers);

public sealed class HomeService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<HomeOverview?> GetOverviewAsync(CancellationToken ct = default)
    {
        var profile = await currentUser.GetProfileAsync(ct);
        if (profile is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = db.Villages.AsNoTracking().Where(v => v.IsActive);
        if (profile.Role.BelongsToVillage())
        {
            villages = villages.Where(v => v.Id == profile.VillageId);
        }

        var counts = await MediatorRoster.ActiveMediatorsByVillageAsync(db, ct);

        var rosters = (await villages.OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
                .Select(v => new { v.Id, v.Name, v.Kind })
                .ToListAsync(ct))
            .Select(v => new VillageRoster(v.Id, v.Name, v.Kind, counts.GetValueOrDefault(v.Id)))
            .ToList();
        var activeUsers = profile.Role == UserRole.Admin ? await db.Users.CountAsync(u => u.IsActive, ct) : 0;
        return new HomeOverview(profile, rosters, activeUsers);
    }
}
