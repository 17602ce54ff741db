using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.Reports;

/// <summary>The annual report of a year, for the judicial office and admins (and the command line, as the town).</summary>
public sealed class AnnualReportService(StatisticsService statistics, CurrentUser currentUser, Public.OnlineApplicationStatistics online)
{
    /// <summary>Years a report may be asked for.</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 9998;

    public static bool MaySee(Actor? actor) => Capability.AnnualReport.Allows(actor);

    /// <summary>The report for the signed-in user; null when they may not see it.</summary>
    public async Task<AnnualReport?> GetAsync(int year, CancellationToken ct = default) =>
        await GetAsync(await currentUser.GetActorAsync(), year, ct);

    /// <summary>The report for <paramref name="actor"/>; null when they may not see it.</summary>
    public async Task<AnnualReport?> GetAsync(Actor? actor, int year, CancellationToken ct = default) =>
        MaySee(actor) && await statistics.GetAsync(actor, StatisticsPeriod.OfYear(year), ct) is { } town ? AnnualReport.From(town, await OnlineAsync(year, ct)) : null;

    /// <summary>The report of the whole town without a user, for the command line.</summary>
    public async Task<AnnualReport> GetTownAsync(int year, CancellationToken ct = default) =>
        AnnualReport.From(await statistics.GetTownAsync(StatisticsPeriod.OfYear(year), ct), await OnlineAsync(year, ct));

    /// <summary>How many came through 和顺云茶馆 in the year (<see cref="Public.OnlineApplicationStatistics"/>), as a sentence.</summary>
    private async Task<string?> OnlineAsync(int year, CancellationToken ct) =>
        Public.OnlineApplicationStatistics.Sentence(await online.CountAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct));
}
