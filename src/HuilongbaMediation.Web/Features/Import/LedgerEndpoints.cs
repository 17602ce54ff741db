using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>
/// GET /cases/ledger.xlsx (the case list's query string; the user's cases in the ledger layout) and
/// GET /import/refused/{id}.xlsx (an import's refused rows, for the user who imported).
/// </summary>
internal static class LedgerEndpoints
{
    public const string ExportRoute = "/cases/ledger.xlsx";

    public static string RefusedRoute(Guid id) => $"/import/refused/{id:N}.xlsx";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportRoute, async (HttpContext http, LedgerExportService exports, SecurityLogWriter log) =>
        {
            if (http.User.ToActor() is not { } actor)
            {
                return Denied(http);
            }

            http.Response.Headers.CacheControl = "no-store";
            var content = await exports.CreateAsync(actor, CaseFilter.Parse(http.Request.QueryString.Value), http.RequestAborted);
            var fileName = exports.FileName();
            await log.WriteAsync(http, SecurityEventKind.Export, fileName, http.Request.QueryString.Value?.TrimStart('?'), http.RequestAborted);
            return Results.File(content, LedgerExportService.ContentType, fileName);
        }).RequireAuthorization(Policies.SignedIn);

        endpoints.MapGet("/import/refused/{id:guid}.xlsx", (HttpContext http, Guid id, RefusedRowsStore store) =>
        {
            if (http.User.ToActor() is not { } actor || !Capability.ImportLedgers.Allows(actor))
            {
                return Denied(http);
            }

            http.Response.Headers.CacheControl = "no-store";
            return store.Get(id, actor.UserId) is { } file ? Results.File(file.Content, RefusedRowsFile.ContentType, file.FileName) : Results.NotFound();
        }).RequireAuthorization(Policies.ImportLedgers);
    }

    private static IResult Denied(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Unauthorized();
}
