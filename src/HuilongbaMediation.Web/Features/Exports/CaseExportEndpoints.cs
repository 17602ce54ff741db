using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.Exports;

/// <summary>GET /cases/export.xlsx and /cases/export.csv: the case list's query string, the signed-in user's cases.</summary>
public static class CaseExportEndpoints
{
    public const string XlsxRoute = "/cases/export.xlsx";
    public const string CsvRoute = "/cases/export.csv";

    public static IServiceCollection AddCaseExports(this IServiceCollection services) => services.AddScoped<CaseExportService>();

    public static void MapCaseExports(this IEndpointRouteBuilder endpoints)
    {
        // Signed out, a download answers 401 (Composition: only pages redirect to the sign-in page).
        endpoints.MapGet(XlsxRoute, (HttpContext http, CaseExportService exports, SecurityLogWriter log) => ExportAsync(http, exports, log, ExportFormat.Xlsx))
            .RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet(CsvRoute, (HttpContext http, CaseExportService exports, SecurityLogWriter log) => ExportAsync(http, exports, log, ExportFormat.Csv))
            .RequireAuthorization(Policies.SignedIn);
    }

    internal static async Task<IResult> ExportAsync(HttpContext http, CaseExportService exports, SecurityLogWriter log, ExportFormat format)
    {
        if (http.User.ToActor() is not { } actor)
        {
            return http.User.Identity?.IsAuthenticated == true ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Unauthorized();
        }

        var filter = CaseFilter.Parse(http.Request.QueryString.Value);
        var plan = await exports.PlanAsync(actor, filter, format, http.RequestAborted);
        await log.WriteAsync(http, SecurityEventKind.Export, plan.FileName, http.Request.QueryString.Value?.TrimStart('?'), http.RequestAborted);

        // Personal data, even masked, stays out of shared and browser caches.
        http.Response.Headers.CacheControl = "no-store";

        // The download name goes out as RFC 5987 filename* (UTF-8) with an ASCII fallback.
        return Results.Stream(body => exports.WriteAsync(actor, filter, format, body, http.RequestAborted), plan.ContentType, plan.FileName);
    }
}
