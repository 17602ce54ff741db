using System.Security.Claims;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Features.SecurityLog;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace HuilongbaMediation.Web.Features.CaseFile.Binding;

/// <summary>The bound 卷宗: one PDF, and the titles of its parts in order (each is a bookmark of the PDF).</summary>
public sealed record BoundFile(string FileName, byte[] Pdf, IReadOnlyList<string> Parts);

/// <summary>
/// 装订版卷宗: the whole 卷宗 as one PDF in the order of the 卷内目录 — the cover and the 卷内目录 first, then each item's
/// forms (rendered from their Word files by <see cref="LibreOffice"/>) followed by the scans filed under it, and the 备考表
/// last — merged with PDFsharp, a bookmark per part. The forms come from <see cref="DocumentService"/>, so who gets the
/// originals, the history entry and the security log are the same as for each form on its own.
/// </summary>
public sealed class BoundFileService(IDbContextFactory<AppDbContext> dbFactory, DocumentService documents, CaseFileService caseFiles, LibreOffice libreOffice)
{
    public string? Unavailable => libreOffice.Unavailable;

    public async Task<(Result<CaseRef> Result, BoundFile? File)> AssembleAsync(ClaimsPrincipal user, SecurityActor who, int caseId, CancellationToken ct = default)
    {
        if (libreOffice.Unavailable is { } why)
        {
            return (Result.NotFound(why).Of<CaseRef>(), null);
        }

        var (listed, forms, _) = await documents.ListAsync(user, caseId, ct);
        if (!listed.Succeeded)
        {
            return (listed, null);
        }

        List<(CaseFileItem Item, int Id, string FileName)> attachments;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            attachments = [.. (await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id)
                .Select(a => new { a.Item, a.Id, a.FileName }).ToListAsync(ct)).Select(a => (a.Item, a.Id, a.FileName))];
        }

        // The forms in 目录 order, each issued (and logged) as for a download.
        var parts = new List<(string Title, OfficialForm? Form, CaseDocumentFile? Sheets, AttachmentFile? Scan)>();
        async Task AddFormAsync(CaseDocument d)
        {
            var (_, file) = await documents.IssueAsync(user, who, caseId, d.Form, d.RecordId, DocumentIssue.Bound, ct);
            if (file is not null)
            {
                parts.Add((d.Label, d.Form, file, null));
            }
        }

        foreach (var d in forms.Where(d => d.Form is OfficialForm.FileCover or OfficialForm.FileContents))
        {
            await AddFormAsync(d);
        }

        foreach (var item in Enum.GetValues<CaseFileItem>())
        {
            foreach (var d in forms.Where(d => d.InFile && ItemOf(d.Form) == item))
            {
                await AddFormAsync(d);
            }

            foreach (var attachment in attachments.Where(a => a.Item == item))
            {
                var (_, scan) = await caseFiles.OpenAsync(user, caseId, attachment.Id, ct);
                if (scan is not null)
                {
                    parts.Add((attachment.FileName, null, null, scan));
                }
            }
        }

        foreach (var d in forms.Where(d => d.Form is OfficialForm.FileRemarks))
        {
            await AddFormAsync(d);
        }

        var sheets = parts.Where(p => p.Sheets is not null).Select(p => p.Sheets!).ToList();
        var pdfs = new Queue<byte[]>(await libreOffice.ToPdfAsync([.. sheets.Select(s => s.Docx())], ct));
        using var bound = new PdfDocument();
        bound.Info.Title = $"卷宗 {listed.Value!.Number}";
        foreach (var part in parts)
        {
            var first = bound.PageCount;
            if (part.Sheets is not null)
            {
                AppendPdf(bound, pdfs.Dequeue());
            }
            else if (part.Scan!.ContentType == "application/pdf")
            {
                AppendPdf(bound, await File.ReadAllBytesAsync(part.Scan.Path, ct));
            }
            else if (!AppendImage(bound, part.Scan.Path))
            {
                return (Result.Invalid([], $"无法读取图片“{part.Title}”，请改为上传 JPG 或 PDF 后再生成装订版").Of<CaseRef>(), null);
            }

            if (bound.PageCount > first)
            {
                bound.Outlines.Add(part.Title, bound.Pages[first]);
            }
        }

        using var stream = new MemoryStream();
        bound.Save(stream);
        return (listed, new BoundFile($"卷宗-{listed.Value!.Number}.pdf", stream.ToArray(), [.. parts.Select(p => p.Title)]));
    }

    /// <summary>The 卷内目录 item a form is filed under; null for the cover, the 目录 and the 备考表, which frame the file.</summary>
    public static CaseFileItem? ItemOf(OfficialForm form) => form switch
    {
        OfficialForm.Application or OfficialForm.Registration => CaseFileItem.ApplicationOrIntakeForm,
        OfficialForm.RightsNotice => CaseFileItem.RightsAndDutiesNotice,
        OfficialForm.InvestigationRecord => CaseFileItem.InvestigationRecord,
        OfficialForm.SessionRecord => CaseFileItem.MediationRecord,
        OfficialForm.Agreement or OfficialForm.OralAgreement => CaseFileItem.Agreement,
        OfficialForm.FollowUp => CaseFileItem.FollowUpRecord,
        OfficialForm.JudicialApplication => CaseFileItem.JudicialConfirmation,
        _ => null,
    };

    private static void AppendPdf(PdfDocument bound, byte[] pdf)
    {
        using var source = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        foreach (var page in source.Pages)
        {
            bound.AddPage(page);
        }
    }

    /// <summary>A photo or scan on an A4 page of its own, scaled to fit within 15 mm margins, centred.</summary>
    /// <returns>False when PDFsharp cannot read the picture (some PNG kinds); nothing is added then.</returns>
    private static bool AppendImage(PdfDocument bound, string path)
    {
        XImage image;
        try
        {
            image = XImage.FromStream(new MemoryStream(File.ReadAllBytes(path)));
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        using (image)
        {
            var page = bound.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var graphics = XGraphics.FromPdfPage(page);
            var margin = XUnit.FromMillimeter(15).Point;
            var (width, height) = (page.Width.Point - 2 * margin, page.Height.Point - 2 * margin);
            var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
            var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
            graphics.DrawImage(image, margin + (width - w) / 2, margin + (height - h) / 2, w, h);
        }

        return true;
    }
}
