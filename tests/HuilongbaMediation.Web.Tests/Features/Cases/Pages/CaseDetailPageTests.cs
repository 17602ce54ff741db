using Bunit;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Cases.Pages;
using HuilongbaMediation.Web.Tests.Infrastructure;
using MudBlazor;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Pages;

public sealed class CaseDetailPageTests : CasePageContext
{
    private CaseRef _filed = default!;
    private CaseRef _pending = default!;

    protected override async Task ArrangeAsync()
    {
        var cases = App.Get<CaseService>();
        await App.SignInAsUserAsync("zhangmin");
        _filed = (await cases.FileAsync(await CaseDrafts.ValidAsync(App))).Value!; // 张敏 files, so 张敏 leads

        var c = (await cases.FileAsync(await CaseDrafts.ValidAsync(App, applicant: "周大福", respondent: "吴小宝"))).Value!;
        c = (await cases.AcceptAsync(c.Id, c.Version, new AcceptInput(TestClock.Today))).Value!;
        c = (await cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(TestClock.Today, await CaseDrafts.VenueIdAsync(App), "双方", "调解未果"))).Value!;
        _pending = (await cases.ReferAsync(c.Id, c.Version, new ReferInput(await CaseDrafts.ReferralTargetIdAsync(App), "需诉讼", false, TestClock.Today))).Value!;
    }

    public static TheoryData<string, string, string[]> Buttons => new()
    {
        // A filed case whose lead is 张敏 (五云山村).
        { "filed", "zhangmin", ["受理", "不予受理", "终止调解", "追加当事人", "变更调解组织"] },
        { "filed", "zhoutao", [] }, // a mediator of the village, not on the case
        { "filed", "liqiang", ["受理", "不予受理", "指派调解员"] },
        { "filed", "wangfang", ["受理", "不予受理", "终止调解", "指派调解员", "追加当事人", "变更调解组织"] },
        { "filed", "admin", [] },
        // A referral waiting for review.
        { "pending", "zhangmin", ["追加当事人", "变更调解组织"] }, // corrections while the case is open
        { "pending", "liqiang", [] },
        { "pending", "wangfang", ["审核通过", "退回重调", "追加当事人", "变更调解组织"] },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public async Task The_page_offers_exactly_the_actions_this_user_may_take_in_this_state(string which, string user, string[] expected)
    {
        await App.SignInAsUserAsync(user);

        var cut = Render<CaseDetail>(p => p.Add(x => x.Id, which == "filed" ? _filed.Id : _pending.Id));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=case-number]")));
        var buttons = cut.FindAll("[data-testid=case-actions] button").Select(b => b.TextContent.Trim()).ToArray();
        Assert.Equal(expected, buttons);
    }

    [Fact]
    public async Task A_mediator_of_another_village_sees_no_access_and_nothing_of_the_case()
    {
        await App.SignInAsUserAsync("chenjianguo");

        var cut = Render<CaseDetail>(p => p.Add(x => x.Id, _filed.Id));

        cut.WaitForAssertion(() => Assert.Contains("无权访问", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(_filed.Number, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("王大明", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ID_numbers_and_phones_are_masked_and_shown_in_full_only_on_request_by_those_allowed()
    {
        await App.SignInAsUserAsync("liqiang");
        var asHead = Render<CaseDetail>(p => p.Add(x => x.Id, _filed.Id));
        asHead.WaitForAssertion(() => Assert.NotEmpty(asHead.FindAll("[data-testid=party-idnumber]")));
        Assert.Equal("110105********002X", asHead.Find("[data-testid=party-idnumber]").TextContent);
        Assert.Equal("138****1234", asHead.Find("[data-testid=party-phone]").TextContent);
        Assert.Empty(asHead.FindAll("[data-testid=reveal]"));
        Assert.DoesNotContain("11010519491231002X", asHead.Markup, StringComparison.Ordinal);

        await App.SignInAsUserAsync("zhangmin");
        var asLead = Render<CaseDetail>(p => p.Add(x => x.Id, _filed.Id));
        asLead.WaitForAssertion(() => Assert.NotEmpty(asLead.FindAll("[data-testid=reveal]")));
        await asLead.Find("[data-testid=reveal]").ClickAsync(new());

        asLead.WaitForAssertion(() => Assert.Equal("11010519491231002X", asLead.Find("[data-testid=party-idnumber]").TextContent));
        Assert.Contains("查看完整信息", asLead.Find("[data-testid=case-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_through_the_dialog_shows_the_new_state()
    {
        await App.SignInAsUserAsync("zhangmin");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<CaseDetail>(p => p.Add(x => x.Id, _filed.Id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=action-Accept]")));

        // Not awaited: the button's handler waits for the dialog's answer, which comes from the next click.
        var opening = cut.Find("[data-testid=action-Accept]").ClickAsync(new());
        dialogs.WaitForElement(".mud-dialog");
        await dialogs.Find("form[data-testid=command-form]").SubmitAsync(); // the confirm button submits its form; bUnit does not follow form="…"
        await opening;

        cut.WaitForAssertion(() => Assert.Equal("调解中", cut.Find("[data-testid=case-head] .case-status").TextContent.Trim()));
        Assert.Contains("记录调解", cut.Find("[data-testid=case-actions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_command_asks_for_its_date_defaulting_to_today_and_refuses_one_before_the_filing_beside_the_field()
    {
        await App.SignInAsUserAsync("zhangmin");
        var today = TestClock.Today;
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<CaseDetail>(p => p.Add(x => x.Id, _filed.Id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=action-Accept]")));

        var opening = cut.Find("[data-testid=action-Accept]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=command-Accept]");
        var date = dialogs.Find("input[data-field=AcceptedOn], [data-field=AcceptedOn] input");
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date.GetAttribute("value"));
        await date.ChangeAsync(new() { Value = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await dialogs.Find("form[data-testid=command-form]").SubmitAsync(); // the confirm button submits its form; bUnit does not follow form="…"

        dialogs.WaitForAssertion(() => Assert.Contains(
            $"受理日期不能早于登记日期（{today.ToLabel()}）",
            dialogs.Find("input[data-field=AcceptedOn], [data-field=AcceptedOn] input").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        await date.ChangeAsync(new() { Value = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await dialogs.Find("form[data-testid=command-form]").SubmitAsync(); // the confirm button submits its form; bUnit does not follow form="…"
        await opening;

        cut.WaitForAssertion(() => Assert.Equal("调解中", cut.Find("[data-testid=case-head] .case-status").TextContent.Trim()));
    }
}
