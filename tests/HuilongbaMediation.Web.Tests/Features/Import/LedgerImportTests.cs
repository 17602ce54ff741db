using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Import;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Import;

/// <summary>The sample ledgers imported into the demo town on a real SQLite file, as the judicial office.</summary>
public sealed class LedgerImportTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private LedgerImportService Import => _app.Get<LedgerImportService>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        await _app.SignInAsUserAsync("wangfang");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_town_ledger_imports_its_cases_skips_what_is_not_a_case_and_lists_the_broken_rows_by_number()
    {
        var result = (await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), SampleLedgers.TownFile)))!;

        var rows = Numbered(SampleLedgers.TownOrder());
        Assert.Null(result.Problem);
        Assert.Equal(rows.Count(r => r.Row.Expected.Imported), result.Imported);
        Assert.Empty(result.AlreadyPresent);
        Assert.Equal(rows.Where(r => r.Row.Expected.Skipped).Select(r => r.Number), result.Skipped.Select(s => s.Row.Number));
        var refused = rows.Where(r => r.Row.Expected.Refusal is not null).ToList();
        Assert.Equal(refused.Select(r => r.Number), result.Refused.Select(r => r.Row.Number));
        Assert.All(refused.Zip(result.Refused), p => Assert.Contains(p.First.Row.Expected.Refusal!, p.Second.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_the_same_ledger_again_adds_nothing_and_a_longer_version_only_its_new_rows()
    {
        var first = (await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), SampleLedgers.TownFile)))!;

        var again = (await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), "另存的副本.xlsx")))!;
        var longer = (await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(SampleLedgers.LaterRows), SampleLedgers.TownFile)))!;

        Assert.Equal((0, first.Imported), (again.Imported, again.AlreadyPresent.Count));
        Assert.Equal((2, first.Imported), (longer.Imported, longer.AlreadyPresent.Count));
        Assert.Equal(first.Refused.Count, longer.Refused.Count);
        await using var db = await _app.DbAsync();
        Assert.Equal(first.Imported + 2, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task The_dashboard_and_the_annual_report_of_2022_show_the_ledgers_figures()
    {
        await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), SampleLedgers.TownFile));
        await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Village(), SampleLedgers.VillageFile));
        var cases = SampleLedgers.TownRows.Concat(SampleLedgers.VillageRows).Select(r => r.Expected).Where(e => e.Imported).ToList();

        var stats = (await _app.Get<StatisticsService>().GetAsync(StatisticsPeriod.OfYear(2022)))!;
        var report = await _app.Get<AnnualReportService>().GetTownAsync(2022);

        AssertFigures(cases, stats.Town);
        foreach (var village in stats.Villages)
        {
            AssertFigures([.. cases.Where(c => c.Village == village.Name)], village.Figures);
        }

        Assert.Equal(stats.Town.Resolved.Value, report.Villages.Single(r => r.IsTotal).Figures.Resolved.Value);
        Assert.Equal(12, stats.Trend.Count);
        Assert.Equal(cases.Count(c => c.Ending == LedgerOutcome.Resolved && c.Closed!.Value.Month == 12), stats.Trend[^1].Resolved.Value);
    }

    [Fact]
    public async Task Each_imported_step_carries_the_ledgers_date_its_row_and_who_imported_it()
    {
        await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), SampleLedgers.TownFile));

        await using var db = await _app.DbAsync();
        var first = await db.Cases.AsNoTracking().Include(c => c.History).Include(c => c.Mediators).SingleAsync(c => c.Ledger!.RowNumber == SampleLedgers.TownHeaderRow + 1);
        Assert.Equal("WYS-2022-001", first.Number);
        Assert.Equal((CaseStatus.Resolved, new DateOnly(2022, 1, 5), new DateOnly(2022, 1, 12)), (first.Status, first.FiledOn, first.ConcludedOn));
        Assert.Equal("张敏", first.LeadMediator!.DisplayName);
        Assert.All(first.History, h => Assert.Equal(($"{SampleLedgers.TownFile} 第4行", "王芳"), (h.ImportedFrom, h.ActorName)));
        Assert.Equal(new DateOnly(2022, 1, 12), first.History.Single(h => h.Action == nameof(CaseTrigger.Resolve)).OccurredOn);

        var keptName = await db.Cases.AsNoTracking().Include(c => c.Mediators).SingleAsync(c => c.Ledger!.RowNumber == SampleLedgers.TownHeaderRow + 4);
        Assert.Equal(("陈建国、老李", "陈建国"), (keptName.Ledger!.Mediators, keptName.LeadMediator?.DisplayName));
        Assert.Equal(CaseStatus.ReferralApproved, keptName.Status);

        var numbered = await db.Cases.AsNoTracking().Where(c => c.Ledger!.RowNumber == SampleLedgers.TownHeaderRow + 2).Select(c => c.Number).SingleAsync();
        Assert.Equal("（2022）回龙坝人调字第0002号", numbered); // the year's next: WYS-2022-001 took the first sequence
    }

    [Fact]
    public async Task A_GB18030_village_ledger_without_a_village_column_is_that_villages()
    {
        var result = (await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Village(), SampleLedgers.VillageFile)))!;

        Assert.Equal((5, 1, 2), (result.Imported, result.Refused.Count, result.Skipped.Count));
        Assert.Equal(8, result.Refused.Single().Row.Number);
        await using var db = await _app.DbAsync();
        var wuyunshan = await _app.VillageIdAsync("wuyunshan");
        Assert.All(await db.Cases.AsNoTracking().ToListAsync(), c => Assert.Equal(wuyunshan, c.VillageId));
        var own = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == "（2022）回龙坝人调字第0500号");
        Assert.Equal((2022, 500, CaseStatus.Mediating), (own.Year, own.Sequence, own.Status));
        var referred = await db.Cases.AsNoTracking().Include(c => c.Parties).SingleAsync(c => c.Number == "五云山2022-03");
        Assert.Equal((300000m, PartyKind.Organization, 3), (referred.AmountInvolved, referred.Parties.Single(p => p.Role == PartyRole.Respondent).Kind, referred.Parties.Count(p => p.Role == PartyRole.Applicant)));
    }

    [Fact]
    public async Task The_refused_rows_come_back_as_a_workbook_with_their_reasons_that_imports_again_once_corrected()
    {
        var result = (await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), SampleLedgers.TownFile)))!;

        var file = RefusedRowsFile.Create(result);
        var sheet = LedgerFile.Read(file, "未导入的行.xlsx").Single();

        Assert.Equal(result.Refused.Count + 1, sheet.Rows.Count);
        var headings = sheet.Rows[0].Cells.Select(LedgerText.Clean).ToList();
        Assert.Equal(RefusedRowsFile.ReasonHeading, headings[^1]);
        Assert.Equal(result.Refused.Select(r => r.Reason), sheet.Rows.Skip(1).Select(r => LedgerText.Clean(r.Cells[^1])));
        var again = (await Import.ImportAsync(new LedgerImportRequest(file, "未导入的行.xlsx")))!;
        Assert.Equal((0, result.Refused.Count), (again.Imported, again.Refused.Count));
    }

    [Theory]
    [InlineData("zhangmin")]
    [InlineData("liqiang")]
    public async Task Mediators_and_village_heads_may_not_import(string userName)
    {
        await _app.SignInAsUserAsync(userName);

        Assert.Null(await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), SampleLedgers.TownFile)));
        Assert.Null(await Import.PreviewAsync(SampleLedgers.Town(), SampleLedgers.TownFile));
        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task The_preview_finds_the_header_below_the_title_and_maps_the_offices_headings()
    {
        var preview = (await Import.PreviewAsync(SampleLedgers.Town(), SampleLedgers.TownFile))!;

        Assert.Equal((SampleLedgers.TownHeaderRow, "2022年"), (preview.HeaderRow, preview.Sheet));
        Assert.Equal(SampleLedgers.TownHeadings.Length - 1, preview.Mapping.Count); // all but 序号
        Assert.Equal(1, preview.Mapping[LedgerField.FiledOn]);
        Assert.Equal(3, preview.Mapping[LedgerField.Applicant]);
        Assert.Equal(12, preview.Mapping[LedgerField.Number]);
        Assert.Equal(LedgerImportService.PreviewRows, preview.FirstRows.Count);
    }

    [Fact]
    public async Task A_corrected_mapping_is_what_the_import_reads()
    {
        var preview = (await Import.PreviewAsync(SampleLedgers.Town(), SampleLedgers.TownFile))!;
        var mapping = preview.Mapping.Where(m => m.Key != LedgerField.Number).ToDictionary();

        await Import.ImportAsync(new LedgerImportRequest(SampleLedgers.Town(), SampleLedgers.TownFile, preview.Sheet, mapping));

        await using var db = await _app.DbAsync();
        Assert.False(await db.Cases.AnyAsync(c => c.Number == "WYS-2022-001"));
    }

    [Fact]
    public async Task A_file_that_is_no_ledger_is_said_so()
    {
        var result = (await Import.ImportAsync(new LedgerImportRequest("名单\n张三\n李四\n"u8.ToArray(), "名单.csv")))!;

        Assert.True(result.NothingRead);
        Assert.Contains("未找到表头行", result.Problem, StringComparison.Ordinal);
    }

    private static List<(int Number, SampleRow Row)> Numbered(IReadOnlyList<SampleRow> rows) =>
        [.. rows.Select((r, i) => (SampleLedgers.TownHeaderRow + 1 + i, r))];

    private static void AssertFigures(IReadOnlyList<Expected> cases, Figures figures)
    {
        int Count(LedgerOutcome outcome) => cases.Count(c => c.Ending == outcome);
        var resolved = cases.Where(c => c.Ending == LedgerOutcome.Resolved).ToList();
        Assert.Equal(
            (cases.Count, resolved.Count, Count(LedgerOutcome.Referred), Count(LedgerOutcome.Terminated), Count(LedgerOutcome.Declined), Count(LedgerOutcome.Open)),
            (figures.Filed.Value, figures.Resolved.Value, figures.Referred.Value, figures.Terminated.Value, figures.Declined.Value, figures.InMediation.Value));
        Assert.Equal(
            (resolved.Count(c => c.Kind == AgreementKind.Written), resolved.Count(c => c.Kind == AgreementKind.Oral), resolved.Sum(c => c.Amount ?? 0m)),
            (figures.WrittenAgreements.Value, figures.OralAgreements.Value, figures.AmountResolved.Value));
    }
}
