using HuilongbaMediation.Web.Data.Seeding;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>
/// How the statistical form (人民调解工作统计表) groups the case sources, by the sources' stable codes: 当事人申请; 主动调解
/// (主动排查 and cases found in a sweep, 排查发现); 委托移送 (法院委派, 派出所移交, 信访转办, 其他部门移交). A source an
/// administrator added (no code) falls in none of the groups and is counted only in its own row.
/// </summary>
public static class SourceGroups
{
    public const string Application = "当事人申请";

    public const string Proactive = "主动调解";

    public const string Delegated = "委托移送";

    /// <summary>The groups in the form's order, each with the codes of its sources.</summary>
    public static readonly IReadOnlyList<(string Group, IReadOnlyList<string> Codes)> All =
    [
        (Application, ["application", ReferenceData.OnlineApplicationSource]),
        (Proactive, ["screening", ReferenceData.SweepFindingSource]),
        (Delegated, ["court-delegated", "police-transfer", "petition-12345", "other-department"]),
    ];

    /// <summary>The codes of a group's sources; none for a name that is not a group.</summary>
    public static IReadOnlyList<string> CodesOf(string group) => All.FirstOrDefault(g => g.Group == group).Codes ?? [];

    /// <summary>The group a source code belongs to, or null.</summary>
    public static string? GroupOf(string? code) => code is null ? null : All.FirstOrDefault(g => g.Codes.Contains(code)).Group;
}
