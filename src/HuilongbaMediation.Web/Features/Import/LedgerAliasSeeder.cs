using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>
/// The usual ways the town's ledgers write its villages, categories and outcomes, added to the alias table when missing
/// (by kind and alias), as built-in rows. Villages and categories are found by their seed codes, so a renamed row keeps its aliases.
/// </summary>
public sealed class LedgerAliasSeeder(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly (string Code, string[] Aliases)[] Villages =
    [
        ("huilongba", ["回龙坝", "回龙坝村村委会"]),
        ("dashuigou", ["大水沟"]),
        ("wuyunshan", ["五云山", "五云"]),
        ("daqiao", ["大桥"]),
        ("julongcheng", ["聚龙城", "聚龙城小区"]),
        ("wuliuyuan", ["物流园", "物流园区", "物流园片", "西部物流园", "回龙坝物流园"]),
    ];

    private static readonly (string Code, string[] Aliases)[] Categories =
    [
        ("marriage-family", ["婚姻", "家庭", "婚姻家庭纠纷", "婚姻家庭类", "赡养", "抚养", "继承", "离婚"]),
        ("neighbour", ["相邻纠纷", "相邻", "相邻关系", "邻里关系", "邻居", "邻里纠纷"]),
        ("housing-homestead", ["房屋", "宅基地", "房屋宅基地纠纷", "房产"]),
        ("contract", ["合同纠纷", "借款", "借贷", "民间借贷"]),
        ("business", ["经营", "生产经营纠纷", "合伙"]),
        ("damages", ["损害赔偿纠纷", "人身损害", "财产损害", "侵权"]),
        ("forest-land", ["山林", "土地", "山林土地纠纷", "承包地", "林地"]),
        ("land-requisition", ["征地", "拆迁", "征地拆迁纠纷", "征收"]),
        ("environment", ["环境", "污染", "噪音", "环境污染纠纷"]),
        ("labour-wages", ["欠薪", "拖欠工资", "讨薪", "拖欠农民工工资", "农民工工资", "欠薪纠纷"]),
        ("labour-other", ["劳资", "劳动", "劳动争议", "劳动纠纷", "劳资纠纷", "工伤", "劳务"]),
        ("consumer", ["消费纠纷", "消费者权益", "购物"]),
        ("medical", ["医疗纠纷", "医患"]),
        ("traffic", ["交通事故", "交通", "车祸", "道路交通"]),
        ("property-management", ["物业纠纷", "物业管理", "物业费"]),
        ("other", ["其它"]),
    ];

    private static readonly (LedgerOutcome Outcome, string[] Aliases)[] Outcomes =
    [
        (LedgerOutcome.Resolved, ["调解成功", "成功", "达成协议", "已调解", "调处成功", "调结", "已调结", "已履行", "已化解", "化解"]),
        (LedgerOutcome.Referred, ["调解不成", "调解不成功", "未成功", "不成功", "调解失败", "失败", "未达成协议", "移交", "已移交", "转交", "移送", "引导诉讼"]),
        (LedgerOutcome.Terminated, ["终止", "终止调解", "撤回", "撤回申请"]),
        (LedgerOutcome.Declined, ["不予受理", "不受理"]),
        (LedgerOutcome.Open, ["在办", "调解中", "正在调解", "未结", "待调解", "办理中", "未办结"]),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var present = (await db.LedgerAliases.Select(a => new { a.Kind, a.Alias }).ToListAsync(ct)).Select(a => (a.Kind, a.Alias)).ToHashSet();
        var villages = await db.Villages.Where(v => v.Code != null).ToDictionaryAsync(v => v.Code!, v => v.Id, ct);
        var categories = await db.Categories.Where(c => c.Code != null).ToDictionaryAsync(c => c.Code!, c => c.Id, ct);
        var wanted = new List<LedgerAlias>();
        void Want(AliasKind kind, string alias, int? target, LedgerOutcome? outcome)
        {
            var key = LedgerText.Key(alias);
            if (present.Add((kind, key)))
            {
                wanted.Add(new LedgerAlias { Kind = kind, Alias = key, TargetId = target, Outcome = outcome, IsBuiltIn = true });
            }
        }

        foreach (var (code, aliases) in Villages.Where(v => villages.ContainsKey(v.Code)))
        {
            Array.ForEach(aliases, a => Want(AliasKind.Village, a, villages[code], null));
        }

        foreach (var (code, aliases) in Categories.Where(c => categories.ContainsKey(c.Code)))
        {
            Array.ForEach(aliases, a => Want(AliasKind.Category, a, categories[code], null));
        }

        foreach (var (outcome, aliases) in Outcomes)
        {
            Array.ForEach(aliases, a => Want(AliasKind.Outcome, a, null, outcome));
        }

        db.LedgerAliases.AddRange(wanted);
        await db.SaveChangesAsync(ct);
    }
}
