using Bunit;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Components.Layout;
using HuilongbaMediation.Web.Tests.Infrastructure;
using static HuilongbaMediation.Web.Tests.Infrastructure.People;

namespace HuilongbaMediation.Web.Tests.Components.Layout;

public sealed class NavMenuTests : MudTestContext
{
    public static TheoryData<UserRole, string[]> EntriesByRole => new()
    {
        { UserRole.Mediator, ["首页", "新建案件", "案件", "在线申请", "矛盾纠纷排查", "修改密码"] },
        { UserRole.VillageHead, ["首页", "新建案件", "案件", "在线申请", "统计", "矛盾纠纷排查", "台账清零", "统计报表", "修改密码"] },
        { UserRole.JudicialOffice, ["首页", "新建案件", "案件", "在线申请", "移交审核", "统计", "矛盾纠纷排查", "调解员培训", "台账清零", "统计报表", "年度报告", "导入台账", "别名表", "修改密码"] },
        { UserRole.Admin, ["首页", "案件", "统计", "统计报表", "年度报告", "导入台账", "别名表", "用户管理", "村（社区）与片区", "调解场所", "二维码海报", "调解组织", "数据备份", "安全日志", "修改密码"] },
    };

    [Theory]
    [MemberData(nameof(EntriesByRole))]
    public void Each_role_sees_exactly_its_entries(UserRole role, string[] expected)
    {
        var cut = Render<NavMenu>(p => p.Add(x => x.User, Someone(role)));

        var links = cut.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected, links);
    }

    [Fact]
    public void The_admin_entries_lead_to_their_pages()
    {
        var cut = Render<NavMenu>(p => p.Add(x => x.User, Someone(UserRole.Admin)));

        var hrefs = cut.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href") ?? "").ToArray();
        Assert.Equal(["/", "/cases", "/dashboard", "/reports/monthly", "/reports/annual", "/import", "/admin/aliases", "/admin/users", "/admin/villages", "/admin/venues", "/admin/posters", "/admin/committees", "/admin/backups", "/admin/security-log", "/account/password"], hrefs);
    }

    [Fact]
    public void Nothing_is_shown_before_the_role_is_known()
    {
        var cut = Render<NavMenu>();

        Assert.Empty(cut.FindAll("a.mud-nav-link"));
    }
}

public sealed class NavMenuInEnglishTests() : MudTestContext("en-US")
{
    [Fact]
    public void The_menu_speaks_English_when_the_user_chose_it()
    {
        var cut = Render<NavMenu>(p => p.Add(x => x.User, Someone(UserRole.Admin)));

        var links = cut.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(["Home", "Cases", "Dashboard", "Statistical form", "Annual report", "Import ledgers", "Aliases", "Users", "Villages and areas", "Venues", "QR posters", "Mediation committees", "Backups", "Security log", "Change password"], links);
    }
}
