using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>An alias as the 别名表 page lists it, with what it stands for by name.</summary>
public sealed record AliasRow(int Id, AliasKind Kind, string Alias, string Meaning, bool IsBuiltIn);

/// <summary>
/// 别名表: the judicial office and admins see it; admins add aliases and remove the ones they added. An alias may not
/// mean two things, nor be a name the vocabulary already reads (a village's or category's own name).
/// </summary>
public sealed class LedgerAliasService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public static bool MaySee(Actor? actor) => Capability.ImportLedgers.Allows(actor);

    public static bool MayEdit(Actor? actor) => Capability.Administer.Allows(actor);

    public async Task<IReadOnlyList<AliasRow>?> ListAsync(CancellationToken ct = default)
    {
        if (!MaySee(await currentUser.GetActorAsync()))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var aliases = await db.LedgerAliases.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Alias).ToListAsync(ct);
        return [.. aliases.Select(a => new AliasRow(a.Id, a.Kind, a.Alias, a.Kind switch
        {
            AliasKind.Village => villages.GetValueOrDefault(a.TargetId ?? 0, "?"),
            AliasKind.Category => categories.GetValueOrDefault(a.TargetId ?? 0, "?"),
            _ => a.Outcome?.ToString() ?? "?",
        }, a.IsBuiltIn))];
    }

    /// <summary>Adds an alias for a village or category (<paramref name="targetId"/>) or an outcome.</summary>
    public async Task<CaseResult> AddAsync(AliasKind kind, string alias, int? targetId, LedgerOutcome? outcome, CancellationToken ct = default)
    {
        if (!MayEdit(await currentUser.GetActorAsync()))
        {
            return CaseResult.Forbidden("别名表限系统管理员维护");
        }

        var key = LedgerText.Key(alias);
        if (key.Length == 0 || key.Length > LedgerAlias.AliasMaxLength)
        {
            return CaseResult.Invalid(nameof(LedgerAlias.Alias), key.Length == 0 ? "请填写别名" : $"别名不能超过 {LedgerAlias.AliasMaxLength} 字");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var targetExists = kind switch
        {
            AliasKind.Village => targetId is { } v && await db.Villages.AnyAsync(x => x.Id == v, ct),
            AliasKind.Category => targetId is { } c && await db.Categories.AnyAsync(x => x.Id == c, ct),
            _ => outcome is { } o && Enum.IsDefined(o),
        };
        if (!targetExists)
        {
            return CaseResult.Invalid(nameof(LedgerAlias.TargetId), "请选择别名所指的对象");
        }

        if (await db.LedgerAliases.AnyAsync(a => a.Kind == kind && a.Alias == key, ct))
        {
            return CaseResult.Invalid(nameof(LedgerAlias.Alias), $"别名「{key}」已在别名表中");
        }

        var names = kind switch
        {
            AliasKind.Village => await db.Villages.Select(v => v.Name).ToListAsync(ct),
            AliasKind.Category => await db.Categories.Select(c => c.Name).ToListAsync(ct),
            _ => [],
        };
        if (names.Any(n => LedgerText.Key(n) == key))
        {
            return CaseResult.Invalid(nameof(LedgerAlias.Alias), $"「{key}」本身就是名称，无需别名");
        }

        db.LedgerAliases.Add(new LedgerAlias { Kind = kind, Alias = key, TargetId = kind == AliasKind.Outcome ? null : targetId, Outcome = kind == AliasKind.Outcome ? outcome : null });
        await db.SaveChangesAsync(ct);
        return CaseResult.Done(new CaseRef(0, key, 0, CaseStatus.Filed));
    }

    /// <summary>Removes an alias an admin added; the built-in ones stay.</summary>
    public async Task<CaseResult> RemoveAsync(int id, CancellationToken ct = default)
    {
        if (!MayEdit(await currentUser.GetActorAsync()))
        {
            return CaseResult.Forbidden("别名表限系统管理员维护");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alias = await db.LedgerAliases.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alias is null)
        {
            return CaseResult.NotFound();
        }

        if (alias.IsBuiltIn)
        {
            return CaseResult.Invalid(nameof(LedgerAlias.IsBuiltIn), "内置别名不能删除");
        }

        db.LedgerAliases.Remove(alias);
        await db.SaveChangesAsync(ct);
        return CaseResult.Done(new CaseRef(0, alias.Alias, 0, CaseStatus.Filed));
    }
}
