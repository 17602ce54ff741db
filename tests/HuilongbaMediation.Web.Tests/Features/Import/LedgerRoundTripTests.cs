using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Import;
using HuilongbaMediation.Web.Tests.Infrastructure;
using static HuilongbaMediation.Web.Tests.Infrastructure.BackdatedCases;

namespace HuilongbaMediation.Web.Tests.Features.Import;

/// <summary>A town exported as a ledger and imported into an empty database shows the same dashboard.</summary>
public sealed class LedgerRoundTripTests
{
    [Fact]
    public async Task An_exported_ledger_imported_into_an_empty_database_gives_the_same_figures()
    {
        await using var town = await TestApp.StartAsync(demo: true);
        await BuildAsync(town);
        var office = await town.SignInAsUserAsync("wangfang");
        var ledger = await town.Get<LedgerExportService>().CreateAsync(office, new CaseFilter());

        await using var copy = await TestApp.StartAsync(demo: true);
        await copy.SignInAsUserAsync("wangfang");
        var result = (await copy.Get<LedgerImportService>().ImportAsync(new LedgerImportRequest(ledger, "导出的台账.xlsx")))!;

        Assert.Equal((12, 0), (result.Imported, result.Refused.Count));
        foreach (var year in new[] { 2024, 2025 })
        {
            var before = (await town.Get<StatisticsService>().GetAsync(StatisticsPeriod.OfYear(year)))!;
            var after = (await copy.Get<StatisticsService>().GetAsync(StatisticsPeriod.OfYear(year)))!;
            Assert.Equal(Values(before.Town), Values(after.Town));
            Assert.Equal(before.Villages.Select(v => (v.Name, Values(v.Figures))), after.Villages.Select(v => (v.Name, Values(v.Figures))));
            Assert.Equal(before.Categories.Select(c => (c.Name, Values(c.Figures))), after.Categories.Select(c => (c.Name, Values(c.Figures))));
            Assert.Equal(before.Trend.Select(m => (m.Filed.Value, m.Resolved.Value, m.Referred.Value)), after.Trend.Select(m => (m.Filed.Value, m.Resolved.Value, m.Referred.Value)));
        }
    }

    /// <summary>Every figure of a row, as text (rates and averages formatted as the page shows them).</summary>
    private static string Values(Figures figures) => string.Join("|", FigureColumns.All.Select(c => c.Cell(figures).Text));

    /// <summary>
    /// Cases a ledger row can hold whole: each taken up on the day it was filed, ended once (or still open), and no
    /// referral waiting for review: every outcome, both kinds of agreement, amounts, a high-risk group dispute.
    /// </summary>
    private static async Task BuildAsync(TestApp app)
    {
        var cases = await CreateAsync(app);
        cases.File("wuyunshan", "neighbour", D(2024, 11, 3), amount: 800m).Accept(D(2024, 11, 3)).Session(D(2024, 11, 10)).Resolve(D(2025, 1, 4), AgreementKind.Written);
        cases.File("wuyunshan", "labour-wages", D(2025, 2, 3), amount: 50000m, people: 8, risk: RiskLevel.High)
            .Accept(D(2025, 2, 3)).Session(D(2025, 2, 6)).Resolve(D(2025, 2, 20), AgreementKind.Oral);
        cases.File("huilongba", "contract", D(2025, 3, 1), amount: 8000m).Accept(D(2025, 3, 1)).Session(D(2025, 3, 5)).Refer(D(2025, 3, 10)).Approve(D(2025, 3, 12));
        cases.File("huilongba", "land-requisition", D(2025, 12, 1), people: 6).Accept(D(2025, 12, 1));
        cases.File("wuliuyuan", "traffic", D(2025, 7, 1), amount: 3500m).Terminate(D(2025, 7, 5));
        cases.File("wuliuyuan", "labour-other", D(2025, 6, 1), amount: 12000m).Accept(D(2025, 6, 1)).Session(D(2025, 6, 2)).Terminate(D(2025, 6, 20));
        cases.File("dashuigou", "neighbour", D(2025, 8, 1)).Decline(D(2025, 8, 2));
        cases.File("dashuigou", "marriage-family", D(2024, 5, 5), amount: 2000m, people: 3).Accept(D(2024, 5, 5)).Session(D(2024, 5, 9)).Resolve(D(2024, 5, 9), AgreementKind.Written);
        cases.File("julongcheng", "property-management", D(2025, 12, 28), amount: 900m);
        cases.File("julongcheng", "consumer", D(2025, 9, 1), amount: 260.5m).Accept(D(2025, 9, 1)).Session(D(2025, 9, 3)).Resolve(D(2025, 9, 8), AgreementKind.Oral);
        cases.File("daqiao", "other", D(2024, 12, 30)).Accept(D(2024, 12, 30));
        cases.File("daqiao", "forest-land", D(2025, 4, 4), risk: RiskLevel.High).Accept(D(2025, 4, 4)).Session(D(2025, 4, 6)).Resolve(D(2025, 4, 30), AgreementKind.Written);
        await cases.SaveAsync();
    }
}
