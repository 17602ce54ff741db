using System.Text.RegularExpressions;
using Bunit;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Components.Layout;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using static HuilongbaMediation.Web.Tests.Infrastructure.People;

namespace HuilongbaMediation.Web.Tests.Components.Layout;

/// <summary>
/// The side navigation is plain markup instead of a MudNavMenu with a MudNavLink per entry, to keep less per open page
/// on the server; the user must see and use the same thing. The menu is held equal to the HTML the MudBlazor components
/// write for the same entries at the same address (the active entry included), less the handler ids Blazor adds, so a
/// MudBlazor upgrade that changes theirs shows up here.
/// </summary>
public sealed partial class NavMenuMarkupTests : MudTestContext
{
    /// <summary>A role, the address shown, and the entry that must be active there (none on a case's own page).</summary>
    public static TheoryData<UserRole, string, string?> Places => new()
    {
        { UserRole.JudicialOffice, "/", "/" },
        { UserRole.JudicialOffice, "/cases", "/cases" },
        { UserRole.Mediator, "/cases?mine=1", "/cases" },
        { UserRole.Mediator, "/cases/new", "/cases/new" },
        { UserRole.Mediator, "/cases/12", null },
        { UserRole.JudicialOffice, "/referrals/3", "/referrals" },
        { UserRole.JudicialOffice, "/dashboard?year=2025#top", "/dashboard" },
        { UserRole.JudicialOffice, "/DASHBOARD/", "/dashboard" },
        { UserRole.Admin, "/admin/users", "/admin/users" },
        { UserRole.Admin, "/admin/userships", null },
        { UserRole.Admin, "/account/password", "/account/password" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void The_menu_is_the_MudNavMenu_of_the_same_entries_with_the_same_one_active(UserRole role, string address, string? active)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var user = Someone(role);
        var text = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var mud = Render<MudNavMenu>(p => p.Add(x => x.Class, "app-nav").AddUnmatched("aria-label", text["Nav.Label"]).AddUnmatched("data-testid", "nav")
            .AddChildContent(builder =>
            {
                foreach (var entry in Navigation.For(user))
                {
                    builder.OpenComponent<MudNavLink>(0);
                    builder.AddComponentParameter(1, nameof(MudNavLink.Href), entry.Href);
                    builder.AddComponentParameter(2, nameof(MudNavLink.Icon), entry.Icon);
                    builder.AddComponentParameter(3, nameof(MudNavLink.Match), entry.ExactMatch ? NavLinkMatch.All : NavLinkMatch.Prefix);
                    builder.AddComponentParameter(4, nameof(MudNavLink.ChildContent), (RenderFragment)(b => b.AddContent(0, text[entry.TextKey])));
                    builder.CloseComponent();
                }
            }));
        var ours = Render<NavMenu>(p => p.Add(x => x.User, user));

        Assert.Equal(Plain(mud.Markup), Plain(ours.Markup));
        Assert.Equal(active is null ? [] : [active], ours.FindAll("a.active[aria-current=page]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Following_the_address_the_active_entry_moves()
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/cases");
        var cut = Render<NavMenu>(p => p.Add(x => x.User, Someone(UserRole.JudicialOffice)));
        Assert.Equal("/cases", cut.Find("a.active").GetAttribute("href"));

        nav.NavigateTo("/dashboard?year=2025");

        cut.WaitForAssertion(() => Assert.Equal("/dashboard", cut.Find("a.active").GetAttribute("href")));
        Assert.Equal("page", cut.Find("a[href='/dashboard']").GetAttribute("aria-current"));
        Assert.Null(cut.Find("a[href='/cases']").GetAttribute("aria-current"));
    }

    /// <summary>The markup less the handler ids Blazor adds and the whitespace between elements.</summary>
    private static string Plain(string markup) => Between().Replace(BlazorAttributes().Replace(markup, ""), "><").Trim();

    [GeneratedRegex("""\sblazor:on\w+="\d+"|\sb-[a-z0-9]{10}""")]
    private static partial Regex BlazorAttributes();

    [GeneratedRegex(""">\s+<""")]
    private static partial Regex Between();
}
