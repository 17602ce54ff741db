using System.Globalization;
using System.Security.Claims;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Security;

/// <summary>The app's own claims, and how a signed-in principal becomes the domain's <see cref="Actor"/>.</summary>
public static class AppClaims
{
    public const string DisplayName = "hm:display_name";
    public const string VillageId = "hm:village_id";

    /// <summary>"true" while the user must choose a new password (after an administrator's reset).</summary>
    public const string MustChangePassword = "hm:must_change_password";

    /// <summary>
    /// The actor behind a principal, or null when it is anonymous, has none of the four roles, or must first choose a
    /// new password (then no service and no download answers it, whatever page or endpoint it reaches).
    /// </summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(MustChangePassword, "true"))
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = Enum.GetValues<UserRole>().Cast<UserRole?>().FirstOrDefault(r => principal.IsInRole(r!.Value.ToString()));
        if (id is null || role is null)
        {
            return null;
        }

        var name = principal.FindFirstValue(DisplayName) ?? principal.Identity.Name ?? "";
        var village = int.TryParse(principal.FindFirstValue(VillageId), CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        return new Actor(id, name, role.Value, village);
    }
}

/// <summary>Puts the display name and village into the sign-in cookie next to Identity's role claims.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        }

        if (user.VillageId is { } village)
        {
            identity.AddClaim(new Claim(AppClaims.VillageId, village.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
