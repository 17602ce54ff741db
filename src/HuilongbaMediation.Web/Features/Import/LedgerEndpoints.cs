using HuilongbaMediation.Web.Features.Cases;
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
        // Anonymous at the routing level so that the handlers answer 401/403 themselves instead of redirecting a download to the sign-in page.
        endpoints.MapGet(ExportRoute, async (HttpContext http, LedgerExportService exports) =>
        {
            if (http.User.ToActor() is not { } actor)
            {
                return Denied(http);
            }

            http.Response.Headers.CacheControl = "no-store";
            var content = await exports.CreateAsync(actor, CaseFilter.Parse(http.Request.QueryString.Value), http.RequestAborted);
            return Results.File(content, LedgerExportService.ContentType, exports.FileName());
        }).AllowAnonymous();

        endpoints.MapGet("/import/refused/{id:guid}.xlsx", (HttpContext http, Guid id, RefusedRowsStore store) =>
        {
            if (http.User.ToActor() is not { } actor || !LedgerImportService.MayImport(actor))
            {
                return Denied(http);
            }

            http.Response.Headers.CacheControl = "no-store";
            return store.Get(id, actor.UserId) is { } file ? Results.File(file.Content, RefusedRowsFile.ContentType, file.FileName) : Results.NotFound();
        }).AllowAnonymous();
    }

    private static IResult Denied(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Unauthorized();
}
