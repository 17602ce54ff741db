using System.Globalization;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.Reports;

/// <summary>The annual report: its service and its .docx (<c>/reports/annual.docx?year=2025</c>).</summary>
public static class ReportsRegistration
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddScoped<AnnualReportService>();

    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reports/annual.docx", AnnualReportAsync).RequireAuthorization(Policies.AnnualReport);

    internal static async Task<IResult> AnnualReportAsync(HttpContext http, AnnualReportService reports, TimeProvider clock, SecurityLogWriter log)
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
