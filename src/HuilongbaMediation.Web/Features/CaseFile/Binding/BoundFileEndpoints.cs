using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Features.SecurityLog;

namespace HuilongbaMediation.Web.Features.CaseFile.Binding;

/// <summary>GET <c>/cases/{id}/file.pdf</c>: the bound 卷宗; 503 with the reason when the server cannot make it.</summary>
public static class BoundFileEndpoints
{
    public const string Route = "/cases/{id:int}/file.pdf";

    public static string Link(int caseId) => $"/cases/{caseId}/file.pdf";

    public static async Task<IResult> GetAsync(int id, HttpContext http, BoundFileService binder, SecurityLogWriter log, HttpResponse response, CancellationToken ct)
    {
        if (binder.Unavailable is { } why)
        {
            return Results.Text(why, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var (result, file) = await binder.AssembleAsync(http.User, SecurityActor.Of(http.User, http.Connection.RemoteIpAddress), id, ct);
        if (file is null)
        {
            return result.Outcome == Outcome.Invalid
                ? Results.Text(result.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity)
                : CaseDocumentEndpoints.Refused(result);
        }

        await log.WriteAsync(http, SecurityEventKind.Download, result.Value?.Number, file.FileName, ct);
        response.Headers.CacheControl = "no-store";
        return Results.File(file.Pdf, "application/pdf", file.FileName);
    }
}
