namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// What a user may reach, by role (DOMAIN.md "Who uses it"): the one statement of who may see the dashboard, review
/// referrals, read the annual report, import ledgers, administer. Each capability is a named authorization policy (the
/// web layer registers one per value, by its name), and pages, endpoints, the menu and the services all ask here.
/// Which cases a user may read or act on is per case, not per page: that is <see cref="Cases.CaseAccess"/>.
/// </summary>
public enum Capability
{
    /// <summary>Any signed-in user: home, the case list (their cases), a case they may read (checked per case).</summary>
    SignedIn,

    /// <summary>新建案件: mediators and village heads for their village or area, the judicial office for any.</summary>
    FileCases,

    /// <summary>统计: village heads (their village in full, the town's totals), the judicial office and admins.</summary>
    Oversight,

    /// <summary>移交审核: the judicial office decides referrals.</summary>
    ReviewReferrals,

    /// <summary>年度报告: the judicial office and admins.</summary>
    AnnualReport,

    /// <summary>导入台账 and the alias table: the judicial office and admins (admins also edit the aliases).</summary>
    ImportLedgers,

    /// <summary>矛盾纠纷排查: a village's mediators and head record their village's sweeps, the judicial office any village's.</summary>
    RecordSweeps,

    /// <summary>调解员培训: the judicial office records trainings (admins see them).</summary>
    RecordTrainings,

    /// <summary>台账清零: a village head signs off their village's month; the judicial office sees every village and closes the month.</summary>
    SignOffMonths,

    /// <summary>在线申请 (和顺云茶馆): a village's mediators and head see their village's queue, the judicial office every queue.</summary>
    HandleApplications,

    /// <summary>系统管理: users, villages and venues, backups, the security log; editing the ledger aliases.</summary>
    Administer,
}

public static class Access
{
    /// <summary>Whether <paramref name="actor"/> (null: not signed in, or not yet allowed in) has the capability.</summary>
    public static bool Allows(this Capability capability, Actor? actor) => actor is not null && capability switch
    {
        Capability.SignedIn => true,
        Capability.FileCases => actor.Role is UserRole.JudicialOffice || (actor.Role.BelongsToVillage() && actor.VillageId is not null),
        Capability.Oversight => actor.Role is UserRole.JudicialOffice or UserRole.Admin || (actor.Role is UserRole.VillageHead && actor.VillageId is not null),
        Capability.ReviewReferrals => actor.Role is UserRole.JudicialOffice,
        Capability.RecordSweeps => actor.Role is UserRole.JudicialOffice || (actor.Role.BelongsToVillage() && actor.VillageId is not null),
        Capability.HandleApplications => actor.Role is UserRole.JudicialOffice || (actor.Role.BelongsToVillage() && actor.VillageId is not null),
        Capability.RecordTrainings => actor.Role is UserRole.JudicialOffice,
        Capability.SignOffMonths => actor.Role is UserRole.JudicialOffice || (actor.Role is UserRole.VillageHead && actor.VillageId is not null),
        Capability.AnnualReport or Capability.ImportLedgers => actor.Role is UserRole.JudicialOffice or UserRole.Admin,
        Capability.Administer => actor.Role is UserRole.Admin,
        _ => false,
    };
}
