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

/// <summary>
/// The bound 卷宗: one PDF, the titles of its parts in order (each is a bookmark of the PDF), and the 卷内目录 as bound in
/// it, with each item's pages.
/// </summary>
public sealed record BoundFile(string FileName, byte[] Pdf, IReadOnlyList<string> Parts, Sheet Contents);

/// <summary>
/// 装订版卷宗: the whole 卷宗 as one PDF in the order of the 卷内目录 — the cover and the 卷内目录 first, then each item's
/// forms (rendered from their Word files by <see cref="LibreOffice"/>) followed by the scans filed under it, and the 备考表
/// last — merged with PDFsharp, a bookmark per part. The 卷内目录 carries each item's pages: the other parts are rendered
/// and counted first, then the 目录 with the numbers; should the numbers make it longer than assumed, every page after it
/// shifts, so it is numbered and rendered again until its own length holds. The forms come from <see cref="DocumentService"/>, so who gets the
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
        var parts = new List<Part>();
        async Task AddFormAsync(CaseDocument d)
        {
            var (_, file) = await documents.IssueAsync(user, who, caseId, d.Form, d.RecordId, DocumentIssue.Bound, ct);
            if (file is not null)
            {
                parts.Add(new Part(d.Label, ItemOf(d.Form), d.Form, file, null));
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
                    parts.Add(new Part(attachment.FileName, item, null, null, scan));
                }
            }
        }

        foreach (var d in forms.Where(d => d.Form is OfficialForm.FileRemarks))
        {
            await AddFormAsync(d);
        }

        // Every part as PDF pages, the 目录 aside: it is rendered last, once the others' pages are counted.
        var contents = parts.Single(p => p.Form == OfficialForm.FileContents);
        var rendered = parts.Where(p => p.Sheets is not null && p != contents).ToList();
        var pdfs = (await libreOffice.ToPdfAsync([.. rendered.Select(p => p.Sheets!.Docx())], ct))
            .Select((pdf, i) => (rendered[i], pdf)).ToDictionary(x => x.Item1, x => x.pdf);
        foreach (var part in parts.Where(p => p.Scan is not null))
        {
            if (part.Scan!.ContentType == "application/pdf")
            {
                pdfs[part] = await File.ReadAllBytesAsync(part.Scan.Path, ct);
            }
            else if (ImagePage(part.Scan.Path) is { } page)
            {
                pdfs[part] = page;
            }
            else
            {
                return (Result.Invalid([], $"无法读取图片“{part.Title}”，请改为上传 JPG 或 PDF 后再生成装订版").Of<CaseRef>(), null);
            }
        }

        var pages = pdfs.ToDictionary(x => x.Key, x => PageCount(x.Value));
        var contentsPages = 1;
        Sheet numbered = contents.Sheets!.Sheets[0];
        for (var attempt = 0; attempt < MaxContentsRenders; attempt++)
        {
            pages[contents] = contentsPages;
            var (ranges, total) = Ranges(parts, pages);
            numbered = CaseSheets.NumberPages(contents.Sheets!.Sheets[0], ranges, total);
            var pdf = (await libreOffice.ToPdfAsync([(contents.Sheets with { Sheets = [numbered] }).Docx()], ct))[0];
            pdfs[contents] = pdf;
            if (PageCount(pdf) == contentsPages)
            {
                break;
            }

            contentsPages = PageCount(pdf); // longer (or shorter) than assumed: every later page shifts
        }

        using var bound = new PdfDocument();
        bound.Info.Title = $"卷宗 {listed.Value!.Number}";
        foreach (var part in parts)
        {
            var first = bound.PageCount;
            AppendPdf(bound, pdfs[part]);
            if (bound.PageCount > first)
            {
                bound.Outlines.Add(part.Title, bound.Pages[first]);
            }
        }

        using var stream = new MemoryStream();
        bound.Save(stream);
        return (listed, new BoundFile($"卷宗-{listed.Value!.Number}.pdf", stream.ToArray(), [.. parts.Select(p => p.Title)], numbered));
    }

    /// <summary>How often the 目录 is rendered at most while its own length settles (a longer 目录 only shifts numbers, never adds rows).</summary>
    private const int MaxContentsRenders = 3;

    /// <summary>Each item's first and last page in the bound file (the cover is page 1), and the file's pages in all.</summary>
    private static (Dictionary<CaseFileItem, (int First, int Last)> Ranges, int Total) Ranges(IReadOnlyList<Part> parts, IReadOnlyDictionary<Part, int> pages)
    {
        var ranges = new Dictionary<CaseFileItem, (int First, int Last)>();
        var next = 1;
        foreach (var part in parts)
        {
            var count = pages[part];
            if (part.Item is { } item && count > 0)
            {
                ranges[item] = ranges.TryGetValue(item, out var range) ? (range.First, next + count - 1) : (next, next + count - 1);
            }

            next += count;
        }

        return (ranges, next - 1);
    }

    private static int PageCount(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    /// <summary>A part of the bound file: a form (its sheets) or a scan, and the 目录 item it is filed under (none for the frame).</summary>
    private sealed record Part(string Title, CaseFileItem? Item, OfficialForm? Form, CaseDocumentFile? Sheets, AttachmentFile? Scan);

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

    /// <summary>A photo or scan on an A4 page of its own, scaled to fit within 15 mm margins, centred, as a one-page PDF.</summary>
    /// <returns>Null when PDFsharp cannot read the picture (some PNG kinds).</returns>
    private static byte[]? ImagePage(string path)
    {
        XImage image;
        try
        {
            image = XImage.FromStream(new MemoryStream(File.ReadAllBytes(path)));
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        using (image)
        using (var document = new PdfDocument())
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                var margin = XUnit.FromMillimeter(15).Point;
                var (width, height) = (page.Width.Point - 2 * margin, page.Height.Point - 2 * margin);
                var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
                var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
                graphics.DrawImage(image, margin + (width - w) / 2, margin + (height - h) / 2, w, h);
            }

            using var stream = new MemoryStream();
            document.Save(stream);
            return stream.ToArray();
        }
    }
}
