using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Committees;

/// <summary>
/// Which committee handles a case when nobody chose one: its village's own 人民调解委员会, else (an area such as the
/// 物流园片区, or a village without an active committee) the town's committee. Filing, importing and start-up ask here.
/// </summary>
public sealed class CommitteeDefaults
{
    private readonly IReadOnlyDictionary<int, int> _byVillage;
    private readonly int? _town;

    private CommitteeDefaults(IReadOnlyDictionary<int, int> byVillage, int? town) => (_byVillage, _town) = (byVillage, town);

    public static async Task<CommitteeDefaults> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var active = await db.Committees.AsNoTracking().Where(c => c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Kind, c.VillageId })
            .ToListAsync(ct);
        var byVillage = active.Where(c => c.Kind == CommitteeKind.Village && c.VillageId is not null)
            .GroupBy(c => c.VillageId!.Value)
            .ToDictionary(g => g.Key, g => g.First().Id);
        var town = active.FirstOrDefault(c => c.Code == ReferenceData.TownCommittee)?.Id ?? active.FirstOrDefault(c => c.Kind == CommitteeKind.Town)?.Id;
        return new CommitteeDefaults(byVillage, town);
    }

    /// <summary>The committee of a case of <paramref name="villageId"/> by default; null only when the town has no active committee at all.</summary>
    public int? For(int villageId) => _byVillage.TryGetValue(villageId, out var committee) ? committee : _town;

    /// <summary>
    /// Gives every case without a committee (filed before committees were kept) its village's default, in one statement per
    /// village. Run at start-up after the committees are seeded; returns how many cases it filled in.
    /// </summary>
    public static async Task<int> FillMissingAsync(AppDbContext db, CancellationToken ct)
    {
        var villages = await db.Cases.Where(c => c.CommitteeId == null).Select(c => c.VillageId).Distinct().ToListAsync(ct);
        if (villages.Count == 0)
        {
            return 0;
        }

        var defaults = await LoadAsync(db, ct);
        var filled = 0;
        foreach (var village in villages)
        {
            if (defaults.For(village) is { } committee)
            {
                filled += await db.Cases.Where(c => c.CommitteeId == null && c.VillageId == village)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.CommitteeId, committee), ct);
            }
        }

        return filled;
    }
}
