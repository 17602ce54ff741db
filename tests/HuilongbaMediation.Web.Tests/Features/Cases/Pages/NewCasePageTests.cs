using AngleSharp.Dom;
using Bunit;
using HuilongbaMediation.Web.Features.Cases.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Pages;

/// <summary>
/// 新建案件 says every refusal beside the field it names, in red: the form's own check as the user goes, and the
/// server's when only the server can tell. Each rule of the filing is broken once through the form's own inputs.
/// </summary>
public sealed class NewCasePageTests : CasePageContext
{
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    public static TheoryData<string, string, string> Rules => new()
    {
        // rule, the field (data-field) its message stands beside, the message
        { "summary-empty", "Summary", "请填写纠纷简要情况" },
        { "summary-short", "Summary", "纠纷简要情况不少于 10 字（现有 6 字）" },
        { "summary-long", "Summary", "纠纷简要情况不超过 2000 字（现有 2001 字）" },
        { "category-missing", "CategoryId", "请选择纠纷类型" },
        { "amount-negative", "AmountInvolved", "涉及金额不能为负数" },
        { "amount-fen", "AmountInvolved", "涉及金额最多两位小数" },
        { "people-one", "PeopleInvolved", "涉及人数至少为 2" },
        { "risk-note-missing", "RiskNote", "请填写风险说明" },
        { "party-name-missing", "Parties[1].Name", "请填写当事人姓名" },
        { "party-id-check-digit", "Parties[0].IdNumber", "身份证号校验位不正确" },
        { "party-phone", "Parties[0].Phone", "联系电话须为手机号或带区号的固定电话" },
        { "party-address-long", "Parties[0].RegisteredAddress", "户籍地址不能超过 200 字" },
        { "no-respondent", "Parties", "至少需要一名申请人和一名被申请人" },
        { "party-age-range", "Parties[0].Age", "年龄须在 0 到 120 岁之间" },
        { "party-age-not-the-id-number", "Parties[0].Age", "年龄与出生日期不符" },
        { "party-occupation-long", "Parties[0].Occupation", "职业不能超过 50 字" },
        { "party-agent-without-authority", "Parties[0].AgentAuthority", "请选择代理权限" },
        { "party-agent-special-without-scope", "Parties[0].AgentScope", "请填写特别授权的代理事项" },
        { "party-agent-without-name", "Parties[0].AgentName", "请填写委托代理人姓名" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Each_broken_rule_is_said_in_red_beside_its_field_when_filing(string rule, string field, string message)
    {
        var cut = await RenderFilledFormAsync();

        Break(cut, rule);
        await cut.Find("[data-testid=case-form]").SubmitAsync();

        cut.WaitForAssertion(() => AssertRefusedBeside(cut, field, message));
        await AssertNoCasesAsync();
    }

    [Fact]
    public async Task A_short_summary_stays_red_after_leaving_the_field_and_filing()
    {
        // MudBlazor's own validation on blur once wiped the message: the toast said 请先改正标红的内容 and nothing was red.
        var cut = await RenderFilledFormAsync();
        await Text(cut, "Summary").InputAsync(new() { Value = "邻里吵架纠纷" });
        await Text(cut, "Summary").BlurAsync(new());
        await cut.Find("[data-testid=case-form]").SubmitAsync();

        cut.WaitForAssertion(() => AssertRefusedBeside(cut, "Summary", "纠纷简要情况不少于 10 字（现有 6 字）"));
    }

    [Fact]
    public async Task A_category_withdrawn_while_the_form_was_open_is_refused_by_the_server_beside_the_category()
    {
        var cut = await RenderFilledFormAsync();
        await using (var db = await App.DbAsync())
        {
            await db.Categories.Where(c => c.Name == "邻里").ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false));
        }

        await cut.Find("[data-testid=case-form]").SubmitAsync();

        cut.WaitForAssertion(() => AssertRefusedBeside(cut, "CategoryId", "请选择纠纷类型"));
        await AssertNoCasesAsync();
    }

