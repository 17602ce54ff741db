using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>The mediator roster: how many active users of role Mediator each village or area has (the town's rule: three).</summary>
public static class MediatorRoster
{
    /// <summary>Village id → active mediators; villages without any are absent.</summary>
    public static Task<Dictionary<int, int>> ActiveMediatorsByVillageAsync(AppDbContext db, CancellationToken ct)
    {
        var mediatorRole = db.Roles.Where(r => r.Name == nameof(UserRole.Mediator)).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.VillageId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && mediatorRole.Contains(ur.RoleId)))
            .GroupBy(u => u.VillageId!.Value)
            .Select(g => new { VillageId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.VillageId, x => x.Count, ct);
    }
}
