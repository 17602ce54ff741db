using HuilongbaMediation.Domain.Reference;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>
/// The reference data of DOMAIN.md, keyed by stable codes. The code, not the name, decides whether a row is
/// already there, so an Admin may rename a seeded row without the next start adding it again.
/// </summary>
public static class ReferenceData
{
    public const string WuyunshanVillage = "wuyunshan";

    public static IReadOnlyList<Village> Villages()
    {
        var items = Items<Village>(
            ("huilongba", "回龙坝村"),
            ("dashuigou", "大水沟村"),
            (WuyunshanVillage, "五云山村"),
            ("daqiao", "大桥村"),
            ("julongcheng", "聚龙城社区"),
            ("wuliuyuan", "物流园片区"));
        items[4].Kind = VillageKind.Community;
        items[5].Kind = VillageKind.Area;
        return items;
    }

    public static IReadOnlyList<Venue> Venues() => Items<Venue>(
        ("teahouse-dashuigou", "和顺茶馆（大水沟村·一带一路版）"),
        ("teahouse-huilongba", "和顺茶馆（回龙坝村·乡村振兴版）"),
        ("teahouse-julongcheng", "和顺茶馆（聚龙城社区）"),
        ("hongyan-station", "红岩市民综合调解站"),
        ("committee", "村（居）调委会"),
        ("home-visit", "上门调解"),
        (OnlineTeahouseVenue, "线上调解（和顺云茶馆）"));

    public static IReadOnlyList<MediationKind> MediationKinds() => Items<MediationKind>(
        ("people", "人民调解"),
        ("administrative", "行政调解"),
        ("judicial", "司法调解"),
        ("sage", "乡贤调解"));

    public static IReadOnlyList<DisputeCategory> Categories()
    {
        var items = Items<DisputeCategory>(
            ("marriage-family", "婚姻家庭"),
            ("neighbour", "邻里"),
            ("housing-homestead", "房屋宅基地"),
            ("contract", "合同"),
            ("business", "生产经营"),
            ("damages", "损害赔偿"),
            ("forest-land", "山林土地"),
            (CategoryCodes.LandRequisition, "征地拆迁"),
            ("environment", "环境污染"),
            (CategoryCodes.LabourWages, "劳动争议·拖欠农民工工资"),
            (CategoryCodes.LabourOther, "劳动争议·其他"),
            ("consumer", "消费"),
            ("medical", "医疗"),
            ("traffic", "道路交通事故"),
            ("property-management", "物业"),
            ("other", "其他"));
        foreach (var c in items.Where(c => CategoryCodes.IsLabour(c.Code)))
        {
            c.StatisticsGroup = CategoryCodes.LabourGroup;
        }

        return items;
    }

    public static IReadOnlyList<CaseSource> CaseSources() => Items<CaseSource>(
        ("application", "当事人申请"),
        ("screening", "主动排查"),
        ("court-delegated", "法院委派（诉前调解）"),
        ("police-transfer", "派出所移交（警调对接）"),
        ("petition-12345", "信访及12345转办"),
        ("other-department", "其他部门移交"),
        (SweepFindingSource, "主动调解·排查发现"),
        (OnlineApplicationSource, "当事人申请·线上"));

    /// <summary>The source of a case made from an online application (和顺云茶馆).</summary>
    public const string OnlineApplicationSource = "application-online";

    /// <summary>The venue of the online teahouse: where a case made from an online application is mediated.</summary>
    public const string OnlineTeahouseVenue = "online-teahouse";

    /// <summary>The source of a case made from a sweep's finding (矛盾纠纷排查).</summary>
    public const string SweepFindingSource = "sweep-finding";

    public static IReadOnlyList<ReferralTarget> ReferralTargets() => Items<ReferralTarget>(
        ("court-chenjiaqiao", "陈家桥人民法庭"),
        ("police", "派出所"),
        ("labour-arbitration", "劳动人事争议仲裁委员会"),
        ("petition", "信访部门"),
        ("administrative-authority", "行政主管部门"),
        ("traffic-committee", "重庆市交通运输人民调解委员会"),
        ("freight-studio", "货运诉调对接工作室"),
        ("other", "其他"));

    /// <summary>The town's own committee: the cases handled at the town level, and the 物流园片区's, which has no committee of its own.</summary>
    public const string TownCommittee = "town";

    /// <summary>The stable code of a village's committee: its village's code, prefixed.</summary>
    public static string VillageCommitteeCode(string villageCode) => $"village-{villageCode}";

    /// <summary>
    /// The mediation committees and stations: a 人民调解委员会 for each seeded village and community (not for an area, which
    /// is under no village committee), the town's committee, the two 红岩市民综合调解站 and the industry committees the
    /// town works with. <paramref name="villages"/> are the seeded villages with their ids.
    /// </summary>
    public static IReadOnlyList<MediationCommittee> Committees(IEnumerable<Village> villages)
    {
        var items = villages
            .Where(v => v.Code is not null && v.Kind != VillageKind.Area)
            .OrderBy(v => v.SortOrder)
            .Select(v => new MediationCommittee { Code = VillageCommitteeCode(v.Code!), Name = $"回龙坝镇{v.Name}人民调解委员会", Kind = CommitteeKind.Village, VillageId = v.Id })
            .ToList();
        items.Add(new MediationCommittee { Code = TownCommittee, Name = "回龙坝镇人民调解委员会", Kind = CommitteeKind.Town });
        items.Add(new MediationCommittee { Code = "hongyan-station-1", Name = "回龙坝镇红岩市民综合调解站（一站）", Kind = CommitteeKind.Station });
        items.Add(new MediationCommittee { Code = "hongyan-station-2", Name = "回龙坝镇红岩市民综合调解站（二站）", Kind = CommitteeKind.Station });
        items.Add(new MediationCommittee { Code = "traffic-committee", Name = "重庆市交通运输人民调解委员会", Kind = CommitteeKind.Industry });
        items.Add(new MediationCommittee { Code = "freight-studio", Name = "货运诉调对接工作室", Kind = CommitteeKind.Industry });
        for (var i = 0; i < items.Count; i++)
        {
            items[i].SortOrder = (i + 1) * 10;
        }

        return items;
    }

    private static List<T> Items<T>(params (string Code, string Name)[] rows)
        where T : ReferenceItem, new() =>
        rows.Select((r, i) => new T { Code = r.Code, Name = r.Name, SortOrder = (i + 1) * 10 }).ToList();
}
