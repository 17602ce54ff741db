using HuilongbaMediation.Domain.Common;
using MudBlazor;

namespace HuilongbaMediation.Web.Components.Layout;

/// <summary>An entry of the side navigation: where it goes, its text (a resource key), and who sees it.</summary>
public sealed record NavEntry(string Href, string TextKey, string Icon, IReadOnlySet<UserRole> Roles, bool ExactMatch = false);

/// <summary>The navigation by role. A page's own policy still guards it: hiding an entry is not protection.</summary>
public static class Navigation
{
    private static readonly IReadOnlySet<UserRole> Everyone = Enum.GetValues<UserRole>().ToHashSet();
    private static readonly IReadOnlySet<UserRole> AdminOnly = new HashSet<UserRole> { UserRole.Admin };

    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("/", "Nav.Home", Icons.Material.Outlined.Home, Everyone, ExactMatch: true),
        new("/admin/users", "Nav.Users", Icons.Material.Outlined.ManageAccounts, AdminOnly),
        new("/admin/villages", "Nav.Villages", Icons.Material.Outlined.HolidayVillage, AdminOnly),
        new("/admin/venues", "Nav.Venues", Icons.Material.Outlined.EmojiFoodBeverage, AdminOnly),
    ];

    public static IEnumerable<NavEntry> For(UserRole role) => Entries.Where(e => e.Roles.Contains(role));
}
