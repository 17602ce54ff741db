using System.Globalization;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// The downloads: the dashboard as .xlsx and .csv (<c>?year=2025</c> or <c>?from=2025-01-01&amp;to=2025-06-30</c>) and the
/// annual report as .docx (<c>?year=2025</c>). The route's role check is the first gate; the services check the
/// signed-in user again, so a village head's export holds only what their dashboard shows.
/// </summary>
internal static class OversightEndpoints
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

    /// <summary>人民调解工作统计表 as .xlsx (<c>?period=2026-03</c>, <c>2026-Q1</c> or <c>2026</c>), as the signed-in user may see it.</summary>
    public static async Task<IResult> StatisticalFormAsync(HttpContext http, MonthlyForm.MonthlyFormService forms, SecurityLogWriter log)
    {
        if (MonthlyForm.FormPeriod.Parse(http.Request.Query["period"]) is not { } period)
        {
            return Results.BadRequest("统计期间无效：请用 2026-03、2026-Q1 或 2026 的格式");
        }

        if (await forms.GetAsync(http.User.ToActor(), period, http.RequestAborted) is not { } form)
        {
            return Results.Forbid();
        }

        var name = MonthlyForm.StatisticalFormWorkbook.FileName(form);
        await log.WriteAsync(http, SecurityEventKind.Export, name, http.Request.QueryString.Value?.TrimStart('?'), http.RequestAborted);
        var unit = form.Town is null ? $"回龙坝镇{form.Rows[0].Name}人民调解委员会" : "回龙坝镇司法所";
        return Results.File(MonthlyForm.StatisticalFormWorkbook.Create(form, unit), MonthlyForm.StatisticalFormWorkbook.ContentType, name);
    }

    public static async Task<IResult> AnnualReportAsync(HttpContext http, AnnualReportService reports, TimeProvider clock, SecurityLogWriter log)
    {
        var year = http.Request.Query["year"].ToString() is { Length: > 0 } given
            ? int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0
            : ChinaClock.Today(clock.GetUtcNow().UtcDateTime).Year;
        if (year is < AnnualReportService.FirstYear or > AnnualReportService.LastYear)
        {
            return Results.BadRequest();
        }

        if (await reports.GetAsync(http.User.ToActor(), year, http.RequestAborted) is not { } report)
        {
            return Results.Forbid();
        }

        await log.WriteAsync(http, SecurityEventKind.Download, $"{report.Title}.docx", null, http.RequestAborted);
        return Results.File(AnnualReportDocument.Create(report), AnnualReportDocument.ContentType, $"{report.Title}.docx");
    }
}
