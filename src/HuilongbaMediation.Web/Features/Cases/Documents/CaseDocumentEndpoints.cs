using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.SecurityLog;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>GET <c>/cases/{id}/documents/{form}.docx[?record=N]</c>, mapped by the case-file feature's registration.</summary>
public static class CaseDocumentEndpoints
{
    public const string DocxRoute = "/cases/{id:int}/documents/{form}.docx";

    public static async Task<IResult> GetDocxAsync(
        int id, string form, int? record, HttpContext http, DocumentService documents, HttpResponse response, CancellationToken ct)
    {
        if (OfficialForms.FromSlug(form) is not { } which)
        {
            return Results.NotFound();
        }

        var who = SecurityActor.Of(http.User, http.Connection.RemoteIpAddress);
        var (result, file) = await documents.IssueAsync(http.User, who, id, which, record, DocumentIssue.Docx, ct);
        if (file is null)
        {
            return Refused(result);
        }

        response.Headers.CacheControl = "no-store"; // personal data: not for shared caches or the browser's disk cache
        return Results.File(file.Docx(), SheetDocx.ContentType, file.FileName);
    }

    /// <summary>
    /// 404, or 403 with the reason as text: a body keeps the app's status-code pages, which would show "page not
    /// found", from answering a 403.
    /// </summary>
    public static IResult Refused(Result<CaseRef> result) => result.Outcome == Outcome.Forbidden
        ? Results.Text(result.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
        : Results.NotFound();
}
