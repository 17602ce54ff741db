using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>An option of a select: reference data or a mediator, with the group it is listed under (a mediator's village).</summary>
public sealed record Option<TKey>(TKey Id, string Name, string? Group = null, int? GroupId = null);

/// <summary>The choices the case forms and filters offer: active reference rows and active mediators.</summary>
public sealed record CaseOptions(
    IReadOnlyList<Option<int>> Villages,
    IReadOnlyList<Option<int>> Categories,
    IReadOnlyList<Option<int>> Sources,
    IReadOnlyList<Option<int>> MediationKinds,
    IReadOnlyList<Option<int>> Venues,
    IReadOnlyList<Option<int>> ReferralTargets,
    IReadOnlyList<Option<string>> Mediators,
    IReadOnlyList<Option<int>> Committees);

public sealed class CaseFormOptions(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>
    /// The options for this user. Villages are the ones they may file for (their own, or all for the judicial office);
    /// mediators carry their village as <see cref="Option{TKey}.Group"/>.
    /// </summary>
    public async Task<CaseOptions> GetAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => new Option<int>(v.Id, v.Name, null)).ToListAsync(ct);
        var mediatorRole = db.Roles.Where(r => r.Name == nameof(UserRole.Mediator)).Select(r => r.Id);
        var mediators = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && mediatorRole.Contains(ur.RoleId)))
            .OrderBy(u => u.Village!.SortOrder).ThenBy(u => u.DisplayName)
            .Select(u => new Option<string>(u.Id, u.DisplayName, u.Village == null ? null : u.Village.Name, u.VillageId))
            .ToListAsync(ct);
        return new CaseOptions(
            villages,
            await db.Categories.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => new Option<int>(v.Id, v.Name, v.StatisticsGroup)).ToListAsync(ct),
            await db.CaseSources.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => new Option<int>(v.Id, v.Name, null)).ToListAsync(ct),
            await db.MediationKinds.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => new Option<int>(v.Id, v.Name, null)).ToListAsync(ct),
            await db.Venues.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => new Option<int>(v.Id, v.Name, null)).ToListAsync(ct),
            await db.ReferralTargets.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => new Option<int>(v.Id, v.Name, null)).ToListAsync(ct),
            mediators,
            await db.Committees.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).Select(v => new Option<int>(v.Id, v.Name, null, v.VillageId)).ToListAsync(ct));
    }

    /// <summary>The mediators a case of <paramref name="villageId"/> may be given by this actor: the village's own; any for the judicial office.</summary>
    public static IReadOnlyList<Option<string>> MediatorsFor(CaseOptions options, Actor? actor, int? villageId) =>
        actor?.Role == UserRole.JudicialOffice ? options.Mediators : [.. options.Mediators.Where(m => m.GroupId == villageId)];

    /// <summary>The villages this actor may file a case for.</summary>
    public static IReadOnlyList<Option<int>> FilingVillages(CaseOptions options, Actor actor) =>
        actor.Role.BelongsToVillage() ? [.. options.Villages.Where(v => v.Id == actor.VillageId)] : options.Villages;
}
