using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Features.SecurityLog;
using Microsoft.Net.Http.Headers;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>The links of the 卷宗, for pages and endpoints alike.</summary>
public static class CaseFileLinks
{
    public static string Page(int caseId) => $"/cases/{caseId}/file";

    public static string Attachment(int caseId, int attachmentId) => $"/cases/{caseId}/files/{attachmentId}";
}

/// <summary>GET <c>/cases/{id}/files/{fileId}</c>: an attachment, for users who may read its case.</summary>
public static class CaseFileEndpoints
{
    public const string AttachmentRoute = "/cases/{id:int}/files/{fileId:int}";

    public static async Task<IResult> GetAttachmentAsync(
        int id, int fileId, HttpContext http, CaseFileService files, SecurityLogWriter log, HttpResponse response, CancellationToken ct)
    {
        var (result, file) = await files.OpenAsync(http.User, id, fileId, ct);
        if (file is null)
        {
            return CaseDocumentEndpoints.Refused(result);
        }

        await log.WriteAsync(http, SecurityEventKind.Download, result.Value?.Number, file.FileName, ct);

        // Shown in the browser (scans are read more often than saved), but only ever as the type its content was
        // found to be: the browser must not guess another from the bytes.
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        return Results.File(file.Path, file.ContentType, enableRangeProcessing: true);
    }
}
