using Bunit;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Cases.Pages;
using HuilongbaMediation.Web.Features.Live;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases.Pages;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HuilongbaMediation.Web.Tests.Features.Live;

/// <summary>
/// Pages of one circuit (bUnit, the app's real services) while other users change cases in circuits of their own:
/// what refreshes, what is said, and what stays untouched.
/// </summary>
public sealed class LivePagesTests : CasePageContext
{
    protected override Task ArrangeAsync()
    {
        // The circuit's live updates, as the app cascades them to every page (LiveRegistration).
        Services.AddSingleton(App.Get<LiveUpdates>());
        Services.AddCascadingValue(sp => sp.GetRequiredService<LiveUpdates>());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_village_heads_case_list_shows_a_case_filed_in_the_village_with_a_notice_and_nothing_of_one_elsewhere()
    {
        await App.SignInAsUserAsync("liqiang"); // 五云山村
        var snackbars = Render<MudSnackbarProvider>();
        Render<LiveNotice>();
        var list = Render<CaseList>();
        list.WaitForAssertion(() => Assert.Equal("共 0 件", list.Find("[data-testid=case-count]").TextContent.Trim()));
        await App.Get<CaseChangeBus>().Ready;

        await using var office = App.NewScope(await App.ActorAsync("wangfang"));
        var elsewhere = (await office.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(App, villageCode: "dashuigou"))).Value!;
        await using var mediator = App.NewScope(await App.ActorAsync("zhangmin"));
        var here = (await mediator.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(App))).Value!;

        list.WaitForAssertion(() => Assert.Equal("共 1 件", list.Find("[data-testid=case-count]").TextContent.Trim()));
        string Rows() => string.Concat(list.FindAll("tbody tr").Select(r => r.TextContent));
        list.WaitForAssertion(() => Assert.Contains(here.Number, Rows(), StringComparison.Ordinal));
        var rows = Rows();
        snackbars.WaitForAssertion(() => Assert.Contains($"张敏刚刚登记了案件：{here.Number}", snackbars.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(elsewhere.Number, rows + snackbars.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_page_refreshes_when_someone_else_moves_the_case_and_says_who()
    {
        var mediator = App.NewScope(await App.ActorAsync("zhangmin"));
        await using var _ = mediator;
        var filed = (await mediator.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(App))).Value!;
        await App.SignInAsUserAsync("wangfang");
        var snackbars = Render<MudSnackbarProvider>();
        Render<LiveNotice>();
        var page = Render<CaseDetail>(p => p.Add(x => x.Id, filed.Id));
        page.WaitForAssertion(() => Assert.Equal("已登记", page.Find("[data-testid=case-head] .case-status").TextContent.Trim()));
        await App.Get<CaseChangeBus>().Ready;

        Assert.True((await mediator.Get<CaseService>().AcceptAsync(filed.Id, filed.Version, new AcceptInput(TestClock.Today))).Succeeded);

        page.WaitForAssertion(() => Assert.Equal("调解中", page.Find("[data-testid=case-head] .case-status").TextContent.Trim()));
        snackbars.WaitForAssertion(() => Assert.Contains($"张敏刚刚受理了案件：{filed.Number}", snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_open_dialog_is_not_interrupted_and_saving_it_on_the_old_version_is_refused()
    {
        var office = App.NewScope(await App.ActorAsync("wangfang"));
        await using var _ = office;
        await App.SignInAsUserAsync("zhangmin");
        var filed = (await App.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(App))).Value!; // 张敏 leads
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        Render<LiveNotice>();
        var page = Render<CaseDetail>(p => p.Add(x => x.Id, filed.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=action-Accept]")));
        await App.Get<CaseChangeBus>().Ready;

        // 张敏 starts to accept the case and types a date; meanwhile 王芳 (司法所) accepts it.
        var opening = page.Find("[data-testid=action-Accept]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=command-Accept]");
        var typed = TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await dialogs.Find("input[data-field=AcceptedOn], [data-field=AcceptedOn] input").ChangeAsync(new() { Value = typed });
        Assert.True((await office.Get<CaseService>().AcceptAsync(filed.Id, filed.Version, new AcceptInput(TestClock.Today))).Succeeded);

        // The notice comes; the dialog keeps what was typed and the page under it waits.
        snackbars.WaitForAssertion(() => Assert.Contains($"王芳刚刚受理了案件：{filed.Number}", snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(typed, dialogs.Find("input[data-field=AcceptedOn], [data-field=AcceptedOn] input").GetAttribute("value"));
        Assert.Equal("已登记", page.Find("[data-testid=case-head] .case-status").TextContent.Trim());

        // Saving on the version the dialog was opened with is refused, and the page then shows the case as it is.
        await dialogs.Find("form[data-testid=command-form]").SubmitAsync();
        await opening;
        snackbars.WaitForAssertion(() => Assert.Contains("案件已被他人修改", snackbars.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal("调解中", page.Find("[data-testid=case-head] .case-status").TextContent.Trim()));
        Assert.DoesNotContain("张敏刚刚", snackbars.Markup, StringComparison.Ordinal);
    }
}
