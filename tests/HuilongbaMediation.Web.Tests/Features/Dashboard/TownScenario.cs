using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using static HuilongbaMediation.Web.Tests.Infrastructure.BackdatedCases;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>
/// A small town for the statistics tests, mostly in 2025. 大桥村 has no cases. The hard cases: B was referred, returned
/// and then resolved; C was resolved, reopened and resolved again; D was filed in 2025 and resolved in 2026, and was
/// overdue at the end of 2025 although its deadline was extended in 2026; E was filed in 2024 and referred in 2025;
/// F and G are in 物流园片区 (F under the town's committee, G under the transport committee); K was taken by the first
/// 红岩市民综合调解站; L is overdue today.
/// </summary>
internal static class TownScenario
{
    public const int Year = 2025;

    public static async Task BuildAsync(TestApp app)
    {
        var town = await CreateAsync(app);
        town.File("wuyunshan", "neighbour", D(2025, 1, 10), amount: 1000m)
            .Accept(D(2025, 1, 11)).Session(D(2025, 1, 15)).Resolve(D(2025, 1, 20), AgreementKind.Written);
        town.File("wuyunshan", "labour-wages", D(2025, 2, 3), amount: 50000m, people: 8, risk: RiskLevel.High)
            .Accept(D(2025, 2, 4)).Session(D(2025, 2, 6)).Refer(D(2025, 2, 10)).Return(D(2025, 2, 12))
            .Session(D(2025, 2, 14)).Resolve(D(2025, 2, 20), AgreementKind.Oral);
        town.File("wuyunshan", "marriage-family", D(2025, 3, 1), amount: 2000m, people: 3, risk: RiskLevel.High)
            .Accept(D(2025, 3, 2)).Session(D(2025, 3, 5)).Resolve(D(2025, 3, 10), AgreementKind.Oral)
            .Reopen(D(2025, 3, 21)).Session(D(2025, 4, 1)).Resolve(D(2025, 4, 5), AgreementKind.Written);
        town.File("huilongba", "land-requisition", D(2025, 11, 20), people: 6)
            .Accept(D(2025, 11, 21)).Session(D(2025, 12, 1)).ExtendDeadline(D(2026, 1, 5), D(2026, 2, 28))
            .Resolve(D(2026, 1, 10), AgreementKind.Written);
        town.File("huilongba", "contract", D(2024, 12, 20), amount: 8000m)
            .Accept(D(2024, 12, 21)).Session(D(2024, 12, 28)).Refer(D(2025, 1, 5)).Approve(D(2025, 1, 8));
        town.File("wuliuyuan", "labour-wages", D(2025, 6, 1), amount: 120000m, people: 12, risk: RiskLevel.High)
            .Accept(D(2025, 6, 2)).Session(D(2025, 6, 5)).Refer(D(2025, 6, 10), urgent: true);
        town.File("wuliuyuan", "traffic", D(2025, 7, 1), amount: 3500m, committee: "traffic-committee").Terminate(D(2025, 7, 5));
        town.File("dashuigou", "neighbour", D(2025, 8, 1)).Decline(D(2025, 8, 2));
        town.File("julongcheng", "property-management", D(2025, 12, 28), amount: 900m);
        town.File("julongcheng", "consumer", D(2025, 9, 1), amount: 260m)
            .Accept(D(2025, 9, 2)).ExtendDeadline(D(2025, 9, 25), D(2026, 1, 31));
        town.File("dashuigou", "labour-other", D(2025, 5, 5), amount: 3000.50m, committee: "hongyan-station-1")
            .Accept(D(2025, 5, 6)).Session(D(2025, 5, 10)).Resolve(D(2025, 5, 20), AgreementKind.Written);
        town.File("huilongba", "neighbour", D(2026, 3, 1)).Accept(D(2026, 3, 2));
        await town.SaveAsync();
    }
}
