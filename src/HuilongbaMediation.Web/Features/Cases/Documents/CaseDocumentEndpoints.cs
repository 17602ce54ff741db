using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.SecurityLog;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>The links to a case's documents, for pages and endpoints alike.</summary>
public static class CaseDocumentLinks
{
    public static string AgreementDocx(int caseId) => $"/cases/{caseId}/agreement.docx";

    public static string AgreementPrint(int caseId) => $"/cases/{caseId}/agreement/print";
}

/// <summary>GET <c>/cases/{id}/agreement.docx</c>, mapped by the case-file feature's registration.</summary>
public static class CaseDocumentEndpoints
{
    public const string AgreementDocxRoute = "/cases/{id:int}/agreement.docx";

    public static async Task<IResult> GetAgreementDocxAsync(
        int id, HttpContext http, AgreementService agreements, SecurityLogWriter log, HttpResponse response, CancellationToken ct)
    {
        var (result, sheet) = await agreements.GetAsync(http.User, id, ct);
        if (sheet is null)
        {
            return Refused(result);
        }

        // The agreement carries the parties' full 身份证号 and addresses: who took it is logged.
        await log.WriteAsync(http, SecurityEventKind.Download, sheet.CaseNumber, AgreementDocument.FileName(sheet.CaseNumber), ct);

        response.Headers.CacheControl = "no-store"; // personal data: not for shared caches or the browser's disk cache
        return Results.File(AgreementDocument.Create(sheet), AgreementDocument.ContentType, AgreementDocument.FileName(sheet.CaseNumber));
    }

    /// <summary>
    /// 404, or 403 with the reason as text: a body keeps the app's status-code pages, which would show "page not
    /// found", from answering a 403.
    /// </summary>
    public static IResult Refused(Result<CaseRef> result) => result.Outcome == Outcome.Forbidden
        ? Results.Text(result.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
        : Results.NotFound();
}
