using HuilongbaMediation.Domain.Common;
using MudBlazor;

namespace HuilongbaMediation.Web.Components.Layout;

/// <summary>
/// An entry of the side navigation: where it goes, its text (a resource key), and who sees it. <paramref name="ForceLoad"/>
/// for a static page (one that sets or ends the sign-in cookie), which must be a request of its own.
/// </summary>
public sealed record NavEntry(string Href, string TextKey, string Icon, IReadOnlySet<UserRole> Roles, bool ExactMatch = false, bool ForceLoad = false);

/// <summary>The navigation by role. A page's own policy still guards it: hiding an entry is not protection.</summary>
public static class Navigation
{
    private static readonly IReadOnlySet<UserRole> Everyone = Enum.GetValues<UserRole>().ToHashSet();
    private static readonly IReadOnlySet<UserRole> AdminOnly = new HashSet<UserRole> { UserRole.Admin };
    private static readonly IReadOnlySet<UserRole> CaseWorkers = new HashSet<UserRole> { UserRole.Mediator, UserRole.VillageHead, UserRole.JudicialOffice };
    private static readonly IReadOnlySet<UserRole> Oversight = new HashSet<UserRole> { UserRole.VillageHead, UserRole.JudicialOffice, UserRole.Admin };
    private static readonly IReadOnlySet<UserRole> JudicialOffice = new HashSet<UserRole> { UserRole.JudicialOffice };
    private static readonly IReadOnlySet<UserRole> Reporting = new HashSet<UserRole> { UserRole.JudicialOffice, UserRole.Admin };

    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("/", "Nav.Home", Icons.Material.Outlined.Home, Everyone, ExactMatch: true),
        new("/cases/new", "Nav.NewCase", Icons.Material.Outlined.NoteAdd, CaseWorkers, ExactMatch: true),
        new("/cases", "Nav.Cases", Icons.Material.Outlined.FolderOpen, Everyone, ExactMatch: true),
        new("/referrals", "Nav.Referrals", Icons.Material.Outlined.FactCheck, JudicialOffice),
        new("/dashboard", "Nav.Dashboard", Icons.Material.Outlined.Insights, Oversight),
        new("/reports/annual", "Nav.AnnualReport", Icons.Material.Outlined.Description, Reporting),
        new("/import", "Nav.Import", Icons.Material.Outlined.UploadFile, Reporting),
        new("/admin/aliases", "Nav.Aliases", Icons.Material.Outlined.Translate, Reporting),
        new("/admin/users", "Nav.Users", Icons.Material.Outlined.ManageAccounts, AdminOnly),
        new("/admin/villages", "Nav.Villages", Icons.Material.Outlined.HolidayVillage, AdminOnly),
        new("/admin/venues", "Nav.Venues", Icons.Material.Outlined.EmojiFoodBeverage, AdminOnly),
        new("/admin/backups", "Nav.Backups", Icons.Material.Outlined.Backup, AdminOnly),
        new("/admin/security-log", "Nav.SecurityLog", Icons.Material.Outlined.Policy, AdminOnly),
        new("/account/password", "Password.Title", Icons.Material.Outlined.Password, Everyone, ExactMatch: true, ForceLoad: true),
    ];

    public static IEnumerable<NavEntry> For(UserRole role) => Entries.Where(e => e.Roles.Contains(role));
}
