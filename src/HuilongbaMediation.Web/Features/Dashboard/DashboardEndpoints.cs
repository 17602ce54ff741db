using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// The dashboard as .xlsx and .csv (<c>?year=2025</c> or <c>?from=2025-01-01&amp;to=2025-06-30</c>). The route's policy is
/// the first gate; the service checks the signed-in user again, so a village head's export holds only what their
/// dashboard shows.
/// </summary>
internal static class DashboardEndpoints
{
    public static async Task<IResult> DashboardExportAsync(
        HttpContext http, StatisticsService statistics, IStringLocalizer<DashboardText> text, TimeProvider clock, SecurityLogWriter log, bool xlsx)
    {
        var query = http.Request.Query;
        var period = StatisticsPeriod.Parse(query["year"], query["from"], query["to"], ChinaClock.Today(clock.GetUtcNow().UtcDateTime));
        if (period is null)
        {
            return Results.BadRequest(text["Dashboard.InvalidRange"].Value);
        }

        if (await statistics.GetAsync(http.User.ToActor(), period, http.RequestAborted) is not { } figures)
        {
            return Results.Forbid();
        }

        var name = $"{text["Dashboard.Title"]}_{period.FileName}";
        await log.WriteAsync(http, SecurityEventKind.Export, name + (xlsx ? ".xlsx" : ".csv"), http.Request.QueryString.Value?.TrimStart('?'), http.RequestAborted);
        return xlsx
            ? Results.File(DashboardExport.Xlsx(figures, text), DashboardExport.XlsxContentType, name + ".xlsx")
            : Results.File(DashboardExport.Csv(figures, text), DashboardExport.CsvContentType, name + ".csv");
    }
}
