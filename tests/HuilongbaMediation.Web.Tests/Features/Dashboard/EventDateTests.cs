using System.Globalization;
using System.Text;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Exports;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>
/// The issue's case: an agreement signed on 31 December 2025 and entered in the app on 3 January 2026 counts in 2025,
/// in every figure and every export, and in nothing of 2026.
/// </summary>
public sealed class EventDateTests : IAsyncLifetime
{
    /// <summary>09:30 on 3 January 2026 in 回龙坝, when the office enters the last days of December.</summary>
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 3, 1, 30, 0, TimeSpan.Zero));

    private static readonly StatisticsPeriod Year2025 = StatisticsPeriod.OfYear(2025);
    private static readonly StatisticsPeriod Year2026 = StatisticsPeriod.OfYear(2026);

    private TestApp _app = default!;
    private CaseRef _case = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true, services: s => s.AddSingleton<TimeProvider>(Clock));
        await _app.SignInAsUserAsync("wangfang");
        var cases = _app.Get<CaseService>();
        var draft = await CaseDrafts.ValidAsync(_app) with { FiledOn = new DateOnly(2025, 12, 20) };
        var c = Done(await cases.FileAsync(draft, await _app.UserIdAsync("zhangmin")));
        c = Done(await cases.AcceptAsync(c.Id, c.Version, new AcceptInput(new DateOnly(2025, 12, 21))));
        c = Done(await cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(new DateOnly(2025, 12, 28), await CaseDrafts.VenueIdAsync(_app), "王大明、李小红", "双方陈述了各自意见。")));
        _case = Done(await cases.ResolveAsync(c.Id, c.Version, new AgreementInput
        {
            Kind = AgreementKind.Written,
            Facts = "院坝排水沟堵塞。",
            MattersInDispute = "疏通及赔偿。",
            Responsibilities = "被申请人负主要责任。",
            Terms = "被申请人疏通排水沟并赔偿500元。",
            PerformanceManner = "现金",
            SignedOn = new DateOnly(2025, 12, 31),
        }));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_dashboard_counts_the_agreement_in_December_2025_and_nothing_in_2026()
    {
        var statistics = _app.Get<StatisticsService>();

        var y2025 = (await statistics.GetAsync(Year2025))!;
        var y2026 = (await statistics.GetAsync(Year2026))!;

        Assert.Equal((1, 1, 1, 0), (y2025.Town.Filed.Value, y2025.Town.Resolved.Value, y2025.Town.WrittenAgreements.Value, y2025.Town.InMediation.Value));
        Assert.Equal(1200.50m, y2025.Town.AmountResolved.Value);
        Assert.Equal(11m, y2025.Town.AverageDaysToConclude.Value); // 20 → 31 December
        Assert.Equal(1, y2025.Trend.Single(m => m.Month == new DateOnly(2025, 12, 1)).Resolved.Value);
        Assert.Equal((0, 0, 0), (y2026.Town.Filed.Value, y2026.Town.Resolved.Value, y2026.Town.InMediation.Value));
    }

    [Fact]
    public async Task The_drill_down_of_2025_lists_the_case_and_that_of_2026_does_not()
    {
        var statistics = _app.Get<StatisticsService>();
        var list = _app.Get<CaseListService>();

        var in2025 = await list.ListAsync(new CaseListRequest((await statistics.GetAsync(Year2025))!.Town.Resolved.DrillDown!, 0, 25));
        var in2026 = await list.ListAsync(new CaseListRequest((await statistics.GetAsync(Year2026))!.Town.Resolved.DrillDown!, 0, 25));

        Assert.Equal([_case.Number], in2025.Rows.Select(r => r.Number));
        Assert.Equal(0, in2026.Total);
    }

    [Fact]
    public async Task The_exports_of_2025_hold_the_resolution()
    {
        var text = _app.Get<IStringLocalizer<DashboardText>>();
        var stats = (await _app.Get<StatisticsService>().GetAsync(Year2025))!;
        var actor = (await _app.SignInAsUserAsync("wangfang"))!;

        using var dashboard = new MemoryStream(DashboardExport.Xlsx(stats, text));
        var town = dashboard.Query(useHeaderRow: true, sheetName: text["Dashboard.Villages"]).Cast<IDictionary<string, object?>>().Last();
        var csv = Encoding.UTF8.GetString(DashboardExport.Csv(stats, text));
        var filter = stats.Town.Resolved.DrillDown!;
        using var list = new MemoryStream();
        await _app.Get<CaseExportService>().WriteAsync(actor, filter, ExportFormat.Csv, list);

        Assert.Equal(1d, town[text["Figure.Resolved"]]);
        Assert.Contains($"{text["Dashboard.Town"]},", csv, StringComparison.Ordinal);
        Assert.Contains(_case.Number, Encoding.UTF8.GetString(list.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_annual_report_of_2025_counts_it()
    {
        var report = await _app.Get<AnnualReportService>().GetTownAsync(2025);

        var total = report.Villages.Single(r => r.IsTotal);
        Assert.Equal(1, total.Figures.Resolved.Value);
        Assert.Contains("调解成功1件", report.Paragraph.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, (await _app.Get<AnnualReportService>().GetTownAsync(2026)).Villages.Single(r => r.IsTotal).Figures.Resolved.Value);
    }

    [Fact]
    public async Task The_history_keeps_when_each_step_was_entered()
    {
        var (_, details) = await _app.Get<CaseReader>().GetAsync(_case.Id);

        var resolve = details!.History.Single(h => h.Action == nameof(CaseTrigger.Resolve));
        Assert.Equal((new DateOnly(2025, 12, 31), Clock.GetUtcNow().UtcDateTime), (resolve.OccurredOn, resolve.AtUtc));
        Assert.Equal(new DateOnly(2025, 12, 31), details.ConcludedOn);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd}", new DateOnly(2026, 1, 20)), details.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static CaseRef Done(Result<CaseRef> result) => result.Succeeded ? result.Value! : throw new InvalidOperationException(result.ToString());
}
