using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>A kind of file the 卷宗 accepts, told by its first bytes.</summary>
public sealed record AttachmentType(string ContentType, byte[] Signature, IReadOnlyList<string> Extensions);

/// <summary>
/// What a 卷宗 accepts (DOMAIN.md): scans and photos as PDF, JPG or PNG, up to 10 MB each. The type is decided by the
/// content, never by the browser's declared type, and the name's extension must agree with it, so a file cannot be
/// stored as one thing and opened as another.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int FileNameMaxLength = 200;

    /// <summary>The file picker's filter; a convenience only, the server checks the content.</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png";

    /// <summary>The field the upload's messages belong to.</summary>
    public const string FileField = "File";

    public static readonly IReadOnlyList<AttachmentType> Types =
    [
        new("application/pdf", "%PDF-"u8.ToArray(), [".pdf"]),
        new("image/jpeg", [0xFF, 0xD8, 0xFF], [".jpg", ".jpeg"]),
        new("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [".png"]),
    ];

    public static Result<CaseRef> TooLarge() => Result.Invalid(FileField, "文件不能超过 10 MB").Of<CaseRef>();

    /// <summary>
    /// The name as shown and offered for download: without any folder part, surrounding blanks and bidi controls (which
    /// would make "报告\u202Efdp.exe" read as "报告exe.pdf"; <see cref="Text"/>).
    /// </summary>
    public static string CleanFileName(string? fileName) =>
        Text.Required(Path.GetFileName(Text.StripBidiControls(fileName).Replace('\\', '/')));

    /// <summary>
    /// Reads the upload, but never more than <see cref="MaxBytes"/> + 1 bytes whatever length was declared: one byte
    /// over is enough to refuse it. Null when it is too large.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxBytes + 1 - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The type of a file, or the refusal to show beside the upload.</summary>
    public static (AttachmentType? Type, Result<CaseRef>? Refusal) Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (fileName.Length == 0)
        {
            return (null, Result.Invalid(FileField, "请选择要上传的文件").Of<CaseRef>());
        }

        if (fileName.Length > FileNameMaxLength)
        {
            return (null, Result.Invalid(FileField, $"文件名不能超过 {FileNameMaxLength} 字").Of<CaseRef>());
        }

        var type = Sniff(content);
        if (type is null)
        {
            return (null, Result.Invalid(FileField, "文件内容不是 PDF、JPG 或 PNG 格式").Of<CaseRef>());
        }

        return type.Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase)
            ? (type, null)
            : (null, Result.Invalid(FileField, "文件扩展名与内容不符").Of<CaseRef>());
    }

    private static AttachmentType? Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var type in Types)
        {
            if (content.StartsWith(type.Signature))
            {
                return type;
            }
        }

        return null;
    }
}
