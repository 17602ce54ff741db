using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.SecurityLog;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>
/// GET <c>/cases/{id}/documents/{form}.docx[?record=N][&amp;original=true]</c>, mapped by the case-file feature's registration:
/// the original of a form the parties sign for those who may have it, the masked copy for other readers of the case;
/// <c>original=true</c> (the originals' links) answers 403 instead of a copy to anyone who may not have the original.
/// </summary>
public static class CaseDocumentEndpoints
{
    public const string DocxRoute = "/cases/{id:int}/documents/{form}.docx";

    public static async Task<IResult> GetDocxAsync(
        int id, string form, int? record, bool? original, HttpContext http, DocumentService documents, HttpResponse response, CancellationToken ct)
    {
        if (OfficialForms.FromSlug(form) is not { } which)
        {
            return Results.NotFound();
        }

        var who = SecurityActor.Of(http.User, http.Connection.RemoteIpAddress);
        var (result, file) = await documents.IssueAsync(http.User, who, id, which, record, DocumentIssue.Docx, ct, original == true);
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
