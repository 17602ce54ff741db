using Bunit;
using HuilongbaMediation.Web.Features.Cases.Pages;
using HuilongbaMediation.Web.Features.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Pages;

/// <summary>
/// The case list's 筛选 selects render their items only while open (a closed MudSelect would keep a hidden copy of
/// each item for as long as the page is open); the user must still see the chosen value's name, and find and choose
/// every item when the select opens.
/// </summary>
public sealed class CaseListFilterTests : CasePageContext
{
    protected override Task ArrangeAsync()
    {
        Services.AddSingleton(App.Get<LiveUpdates>());
        Services.AddCascadingValue(sp => sp.GetRequiredService<LiveUpdates>());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_closed_select_holds_no_items_yet_shows_the_chosen_name_and_opening_it_offers_every_village()
    {
        await App.SignInAsUserAsync("wangfang");
        var nav = Services.GetRequiredService<NavigationManager>();
        var village = (await App.Get<Web.Features.Cases.CaseFormOptions>().GetAsync()).Villages[1];
        nav.NavigateTo($"/cases?village={village.Id}&state=Mediating");
        var popovers = Render<MudPopoverProvider>();
        var list = Render<CaseList>();

        IRenderedComponent<MudSelect<int?>> Villages() => list.FindComponents<MudSelect<int?>>()[0];
        list.WaitForAssertion(() => Assert.Equal(village.Name, Villages().Find("input").GetAttribute("value")));
        Assert.Equal("调解中", list.FindComponent<MudSelect<Domain.Cases.CaseStatus>>().Find("input").GetAttribute("value"));
        Assert.Empty(list.FindComponents<MudSelectItem<int?>>());
        Assert.Empty(list.FindComponents<MudSelectItem<Domain.Cases.CaseStatus>>());

        await list.InvokeAsync(() => Villages().Instance.OpenMenu());

        var items = popovers.WaitForElements(".mud-popover-open .mud-list-item");
        var names = (await App.Get<Web.Features.Cases.CaseFormOptions>().GetAsync()).Villages.Select(v => v.Name);
        Assert.Equal(names, items.Select(i => i.TextContent.Trim()));
        var other = items.First(i => i.TextContent.Trim() != village.Name);
        var chosen = other.TextContent.Trim();
        await other.ClickAsync(new());

        list.WaitForAssertion(() => Assert.Contains("village=", nav.Uri, StringComparison.Ordinal));
        list.WaitForAssertion(() => Assert.Equal(chosen, Villages().Find("input").GetAttribute("value")));
        list.WaitForAssertion(() => Assert.Empty(list.FindComponents<MudSelectItem<int?>>()));
    }
}
