namespace HuilongbaMediation.Domain.Common;

/// <summary>The four roles of DOMAIN.md. The names are also the ASP.NET Core Identity role names.</summary>
public enum UserRole
{
    /// <summary>调解员: files and carries cases of their village or area, and every case assigned to them.</summary>
    Mediator,

    /// <summary>村（社区）负责人: files cases found in their village, assigns its mediators, watches deadlines.</summary>
    VillageHead,

    /// <summary>司法所: reviews referrals, extends deadlines, reassigns anywhere, sees the whole town.</summary>
    JudicialOffice,

    /// <summary>系统管理员: users, villages and areas, venues.</summary>
    Admin,
}

public static class UserRoles
{
    /// <summary>Roles whose users belong to exactly one village or area.</summary>
    public static bool BelongsToVillage(this UserRole role) => role is UserRole.Mediator or UserRole.VillageHead;
}
