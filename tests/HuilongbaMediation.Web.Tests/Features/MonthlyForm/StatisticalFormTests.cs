using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.MonthlyForm;
using HuilongbaMediation.Web.Tests.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.MonthlyForm;

/// <summary>The demo town with its generated cases, for the statistical form's tests.</summary>
public sealed class FormTown : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;

    public List<MediationCase> Cases { get; private set; } = [];

    public DateOnly Today { get; } = ChinaClock.Today(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(demo: true);
        await App.Get<DemoCaseGenerator>().GenerateAsync();
        await using var db = await App.DbAsync();
        Cases = await db.Cases.AsNoTracking().Include(c => c.History).AsSplitQuery().ToListAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// 人民调解工作统计表 over the demo town: every figure of every line against a count made the plain way (the cases and
/// their histories in memory, what each step carried read from its JSON, not from the typed columns the SQL sums), the
/// links against the case list, who sees what, and the .xlsx against the form.
/// </summary>
public sealed class StatisticalFormTests(FormTown town) : IClassFixture<FormTown>
{
    private readonly TestApp _app = town.App;

    public static TheoryData<string> Periods => new() { "month", "quarter", "year", "last-year" };

    private FormPeriod PeriodOf(string which) => which switch
    {
        "month" => FormPeriod.MonthOf(town.Today.AddMonths(-1)),
        "quarter" => new FormPeriod(FormPeriodKind.Quarter, town.Today.Year, ((town.Today.Month - 1) / 3) + 1),
        "year" => new FormPeriod(FormPeriodKind.Year, town.Today.Year, 0),
        _ => new FormPeriod(FormPeriodKind.Year, town.Today.Year - 1, 0),
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Every_figure_of_every_line_equals_a_direct_count(string which)
    {
        await _app.SignInAsUserAsync("wangfang");
        var period = PeriodOf(which);

        var form = (await _app.Get<MonthlyFormService>().GetAsync(period))!;

        await using var db = await _app.DbAsync();
        var direct = await Direct.LoadAsync(db, town.Cases, period.From, period.To);
        Assert.Equal(await db.Villages.CountAsync() + 1, form.Rows.Count);
        foreach (var row in form.Rows)
        {
            for (var i = 0; i < form.Columns.Count; i++)
            {
                var column = form.Columns[i];
                Assert.True(
                    direct.Value(column, row.VillageId) == row.Cells[i].Value,
                    $"{row.Name} {column.Group}/{column.Label}: expected {direct.Value(column, row.VillageId)}, got {row.Cells[i].Value}");
            }
        }

        // The demo month is not empty: the form has something in every section that the demo town has.
        var total = form.Town!;
        decimal? Town(string label) => total.Cells[form.Columns.ToList().FindIndex(c => c.Label == label)].Value;
        Assert.True(Town("受理纠纷") > 0);
        Assert.True(Town("调解成功") > 0);
        Assert.True(Town("人民调解员") > 0);
        Assert.True(Town("专职") > 0);
        Assert.True(Town("排查次数") > 0);
    }

    [Fact]
    public async Task By_committee_every_figure_of_every_committees_line_equals_a_direct_count_and_links_to_its_cases()
    {
        await _app.SignInAsUserAsync("wangfang");
        var period = PeriodOf("year");

        var form = (await _app.Get<MonthlyFormService>().GetAsync(period, FormScope.Committee))!;

        await using var db = await _app.DbAsync();
        var committees = await db.Committees.Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name }).ToListAsync();
        Assert.Equal(FormScope.Committee, form.Scope);
        Assert.Equal([.. committees.Select(c => c.Name), "全镇合计"], form.Rows.Select(r => r.Name));
        var direct = await Direct.LoadAsync(db, town.Cases, period.From, period.To);
        foreach (var row in form.Rows.Where(r => !r.IsTotal))
        {
            for (var i = 0; i < form.Columns.Count; i++)
            {
                var column = form.Columns[i];
                Assert.True(
                    direct.Value(column, null, row.CommitteeId) == row.Cells[i].Value,
                    $"{row.Name} {column.Group}/{column.Label}: expected {direct.Value(column, null, row.CommitteeId)}, got {row.Cells[i].Value}");
                Assert.True(row.Cells[i].DrillDown is null || row.Cells[i].DrillDown!.CommitteeId == row.CommitteeId);
            }
        }

        // The town total is the village form's; the committees' cases add up to it.
        var byVillage = (await _app.Get<MonthlyFormService>().GetAsync(period))!;
        Assert.Equal(byVillage.Town!.Cells.Select(c => c.Value), form.Town!.Cells.Select(c => c.Value));
        Assert.Equal(form.Town.Cells[0].Value, form.Rows.Where(r => !r.IsTotal).Sum(r => r.Cells[0].Value));
        // The town's committee has the 物流园片区's cases (an area has no committee of its own) but none of its mediators.
        var townCommittee = form.Rows.Single(r => r.Name == "回龙坝镇人民调解委员会");
        Assert.True(townCommittee.Cells[0].Value > 0);
        Assert.Equal(0, townCommittee.Cells[form.Columns.ToList().FindIndex(c => c.Label == "人民调解员")].Value);
        var list = _app.Get<CaseListService>();
        Assert.Equal(townCommittee.Cells[0].Value, (await list.ListAsync(new CaseListRequest(townCommittee.Cells[0].DrillDown!, 0, 100))).Total);

        // The .xlsx names its first column 调解组织 and has the committees' lines.
        using var document = SpreadsheetDocument.Open(new MemoryStream(StatisticalFormWorkbook.Create(form, "回龙坝镇司法所")), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);
        Assert.Equal("调解组织", cells["A3"]);
        Assert.Equal(committees[0].Name, cells[$"A{StatisticalFormWorkbook.FirstDataRow}"]);
        Assert.EndsWith("_按调解组织.xlsx", StatisticalFormWorkbook.FileName(form), StringComparison.Ordinal);

        // A village head asking for the committees' lines gets their village's line.
        var head = await _app.SignInAsUserAsync("liqiang");
        var own = (await _app.Get<MonthlyFormService>().GetAsync(period, FormScope.Committee))!;
        Assert.Equal(head.VillageId, Assert.Single(own.Rows).VillageId);
    }

    [Fact]
    public async Task The_year_has_every_kind_of_figure_the_form_asks_for()
    {
        await _app.SignInAsUserAsync("wangfang");
        var form = (await _app.Get<MonthlyFormService>().GetAsync(PeriodOf("last-year")))!;

        var town = form.Town!;
        decimal? Town(string group, string label) => town.Cells[form.Columns.ToList().FindIndex(c => c.Group.StartsWith(group, StringComparison.Ordinal) && c.Label == label)].Value;
        Assert.All(
            new[] { ("矛盾纠纷排查", "排查发现纠纷"), ("矛盾纠纷排查", "化解（防止）纠纷"), ("组织队伍", "开展培训"), ("纠纷受理", "群体性纠纷"), ("纠纷来源", "委托移送"), ("纠纷来源", "当事人申请"), ("调解结果", "协议金额"), ("预防激化", "防止群体性上访"), ("预防激化", "防止民转刑"), ("司法确认", "确认有效"), ("协议履行", "全部履行") },
            f => Assert.True(Town(f.Item1, f.Item2) > 0, $"{f.Item1}/{f.Item2} is 0 in the demo year"));
        Assert.InRange(Town("协议履行", "履行率")!.Value, 1m, 100m);
        Assert.Equal(Town("纠纷受理", "受理纠纷"), form.Columns.Select((c, i) => (c, i)).Where(x => x.c.Group.StartsWith("调解类型", StringComparison.Ordinal)).Sum(x => town.Cells[x.i].Value));
    }

    [Fact]
    public async Task Each_link_lists_the_cases_behind_its_figure()
    {
        await _app.SignInAsUserAsync("wangfang");
        var form = (await _app.Get<MonthlyFormService>().GetAsync(PeriodOf("quarter")))!;
        var list = _app.Get<CaseListService>();

        foreach (var row in form.Rows)
        {
            for (var i = 0; i < form.Columns.Count; i++)
            {
                var (column, figure) = (form.Columns[i], row.Cells[i]);
                if (figure.DrillDown is not { } filter || column.Unit != FormFigures.Cases && column.Unit != FormFigures.Visits)
                {
                    continue;
                }

                var listed = (await list.ListAsync(new CaseListRequest(filter, 0, 100))).Total;
                if (filter.Event is null)
                {
                    Assert.True(figure.Value == listed, $"{row.Name} {column.Label}: {figure.Value} counted, {listed} listed");
                }
                else
                {
                    // An event figure counts each event; its list shows each case once and says how many events they had.
                    var tally = await list.EventTallyAsync(filter);
                    Assert.True(figure.Value == tally!.Events, $"{row.Name} {column.Label}: {figure.Value} counted, {tally.Events} events listed");
                    Assert.True(listed <= figure.Value);
                }
            }
        }

        Assert.All(form.Columns.Where(c => c.Group.StartsWith("组织队伍", StringComparison.Ordinal)), c => Assert.Null(form.Town!.Cells[form.Columns.ToList().IndexOf(c)].DrillDown));
    }

    [Fact]
    public async Task A_village_head_gets_their_village_line_only_and_a_mediator_no_form()
    {
        await _app.SignInAsUserAsync("wangfang");
        var period = PeriodOf("year");
        var office = (await _app.Get<MonthlyFormService>().GetAsync(period))!;
        var head = await _app.SignInAsUserAsync("liqiang");

        var form = (await _app.Get<MonthlyFormService>().GetAsync(period))!;

        var row = Assert.Single(form.Rows);
        Assert.Equal((head.VillageId, "五云山村"), (row.VillageId, row.Name));
        Assert.Null(form.Town);
        Assert.Equal(office.Rows.Single(r => r.VillageId == head.VillageId).Cells.Select(c => c.Value), row.Cells.Select(c => c.Value));
        Assert.All(row.Cells.Where(c => c.DrillDown is not null), c => Assert.Equal(head.VillageId, c.DrillDown!.VillageId));

        await _app.SignInAsUserAsync("zhangmin");
        Assert.Null(await _app.Get<MonthlyFormService>().GetAsync(period));
    }

    [Fact]
    public async Task The_xlsx_is_in_the_forms_layout_with_every_figure()
    {
        await _app.SignInAsUserAsync("wangfang");
        var form = (await _app.Get<MonthlyFormService>().GetAsync(PeriodOf("month")))!;

        var bytes = StatisticalFormWorkbook.Create(form, "回龙坝镇司法所");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);
        Assert.Equal("人民调解工作统计表", cells["A1"]);
        Assert.Contains(form.Period.Label, cells["A2"], StringComparison.Ordinal);
        Assert.Equal("单位", cells["A3"]);
        var merges = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
        Assert.Contains("A3:A4", merges);
        Assert.Contains(merges, m => m.StartsWith("B3:", StringComparison.Ordinal)); // 纠纷受理 over its three columns
        Assert.Equal("纠纷受理", cells["B3"]);
        Assert.Equal("受理纠纷（件）", cells["B4"]);
        Assert.Contains(cells, c => c.Value == "协议金额（万元）");
        Assert.Contains(cells, c => c.Value == "人民调解员（人）");
        for (var r = 0; r < form.Rows.Count; r++)
        {
            var row = form.Rows[r];
            var line = StatisticalFormWorkbook.FirstDataRow + r;
            Assert.Equal(row.Name, cells[$"A{line}"]);
            for (var i = 0; i < form.Columns.Count; i++)
            {
                var expected = row.Cells[i].Value is { } v ? Math.Round(v, form.Columns[i].Money ? 4 : form.Columns[i].Rate ? 1 : 0).ToString(System.Globalization.CultureInfo.InvariantCulture) : "—";
                Assert.Equal(expected, cells[$"{StatisticalFormWorkbook.Ref(i + 2)}{line}"]);
            }
        }
    }

    [Theory]
    [InlineData("2026-03", FormPeriodKind.Month, "2026-03-01", "2026-03-31", "2026年3月")]
    [InlineData("2026-Q2", FormPeriodKind.Quarter, "2026-04-01", "2026-06-30", "2026年第2季度")]
    [InlineData("2025", FormPeriodKind.Year, "2025-01-01", "2025-12-31", "2025年度")]
    public void A_period_is_a_month_a_quarter_or_a_year(string code, FormPeriodKind kind, string from, string to, string label)
    {
        var period = FormPeriod.Parse(code)!;

        Assert.Equal((kind, DateOnly.Parse(from), DateOnly.Parse(to), label, code), (period.Kind, period.From, period.To, period.Label, period.Code));
        Assert.Null(FormPeriod.Parse("2026-13"));
        Assert.Null(FormPeriod.Parse("2026-Q5"));
        Assert.Null(FormPeriod.Parse("1999"));
    }

    private static string Text(Cell cell) => cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";

    /// <summary>The form's figures counted the plain way, by each column's name.</summary>
    private sealed class Direct
    {
        private List<MediationCase> _cases = [];
        private DateOnly _from;
        private DateOnly _to;
        private Dictionary<int, (string Name, string? Group)> _categories = [];
        private Dictionary<int, (string Name, string? Code)> _sources = [];
        private Dictionary<int, string> _venues = [];
        private Dictionary<int, string> _kinds = [];
        private List<(int VillageId, bool FullTime)> _mediators = [];
        private List<HuilongbaMediation.Domain.Sweeps.Sweep> _sweeps = [];
        private List<HuilongbaMediation.Domain.Trainings.Training> _trainings = [];
        private Dictionary<string, int?> _userVillages = [];
        private Dictionary<int, string> _targets = [];
        private Dictionary<int, int?> _committeeVillages = [];

        public static async Task<Direct> LoadAsync(AppDbContext db, List<MediationCase> cases, DateOnly from, DateOnly to)
        {
            var mediatorRole = await db.Roles.Where(r => r.Name == "Mediator").Select(r => r.Id).SingleAsync();
            var mediatorIds = await db.UserRoles.Where(ur => ur.RoleId == mediatorRole).Select(ur => ur.UserId).ToListAsync();
            var users = await db.Users.ToListAsync();
            return new Direct
            {
                _cases = cases,
                _from = from,
                _to = to,
                _categories = await db.Categories.ToDictionaryAsync(c => c.Id, c => (c.Name, c.StatisticsGroup)),
                _sources = await db.CaseSources.ToDictionaryAsync(c => c.Id, c => (c.Name, c.Code)),
                _venues = await db.Venues.ToDictionaryAsync(c => c.Id, c => c.Name),
                _kinds = await db.MediationKinds.ToDictionaryAsync(c => c.Id, c => c.Name),
                _mediators = [.. users.Where(u => u.IsActive && u.VillageId is not null && mediatorIds.Contains(u.Id)).Select(u => (u.VillageId!.Value, u.FullTime))],
                _sweeps = await db.Sweeps.Include(x => x.Findings).ToListAsync(),
                _trainings = await db.Trainings.Include(x => x.Attendees).ToListAsync(),
                _userVillages = users.ToDictionary(u => u.Id, u => u.VillageId),
                _targets = await db.ReferralTargets.ToDictionaryAsync(t => t.Id, t => t.Name),
                _committeeVillages = await db.Committees.ToDictionaryAsync(c => c.Id, c => c.Kind == HuilongbaMediation.Domain.Reference.CommitteeKind.Village ? c.VillageId : null),
            };
        }

        /// <param name="committeeId">A committee's line: its cases, and its village's mediators, sweeps and trainings when it is a village's committee (none otherwise).</param>
        public decimal? Value(FormColumn column, int? villageId, int? committeeId = null)
        {
            var cases = _cases.Where(c => committeeId is not null ? c.CommitteeId == committeeId : villageId is null || c.VillageId == villageId).ToList();
            if (committeeId is { } committee)
            {
                villageId = _committeeVillages[committee] ?? -1;
            }

            var filed = cases.Where(c => c.FiledOn >= _from && c.FiledOn <= _to).ToList();
            var resolved = Events(cases, "Resolve");
            var visits = Events(cases, "RecordFollowUp");
            var mediators = _mediators.Where(m => villageId is null || m.VillageId == villageId).ToList();
            var group = column.Group[..Math.Min(4, column.Group.Length)];
            var label = column.Label.StartsWith("其中：", StringComparison.Ordinal) ? column.Label[3..] : column.Label;
            bool Petition(HistoryEntry h) => Json(h).GetProperty("Agreement").TryGetProperty("PreventedGroupPetition", out var p) && p.GetBoolean();
            decimal Agreed(HistoryEntry h) => Json(h).GetProperty("Agreement").TryGetProperty("AgreedAmount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : 0m;
            string? Performance(HistoryEntry h) => Json(h).GetProperty("Performance").GetString();
            decimal? Rate(int part, int whole) => whole == 0 ? null : 100m * part / whole;
            bool InPeriod(DateOnly? d) => d >= _from && d <= _to;
            var ofVillage = _sweeps.Where(x => villageId is null || x.VillageId == villageId).ToList();
            var swept = ofVillage.Where(x => InPeriod(x.SweptOn));
            var settled = ofVillage.SelectMany(x => x.Findings).Where(x => InPeriod(x.SettledOn));
            var held = _trainings.Where(t => InPeriod(t.HeldOn));

            return (group, label) switch
            {
                ("纠纷受理", "受理纠纷") => filed.Count,
                ("纠纷受理", "涉及人数") => filed.Sum(c => c.PeopleInvolved),
                ("纠纷受理", "群体性纠纷") => filed.Count(c => c.PeopleInvolved >= 5),
                ("纠纷类型", var l) when l.EndsWith("合计", StringComparison.Ordinal) => filed.Count(c => _categories[c.CategoryId].Group == l[..^2]),
                ("纠纷类型", var l) => filed.Count(c => _categories[c.CategoryId].Name == l),
                ("纠纷来源", "当事人申请") => filed.Count(c => _sources[c.SourceId].Code == "application"),
                ("纠纷来源", "主动调解") => filed.Count(c => _sources[c.SourceId].Code is "screening" or "sweep-finding"),
                ("纠纷来源", "委托移送") => filed.Count(c => _sources[c.SourceId].Code is "court-delegated" or "police-transfer" or "petition-12345" or "other-department"),
                ("纠纷来源", var l) => filed.Count(c => _sources[c.SourceId].Name == l),
                ("调解场所", var l) => resolved.Count(e => e.Case.VenueId is { } v && _venues[v] == l),
                ("调解类型", var l) => filed.Count(c => _kinds[c.MediationKindId] == l),
                ("调解结果", "调解成功") => resolved.Count,
                ("调解结果", "书面协议") => resolved.Count(e => Json(e.Entry).GetProperty("Agreement").GetProperty("Kind").GetString() == "Written"),
                ("调解结果", "口头协议") => resolved.Count(e => Json(e.Entry).GetProperty("Agreement").GetProperty("Kind").GetString() == "Oral"),
                ("调解结果", "协议金额") => resolved.Sum(e => Agreed(e.Entry)) / 10000m,
                ("调解结果", "调解成功率") => Rate(resolved.Count, resolved.Count + Events(cases, "ApproveReferral").Count + Events(cases, "Terminate").Count),
                ("移交（件", "移交有关部门") => Events(cases, "ApproveReferral").Count,
                ("移交（件", "移交法院") => Events(cases, "ApproveReferral").Count(e => e.Case.Referral is { } r && (_targets[r.TargetId].Contains("法院", StringComparison.Ordinal) || _targets[r.TargetId].Contains("法庭", StringComparison.Ordinal))),
                ("预防激化", "防止民转刑") => resolved.Count(e => e.Case.RiskLevel == RiskLevel.High),
                ("预防激化", "防止民转刑涉及") => resolved.Where(e => e.Case.RiskLevel == RiskLevel.High).Sum(e => e.Case.PeopleInvolved),
                ("预防激化", "防止群体性上访") => resolved.Count(e => Petition(e.Entry)),
                ("预防激化", "防止群体性上访涉及") => resolved.Where(e => Petition(e.Entry)).Sum(e => e.Case.PeopleInvolved),
                ("司法确认", "申请") => cases.Count(c => InPeriod(c.JudicialConfirmation?.AppliedOn)),
                ("司法确认", "确认有效") => cases.Count(c => c.JudicialConfirmation?.Outcome == JudicialOutcome.Confirmed && InPeriod(c.JudicialConfirmation.DecidedOn)),
                ("司法确认", "驳回") => cases.Count(c => c.JudicialConfirmation?.Outcome == JudicialOutcome.Rejected && InPeriod(c.JudicialConfirmation.DecidedOn)),
                ("协议履行", "回访") => visits.Count,
                ("协议履行", "全部履行") => visits.Count(e => Performance(e.Entry) == "Full"),
                ("协议履行", "部分履行") => visits.Count(e => Performance(e.Entry) == "Partial"),
                ("协议履行", "未履行") => visits.Count(e => Performance(e.Entry) == "None"),
                ("协议履行", "履行率") => Rate(visits.Count(e => Performance(e.Entry) == "Full"), visits.Count),
                ("矛盾纠纷", "排查次数") => swept.Count(),
                ("矛盾纠纷", "排查发现纠纷") => swept.Sum(x => x.Findings.Count),
                ("矛盾纠纷", "化解（防止）纠纷") => settled.Count(x => x.Outcome == HuilongbaMediation.Domain.Sweeps.FindingOutcome.Prevented),
                ("矛盾纠纷", "转为案件") => settled.Count(x => x.Outcome == HuilongbaMediation.Domain.Sweeps.FindingOutcome.CaseFiled),
                ("组织队伍", "开展培训") => held.Count(t => villageId is null || t.Attendees.Any(a => _userVillages[a.UserId] == villageId)),
                ("组织队伍", "参训调解员") => held.SelectMany(t => t.Attendees).Where(a => villageId is null || _userVillages[a.UserId] == villageId).Select(a => a.UserId).Distinct().Count(),
                ("组织队伍", "参训人次") => held.SelectMany(t => t.Attendees).Count(a => villageId is null || _userVillages[a.UserId] == villageId),
                ("组织队伍", "人民调解员") => mediators.Count,
                ("组织队伍", "专职") => mediators.Count(m => m.FullTime),
                ("组织队伍", "兼职") => mediators.Count(m => !m.FullTime),
                _ => throw new InvalidOperationException($"No direct count for {column.Group}/{column.Label}"),
            };
        }

        private List<(MediationCase Case, HistoryEntry Entry)> Events(List<MediationCase> cases, string action) =>
            [.. cases.SelectMany(c => c.History.Where(h => h.Action == action && DirectCount.EventDate(h) >= _from && DirectCount.EventDate(h) <= _to).Select(h => (c, h)))];

        private static JsonElement Json(HistoryEntry h) => JsonDocument.Parse(h.Data).RootElement;
    }
}
