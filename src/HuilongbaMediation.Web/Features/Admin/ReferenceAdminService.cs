using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Admin;

/// <summary>The reference lists an Admin edits on their own pages.</summary>
public enum ReferenceKind
{
    Village,
    Venue,
    Committee,
}

/// <summary>A row of a reference list; for a committee also its kind and the village whose cases it handles by default.</summary>
public sealed record ReferenceItemRow(int Id, string Name, VillageKind? Kind, bool IsActive, bool Seeded,
    CommitteeKind? CommitteeKind = null, int? VillageId = null, string? VillageName = null);

/// <summary>A village the committee dialog offers.</summary>
public sealed record VillageChoice(int Id, string Name);

public sealed class ReferenceItemInput
{
    public string Name { get; set; } = "";

    /// <summary>Villages only: 村, 社区 or 片区.</summary>
    public VillageKind Kind { get; set; } = VillageKind.Village;

    /// <summary>Committees only: 村（居）调委会, 乡镇调委会, 调解站 or 行业性调委会.</summary>
    public CommitteeKind CommitteeKind { get; set; } = CommitteeKind.Village;

    /// <summary>Committees of a village only: the village whose cases it handles unless another is chosen.</summary>
    public int? VillageId { get; set; }
}

/// <summary>
/// List, add, rename and deactivate villages, areas and venues. Rows are never deleted: cases point at them.
/// Only an Admin may call it; every method checks. Every change is written to the security log with the change.
/// </summary>
public sealed class ReferenceAdminService(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IStringLocalizer<SharedResource> l, SecurityLogWriter securityLog)
{
    public const int MaxNameLength = 50;

    public async Task<IReadOnlyList<ReferenceItemRow>> ListAsync(ReferenceKind kind, CancellationToken ct = default)
    {
        if (!await IsAdminAsync())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return kind switch
        {
            ReferenceKind.Village => await db.Villages.AsNoTracking().OrderBy(v => v.SortOrder).ThenBy(v => v.Id)
                .Select(v => new ReferenceItemRow(v.Id, v.Name, v.Kind, v.IsActive, v.Code != null)).ToListAsync(ct),
            ReferenceKind.Committee => await (
                from c in db.Committees.AsNoTracking()
                join v in db.Villages on c.VillageId equals v.Id into vs
                from v in vs.DefaultIfEmpty()
                orderby c.SortOrder, c.Id
                select new ReferenceItemRow(c.Id, c.Name, null, c.IsActive, c.Code != null, c.Kind, c.VillageId, v == null ? null : v.Name)).ToListAsync(ct),
            _ => await db.Venues.AsNoTracking().OrderBy(v => v.SortOrder).ThenBy(v => v.Id)
                .Select(v => new ReferenceItemRow(v.Id, v.Name, null, v.IsActive, v.Code != null)).ToListAsync(ct),
        };
    }

    /// <summary>The villages (not areas) a village committee may serve.</summary>
    public async Task<IReadOnlyList<VillageChoice>> VillagesAsync(CancellationToken ct = default)
    {
        if (!await IsAdminAsync())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Villages.AsNoTracking().Where(v => v.Kind != VillageKind.Area).OrderBy(v => v.SortOrder).ThenBy(v => v.Id)
            .Select(v => new VillageChoice(v.Id, v.Name)).ToListAsync(ct);
    }

    public Task<Result> AddAsync(ReferenceKind kind, ReferenceItemInput input, CancellationToken ct = default) => SaveAsync(kind, null, input, ct);

    public Task<Result> UpdateAsync(ReferenceKind kind, int id, ReferenceItemInput input, CancellationToken ct = default) => SaveAsync(kind, id, input, ct);

    public Task<Result> SetActiveAsync(ReferenceKind kind, int id, bool active, CancellationToken ct = default) => kind switch
    {
        ReferenceKind.Village => SetActiveAsync<Village>(kind, id, active, ct),
        ReferenceKind.Committee => SetActiveAsync<MediationCommittee>(kind, id, active, ct),
        _ => SetActiveAsync<Venue>(kind, id, active, ct),
    };