    [Fact]
    public async Task A_lead_deactivated_while_the_form_was_open_is_refused_beside_the_lead_and_nothing_is_filed()
    {
        await App.SignInAsUserAsync("liqiang");
        var cut = await RenderFilledFormAsync(signInAs: null);
        await ChooseAsync(cut, "Lead", "周涛（五云山村）");
        await using (var db = await App.DbAsync())
        {
            await db.Users.Where(u => u.UserName == "zhoutao").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        await cut.Find("[data-testid=case-form]").SubmitAsync();

        cut.WaitForAssertion(() => AssertRefusedBeside(cut, "Lead", "主办调解员须为在岗的调解员"));
        await AssertNoCasesAsync();
    }

    [Fact]
    public async Task A_filled_form_files_the_case_once_however_often_it_is_submitted()
    {
        var cut = await RenderFilledFormAsync();
        var form = cut.Find("[data-testid=case-form]");

        // The second submission starts while the first one is saving (a double click on 登记).
        var first = form.SubmitAsync();
        var second = cut.Find("[data-testid=case-form]").SubmitAsync();
        await Task.WhenAll(first, second);

        await using var db = await App.DbAsync();
        cut.WaitForAssertion(() => Assert.Equal(1, db.Cases.Count()));
        Assert.EndsWith("/cases/" + (await db.Cases.SingleAsync()).Id, Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().Uri, StringComparison.Ordinal);
    }

    /// <summary>The form as a mediator of 五云山村 fills it: everything required, two parties; nothing broken yet.</summary>
    private async Task<IRenderedComponent<NewCase>> RenderFilledFormAsync(string? signInAs = "zhangmin")
    {
        if (signInAs is not null)
        {
            await App.SignInAsUserAsync(signInAs);
        }

        _popovers = Render<MudPopoverProvider>();
        var cut = Render<NewCase>();
        cut.WaitForElement("[data-testid=case-form]");
        await Text(cut, "Summary").InputAsync(new() { Value = "邻里之间因院坝排水问题发生纠纷，申请调解。" });
        await ChooseAsync(cut, "CategoryId", "邻里");
        await Text(cut, "Parties[0].Name").InputAsync(new() { Value = "王大明" });
        await Text(cut, "Parties[1].Name").InputAsync(new() { Value = "李小红" });
        return cut;
    }

    private void Break(IRenderedComponent<NewCase> cut, string rule)
    {
        switch (rule)
        {
            case "summary-empty": Text(cut, "Summary").Input(""); break;
            case "summary-short": Text(cut, "Summary").Input("邻里吵架纠纷"); break;
            case "summary-long": Text(cut, "Summary").Input(new string('纠', 2001)); break;
            case "category-missing":
                var category = cut.FindComponents<MudSelect<int?>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-field"), "CategoryId"));
                category.InvokeAsync(() => category.Instance.ClearAsync()).GetAwaiter().GetResult();
                break;
            case "amount-negative": Text(cut, "AmountInvolved").Change("-5"); break;
            case "amount-fen": Text(cut, "AmountInvolved").Change("12.345"); break;
            case "people-one": Text(cut, "PeopleInvolved").Change("1"); break;
            case "risk-note-missing": ChooseAsync(cut, "RiskLevel", "高风险").GetAwaiter().GetResult(); break;
            case "party-name-missing": Text(cut, "Parties[1].Name").Input(""); break;
            case "party-id-check-digit": Text(cut, "Parties[0].IdNumber").Input("110105194912310021"); break;
            case "party-phone": Text(cut, "Parties[0].Phone").Input("12345"); break;
            case "party-address-long": Text(cut, "Parties[0].RegisteredAddress").Input(new string('村', 201)); break;
            case "no-respondent": ChooseAsync(cut, "Parties[1].Role", "申请人").GetAwaiter().GetResult(); break;
            case "party-age-range": Text(cut, "Parties[0].Age").Change("130"); break;
            case "party-age-not-the-id-number":
                Text(cut, "Parties[0].IdNumber").Input("11010519491231002X");
                Text(cut, "Parties[0].Age").Change("30");
                break;
            case "party-occupation-long": Text(cut, "Parties[0].Occupation").Input(new string('农', 51)); break;
            case "party-agent-without-authority":
                HasAgent(cut);
                Text(cut, "Parties[0].AgentName").Input("王小明");
                break;
            case "party-agent-special-without-scope":
                HasAgent(cut);
                Text(cut, "Parties[0].AgentName").Input("王小明");
                ChooseAsync(cut, "Parties[0].AgentAuthority", "特别授权").GetAwaiter().GetResult();
                break;
            case "party-agent-without-name":
                HasAgent(cut);
                ChooseAsync(cut, "Parties[0].AgentAuthority", "一般授权").GetAwaiter().GetResult();
                break;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
    }

    /// <summary>Turns on 有委托代理人 for the first party.</summary>
    private static void HasAgent(IRenderedComponent<NewCase> cut) =>
        cut.FindAll("[data-testid=party-has-agent] input, input[data-testid=party-has-agent]")[0].Change(true);

    [Fact]
    public async Task A_persons_details_and_agent_and_an_organisations_representative_are_filed_as_entered()
    {
        var cut = await RenderFilledFormAsync();
        Text(cut, "Parties[0].IdNumber").Input("11010519491231002X");
        await ChooseAsync(cut, "Parties[0].Ethnicity", "土家族");
        Text(cut, "Parties[0].Age").Change(IdNumberAge().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Text(cut, "Parties[0].Occupation").Input("农民");
        HasAgent(cut);
        Text(cut, "Parties[0].AgentName").Input("王小明");
        Text(cut, "Parties[0].AgentRelationship").Input("父子");
        await ChooseAsync(cut, "Parties[0].AgentAuthority", "特别授权");
        Text(cut, "Parties[0].AgentScope").Input("代为承认、放弃、变更调解请求，签收调解协议书");
        await ChooseAsync(cut, "Parties[1].Kind", "单位");
        Text(cut, "Parties[1].LegalRepresentative").Input("赵经理");
        Text(cut, "Parties[1].LegalRepresentativeTitle").Input("总经理");

        await cut.Find("[data-testid=case-form]").SubmitAsync();

        await using var db = await App.DbAsync();
        cut.WaitForAssertion(() => Assert.Equal(1, db.Cases.Count()));
        var parties = await db.Cases.SelectMany(c => c.Parties).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(("土家族", IdNumberAge(), "农民"), (parties[0].Ethnicity, parties[0].Age, parties[0].Occupation));
        Assert.Equal(("王小明", "父子", Domain.Cases.AgentAuthority.Special, "代为承认、放弃、变更调解请求，签收调解协议书"),
            (parties[0].AgentName, parties[0].AgentRelationship, parties[0].AgentAuthority, parties[0].AgentScope));
        Assert.Equal((Domain.Cases.PartyKind.Organization, "赵经理", "总经理"), (parties[1].Kind, parties[1].LegalRepresentative, parties[1].LegalRepresentativeTitle));
    }

    private static int IdNumberAge() => Domain.Common.IdNumber.AgeOn(new DateOnly(1949, 12, 31), Domain.Common.ChinaClock.Today(DateTime.UtcNow));

    /// <summary>The message is inside the field's own element, and the field is marked as an error (red), or (parties) in its alert.</summary>
    private static void AssertRefusedBeside(IRenderedComponent<NewCase> cut, string field, string message)
    {
        var beside = cut.FindAll($"[data-field=\"{field}\"]");
        Assert.True(beside.Count > 0, $"No element for {field}.");
        var element = beside[0];
        var container = element.Closest(".mud-input-control") ?? element;
        Assert.Contains(message, container.TextContent, StringComparison.Ordinal);
        if (field != "Parties")
        {
            Assert.NotNull(container.QuerySelector(".mud-input-error, .mud-input-helper-text.mud-input-error"));
        }
    }

    private static IElement Text(IRenderedComponent<NewCase> cut, string field) =>
        cut.Find($"[data-field=\"{field}\"] input, [data-field=\"{field}\"] textarea, input[data-field=\"{field}\"], textarea[data-field=\"{field}\"]");

    /// <summary>Opens the select of <paramref name="field"/> and picks the item with this text (the list renders in the popover provider).</summary>
    private async Task ChooseAsync(IRenderedComponent<NewCase> cut, string field, string item)
    {
        await cut.Find($"[data-field=\"{field}\"] .mud-input-control, [data-field=\"{field}\"].mud-input-control, [data-field=\"{field}\"]").MouseDownAsync(new());
        var option = _popovers.WaitForElements(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == item);
        await option.ClickAsync(new());
    }

    private async Task AssertNoCasesAsync()
    {
        await using var db = await App.DbAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
    }
}
