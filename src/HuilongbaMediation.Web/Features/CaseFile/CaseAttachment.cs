using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>
/// A scanned or photographed document filed in a case's 卷宗 under one item of its 卷内目录. The bytes live on disk
/// under <see cref="StoredName"/> (see <see cref="CaseFileStore"/>); <see cref="FileName"/> is only shown and offered
/// as the download name, never used in a path. Not part of the domain: it changes neither the case nor its history.
/// </summary>
public sealed class CaseAttachment
{
    public int Id { get; private set; }

    public int CaseId { get; private set; }

    public CaseFileItem Item { get; private set; }

    /// <summary>The name the file had on the uploader's device.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The type its content was found to be, not the one the browser declared.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>
    /// SHA-256 of the content, lower-case hex: tells the same file filed twice in one case, and lets a backup's
    /// manifest and a restore check every file. Null only for files filed before it was kept, until start-up fills it in.
    /// </summary>
    public string? Sha256 { get; private set; }

    /// <summary>A GUID ("N" format): the file's name on disk.</summary>
    public string StoredName { get; private set; } = "";

    public string UploadedById { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }

    internal static CaseAttachment Create(
        int caseId, CaseFileItem item, string fileName, AttachmentType type, long size, string sha256, Actor uploader, DateTime nowUtc) => new()
        {
            Sha256 = sha256,
            CaseId = caseId,
            Item = item,
            FileName = fileName,
            ContentType = type.ContentType,
            Size = size,
            StoredName = Guid.NewGuid().ToString("N"),
            UploadedById = uploader.UserId,
            UploadedByName = uploader.DisplayName,
            UploadedAtUtc = nowUtc,
        };

    internal void SetSha256(string sha256) => Sha256 = sha256;
}