    private Task<Result> SaveAsync(ReferenceKind kind, int? id, ReferenceItemInput input, CancellationToken ct) => kind switch
    {
        ReferenceKind.Village => SaveAsync<Village>(kind, id, input, (v, _) => { v.Kind = input.Kind; return Task.FromResult<Result?>(null); }, ct),
        ReferenceKind.Committee => SaveAsync<MediationCommittee>(kind, id, input, (c, db) => ApplyCommitteeAsync(c, input, db, ct), ct),
        _ => SaveAsync<Venue>(kind, id, input, (_, _) => Task.FromResult<Result?>(null), ct),
    };

    /// <summary>A village committee names the village it serves (an existing village, not an area); other kinds name none.</summary>
    private async Task<Result?> ApplyCommitteeAsync(MediationCommittee committee, ReferenceItemInput input, AppDbContext db, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.CommitteeKind))
        {
            return Result.Invalid(nameof(input.CommitteeKind), l["Committee.KindRequired"]);
        }

        if (input.CommitteeKind == CommitteeKind.Village
            && (input.VillageId is not { } village || !await db.Villages.AnyAsync(v => v.Id == village && v.Kind != VillageKind.Area, ct)))
        {
            return Result.Invalid(nameof(input.VillageId), l["Committee.VillageRequired"]);
        }

        committee.Kind = input.CommitteeKind;
        committee.VillageId = input.CommitteeKind == CommitteeKind.Village ? input.VillageId : null;
        return null;
    }

    private async Task<Result> SaveAsync<T>(ReferenceKind kind, int? id, ReferenceItemInput input, Func<T, AppDbContext, Task<Result?>> apply, CancellationToken ct)
        where T : ReferenceItem, new()
    {
        if (!await IsAdminAsync())
        {
            return Result.Forbidden(l["Admin.Forbidden"]);
        }

        var name = Text.Required(input.Name);
        if (name.Length == 0)
        {
            return Result.Invalid(nameof(input.Name), l["Reference.NameRequired"]);
        }

        if (name.Length > MaxNameLength)
        {
            return Result.Invalid(nameof(input.Name), string.Format(l["Reference.NameTooLong"], MaxNameLength));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var set = db.Set<T>();
        if (await set.AnyAsync(x => x.Name == name && x.Id != id, ct))
        {
            return Result.Invalid(nameof(input.Name), string.Format(l["Reference.NameTaken"], name));
        }

        T? item;
        string? oldName = null;
        if (id is null)
        {
            item = new T { SortOrder = (await set.MaxAsync(x => (int?)x.SortOrder, ct) ?? 0) + 10 };
            set.Add(item);
        }
        else
        {
            item = await set.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (item is null)
            {
                return Result.NotFound(l["Reference.NotFound"]);
            }

            oldName = item.Name;
        }

        item.Name = name;
        if (await apply(item, db) is { } refused)
        {
            return refused;
        }

        var detail = oldName is null ? $"{List(kind)}：新增" : oldName == name ? $"{List(kind)}：修改" : $"{List(kind)}：更名，原名“{oldName}”";
        db.SecurityLog.Add(await securityLog.NewAsync(SecurityEventKind.ReferenceChanged, name, detail));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a name added at the same moment by someone else.
            return Result.Invalid(nameof(input.Name), string.Format(l["Reference.NameTaken"], name));
        }

        return Result.Done(l["Common.Saved"]);
    }

    private async Task<Result> SetActiveAsync<T>(ReferenceKind kind, int id, bool active, CancellationToken ct)
        where T : ReferenceItem
    {
        if (!await IsAdminAsync())
        {
            return Result.Forbidden(l["Admin.Forbidden"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var name = await db.Set<T>().Where(x => x.Id == id).Select(x => x.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return Result.NotFound(l["Reference.NotFound"]);
        }

        await db.Set<T>().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, active), ct);
        db.SecurityLog.Add(await securityLog.NewAsync(SecurityEventKind.ReferenceChanged, name, $"{List(kind)}：{(active ? "启用" : "停用")}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Done(active ? l["Reference.Activated"] : l["Reference.Deactivated"]);
    }

    /// <summary>The list's name, as the log shows it: 村（社区）与片区, 调解场所.</summary>
    private static string List(ReferenceKind kind) => LogText.Of(kind switch
    {
        ReferenceKind.Village => "Nav.Villages",
        ReferenceKind.Committee => "Nav.Committees",
        _ => "Nav.Venues",
    });

    private async Task<bool> IsAdminAsync() => Capability.Administer.Allows(await currentUser.GetActorAsync());
}
