using System.Text.RegularExpressions;
using Bunit;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Cases.Components;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Components;

/// <summary>
/// The case list writes its cells as plain markup (CaseMarkup) instead of MudChip, MudIcon and MudLink components, to
/// keep less per open page on the server; the user must see the same thing. Each fragment is held equal to the HTML
/// the MudBlazor components it replaces write with the same settings (less the ids and event handlers Blazor adds),
/// so a MudBlazor upgrade that changes theirs shows up here.
/// </summary>
public sealed partial class CaseRowMarkupTests : MudTestContext
{
    private IStringLocalizer<CasesText> Text => Services.GetRequiredService<IStringLocalizer<CasesText>>();

    public static TheoryData<CaseStatus> States() => [.. Enum.GetValues<CaseStatus>()];

    [Theory]
    [MemberData(nameof(States))]
    public void A_states_chip_is_the_outlined_small_MudChip_with_its_colour_icon_and_words(CaseStatus status)
    {
        var (color, icon) = status switch
        {
            CaseStatus.Filed => (Color.Info, Icons.Material.Outlined.Inbox),
            CaseStatus.Mediating => (Color.Primary, Icons.Material.Outlined.Forum),
            CaseStatus.Resolved => (Color.Success, Icons.Material.Outlined.Handshake),
            CaseStatus.ReferralPending => (Color.Warning, Icons.Material.Outlined.HourglassTop),
            CaseStatus.ReferralApproved or CaseStatus.Referred => (Color.Secondary, Icons.Material.Outlined.Send),
            CaseStatus.Declined => (Color.Default, Icons.Material.Outlined.DoNotDisturb),
            _ => (Color.Default, Icons.Material.Outlined.StopCircle),
        };
        var chip = Render<MudChip<string>>(p => p.Add(x => x.Size, Size.Small).Add(x => x.Variant, Variant.Outlined).Add(x => x.Color, color)
            .Add(x => x.Icon, icon).Add(x => x.Class, "case-status").AddUnmatched("data-status", status.ToString()).AddChildContent(Text[$"Status.{status}"]));

        var markup = Render(CaseMarkup.Status(status, Text));

        Assert.Equal(Plain(chip.Markup), Plain(markup.Markup));
        Assert.Equal(Text[$"Status.{status}"], markup.Find(".case-status").TextContent);
    }

    [Fact]
    public void The_high_risk_chip_is_the_small_text_MudChip_in_the_error_colour_with_a_warning_icon()
    {
        var chip = Render<MudChip<string>>(p => p.Add(x => x.Size, Size.Small).Add(x => x.Color, Color.Error).Add(x => x.Variant, Variant.Text)
            .Add(x => x.Icon, Icons.Material.Outlined.Warning).Add(x => x.Class, "ml-1").AddChildContent(Text["Risk.High"]));

        Assert.Equal(Plain(chip.Markup), Plain(Render(CaseMarkup.HighRisk(Text)).Markup));
    }

    [Fact]
    public void A_cases_number_is_the_body2_MudLink_to_its_page()
    {
        var link = Render<MudLink>(p => p.Add(x => x.Href, "/cases/42").Add(x => x.Typo, Typo.body2).Add(x => x.Class, "case-number").AddChildContent("（2026）回调字第 7 号"));

        Assert.Equal(Plain(link.Markup), Plain(Render(CaseMarkup.NumberLink(42, "（2026）回调字第 7 号")).Markup));
    }

    [Fact]
    public void A_due_date_says_the_days_left_today_or_how_late_and_a_dash_without_one()
    {
        var due = new DateOnly(2026, 12, 3);
        string Words(int? days) => string.Concat(Render(CaseMarkup.Due(due, days, Text)).Find(".due").TextContent.Where(c => !char.IsWhiteSpace(c)));

        Assert.Equal("2026-12-03剩3天", Words(3));
        Assert.Equal("2026-12-03今日到期", Words(0));
        Assert.Equal("2026-12-03超期2天", Words(-2));
        Assert.Contains("due soon", Render(CaseMarkup.Due(due, 3, Text)).Markup, StringComparison.Ordinal);
        Assert.Contains("due overdue", Render(CaseMarkup.Due(due, -2, Text)).Markup, StringComparison.Ordinal);
        Assert.Equal("—", Render(CaseMarkup.Due(null, null, Text)).Find(".mud-text-secondary").TextContent);
    }

    /// <summary>The markup less what Blazor adds for the browser (element ids and handler ids), which a plain fragment has no use for.</summary>
    private static string Plain(string markup) => BlazorAttributes().Replace(markup, "");

    [GeneratedRegex("""\s(id="chip-container-[^"]*"|blazor:on\w+="\d+")""")]
    private static partial Regex BlazorAttributes();
}
