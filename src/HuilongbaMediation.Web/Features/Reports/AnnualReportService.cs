using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.MonthlyForm;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.Reports;

/// <summary>The annual report of a year, for the judicial office and admins (and the command line, as the town).</summary>
public sealed class AnnualReportService(StatisticsService statistics, MonthlyFormService forms, CurrentUser currentUser, Public.OnlineApplicationStatistics online)
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
        MaySee(actor) && await statistics.GetAsync(actor, StatisticsPeriod.OfYear(year), ct) is { } town ? await ComposeAsync(town, ct) : null;

    /// <summary>The report of the whole town without a user, for the command line.</summary>
    public async Task<AnnualReport> GetTownAsync(int year, CancellationToken ct = default) =>
        await ComposeAsync(await statistics.GetTownAsync(StatisticsPeriod.OfYear(year), ct), ct);

    /// <summary>
    /// The overview from the dashboard's figures (with the year's online applications, 和顺云茶馆), and the paragraphs
    /// after it from the statistical form's, for the year's days up to today while it runs, and the same days of the year
    /// before for 同比.
    /// </summary>
    private async Task<AnnualReport> ComposeAsync(Statistics town, CancellationToken ct)
    {
        var (from, end) = (town.Period.From, town.Period.To);
        var report = AnnualReport.From(town, Public.OnlineApplicationStatistics.Sentence(await online.CountAsync(from, end, ct)));
        var running = town.Today < end && town.Today >= from;
        var to = running ? town.Today : end;
        var year = await forms.TownLinesAsync(from, to, ct);
        var previous = await forms.TownLinesAsync(from.AddYears(-1), to.AddYears(-1), ct);
        return report with { Sections = AnnualReportSentences.Write(report.Year, year, previous, running) };
    }
}
