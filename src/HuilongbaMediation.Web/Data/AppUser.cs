using Microsoft.AspNetCore.Identity;

namespace HuilongbaMediation.Web.Data;

/// <summary>A person who signs in. Mediators and village heads belong to exactly one village or area.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>The name shown in the app bar and written into case history (真实姓名).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The village or area of a Mediator or VillageHead; null for the judicial office and admins.</summary>
    public int? VillageId { get; set; }

    public Domain.Reference.Village? Village { get; set; }

    /// <summary>停用: a deactivated user cannot sign in and no longer counts as an active mediator.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>专职 (full-time) rather than 兼职 (part-time) mediator: the statistical form counts both.</summary>
    public bool FullTime { get; set; }

    /// <summary>大字模式: the user reads the app with text at 150%, on every device they sign in on.</summary>
    public bool LargeText { get; set; }

    /// <summary>Set by an administrator's password reset: the user must choose a new password before anything else.</summary>
    public bool MustChangePassword { get; set; }
}
