using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

public sealed class CaseListServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private readonly List<CaseRef> _cases = [];

    private CaseListService List => _app.Get<CaseListService>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        await _app.SignInAsUserAsync("zhangmin");
        _cases.Add(await FileAsync("wuyunshan", "王大明", "李小红"));
        _cases.Add(await FileAsync("wuyunshan", "欧阳明月", "张三丰"));
        await _app.SignInAsUserAsync("chenjianguo");
        _cases.Add(await FileAsync("huilongba", "王小明", "赵四"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("阳明", 1)] // a fragment inside a party's name
    [InlineData("王", 2)] // 王大明 here, 王小明 there: the judicial office sees both
    [InlineData("0002号", 1)] // part of a case number
    [InlineData("排水", 3)] // the summary
    [InlineData("没有这个人", 0)]
    public async Task Search_matches_case_number_summary_and_party_names_by_fragment(string search, int expected)
    {
        await _app.SignInAsUserAsync("wangfang");

        var page = await List.ListAsync(new CaseListRequest(new CaseFilter { Search = search }));

        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Rows.Count);
    }

    [Fact]
    public async Task A_mediator_sees_their_village_and_their_assignments_only()
    {
        await _app.SignInAsUserAsync("zhangmin");

        var page = await List.ListAsync(new CaseListRequest(new CaseFilter()));

        Assert.Equal(["欧阳明月、张三丰", "王大明、李小红"], page.Rows.Select(r => r.Parties).Order(StringComparer.Ordinal));
        Assert.All(page.Rows, r => Assert.Equal("五云山村", r.Village));
    }

    [Fact]
    public async Task The_list_shows_what_the_domain_lets_each_user_read()
    {
        foreach (var user in new[] { "zhangmin", "zhoutao", "liqiang", "wangfang", "admin", "chenjianguo", "luoping" })
        {
            var actor = await _app.SignInAsUserAsync(user);
            var listed = (await List.ListAsync(new CaseListRequest(new CaseFilter()))).Rows.Select(r => r.Id).Order().ToList();

            await using var db = await _app.DbAsync();
            var all = await db.Cases.Include(c => c.Mediators).ToListAsync();
            var readable = all.Where(c => CaseAccess.CanRead(c, actor)).Select(c => c.Id).Order().ToList();
            Assert.Equal(readable, listed);
        }
    }

    [Fact]
    public async Task My_cases_are_the_ones_I_am_assigned_to()
    {
        await _app.SignInAsUserAsync("liqiang");
        await _app.Get<CaseService>().AssignMediatorsAsync(_cases[1].Id, _cases[1].Version, await _app.UserIdAsync("zhoutao"), []);
        await _app.SignInAsUserAsync("zhoutao");

        var mine = await List.ListAsync(new CaseListRequest(new CaseFilter { Mine = true }));

        Assert.Equal([_cases[1].Id], mine.Rows.Select(r => r.Id));
        Assert.Equal("周涛", mine.Rows[0].LeadMediator);
    }

    [Fact]
    public async Task Paging_returns_the_page_and_the_total_and_sorting_by_number_orders_the_rows()
    {
        await _app.SignInAsUserAsync("wangfang");

        var first = await List.ListAsync(new CaseListRequest(new CaseFilter(), Page: 0, PageSize: 2, Sort: CaseSort.Number, Descending: false));
        var second = await List.ListAsync(new CaseListRequest(new CaseFilter(), Page: 1, PageSize: 2, Sort: CaseSort.Number, Descending: false));

        Assert.Equal(3, first.Total);
        Assert.Equal([_cases[0].Number, _cases[1].Number], first.Rows.Select(r => r.Number));
        Assert.Equal([_cases[2].Number], second.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task A_filter_survives_the_round_trip_through_the_url()
    {
        var filter = new CaseFilter
        {
            States = [CaseStatus.Mediating, CaseStatus.ReferralPending],
            VillageId = 3,
            Mine = true,
            Overdue = true,
            FiledFrom = new DateOnly(2026, 1, 1),
            FiledTo = new DateOnly(2026, 6, 30),
            Search = "宅基地 围墙",
            Risk = RiskLevel.High,
            Event = "Resolve",
        };

        var parsed = CaseFilter.Parse(filter.ToQueryString());

        Assert.Equal(filter.ToQueryString(), parsed.ToQueryString());
        Assert.Equal(filter with { States = parsed.States }, parsed);
        Assert.Equal([CaseStatus.Mediating, CaseStatus.ReferralPending], parsed.States);
    }

    [Fact]
    public void Values_that_do_not_parse_are_ignored()
    {
        var parsed = CaseFilter.Parse("?state=Mediating,Nonsense&village=abc&from=2026-13-01&risk=Extreme&mine=yes");

        Assert.Equal("?state=Mediating", parsed.ToQueryString());
    }

    [Fact]
    public async Task The_duplicate_party_check_finds_open_cases_by_ID_number_else_by_name_and_phone()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var check = _app.Get<DuplicatePartyService>();

        var found = await check.FindAsync(
        [
            new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = "另一个名字", IdNumber = "11010519491231002x" },
            new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "李小红", Phone = "023-65123456" },
            new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = "李小红", Phone = "13900000000" },
        ]);

        Assert.Equal([(0, _cases[0].Number), (0, _cases[1].Number), (1, _cases[0].Number)], found.Select(f => (f.PartyIndex, f.Number)).Order());
    }

    private async Task<CaseRef> FileAsync(string village, string applicant, string respondent)
    {
        var result = await _app.Get<CaseService>().FileAsync(await CaseDrafts.ValidAsync(_app, village, applicant, respondent));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }
}
