using HuilongbaMediation.Domain.Common;
using MudBlazor;

namespace HuilongbaMediation.Web.Components.Layout;

/// <summary>
/// An entry of the side navigation: where it goes, its text (a resource key), and the capability it needs — the same as
/// its page's policy (<see cref="Access"/>). <paramref name="ForceLoad"/> for a static page (one that sets or ends the
/// sign-in cookie), which must be a request of its own.
/// </summary>
public sealed record NavEntry(string Href, string TextKey, string Icon, Capability Needs, bool ExactMatch = false, bool ForceLoad = false);

/// <summary>The navigation by capability. A page's own policy still guards it: hiding an entry is not protection.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("/", "Nav.Home", Icons.Material.Outlined.Home, Capability.SignedIn, ExactMatch: true),
        new("/cases/new", "Nav.NewCase", Icons.Material.Outlined.NoteAdd, Capability.FileCases, ExactMatch: true),
        new("/cases", "Nav.Cases", Icons.Material.Outlined.FolderOpen, Capability.SignedIn, ExactMatch: true),
        new("/applications", "Nav.Applications", Icons.Material.Outlined.EmojiPeople, Capability.HandleApplications),
        new("/referrals", "Nav.Referrals", Icons.Material.Outlined.FactCheck, Capability.ReviewReferrals),
        new("/dashboard", "Nav.Dashboard", Icons.Material.Outlined.Insights, Capability.Oversight),
        new("/sweeps", "Nav.Sweeps", Icons.Material.Outlined.TravelExplore, Capability.RecordSweeps),
        new("/trainings", "Nav.Trainings", Icons.Material.Outlined.School, Capability.RecordTrainings),
        new("/month", "Nav.Month", Icons.Material.Outlined.TaskAlt, Capability.SignOffMonths),
        new("/reports/monthly", "Nav.MonthlyForm", Icons.Material.Outlined.TableChart, Capability.Oversight),
        new("/reports/annual", "Nav.AnnualReport", Icons.Material.Outlined.Description, Capability.AnnualReport),
        new("/import", "Nav.Import", Icons.Material.Outlined.UploadFile, Capability.ImportLedgers),
        new("/admin/aliases", "Nav.Aliases", Icons.Material.Outlined.Translate, Capability.ImportLedgers),
        new("/admin/users", "Nav.Users", Icons.Material.Outlined.ManageAccounts, Capability.Administer),
        new("/admin/villages", "Nav.Villages", Icons.Material.Outlined.HolidayVillage, Capability.Administer),
        new("/admin/venues", "Nav.Venues", Icons.Material.Outlined.EmojiFoodBeverage, Capability.Administer),
        new("/admin/posters", "Nav.Posters", Icons.Material.Outlined.QrCode2, Capability.Administer),
        new("/admin/committees", "Nav.Committees", Icons.Material.Outlined.Groups, Capability.Administer),
        new("/admin/backups", "Nav.Backups", Icons.Material.Outlined.Backup, Capability.Administer),
        new("/admin/security-log", "Nav.SecurityLog", Icons.Material.Outlined.Policy, Capability.Administer),
        new("/account/password", "Password.Title", Icons.Material.Outlined.Password, Capability.SignedIn, ExactMatch: true, ForceLoad: true),
    ];

    public static IEnumerable<NavEntry> For(Actor actor) => Entries.Where(e => e.Needs.Allows(actor));
}
