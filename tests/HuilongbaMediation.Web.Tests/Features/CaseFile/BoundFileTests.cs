using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.CaseFile.Binding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfDocument2 = UglyToad.PdfPig.PdfDocument;

namespace HuilongbaMediation.Web.Tests.Features.CaseFile;

/// <summary>The bound 卷宗 PDF, rendered by the server's LibreOffice and merged with PDFsharp, read back.</summary>
public sealed class BoundFileTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [LibreOfficeFact]
    public async Task One_call_binds_the_whole_file_in_the_order_of_the_contents_with_the_scans_and_every_form_on_its_pages()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var files = _app.Get<CaseFileService>();
        Assert.True((await files.UploadAsync(c.Id, CaseFileItem.IdentityProof, "身份证复印件.pdf", new MemoryStream(SampleFiles.Pdf))).Succeeded);
        Assert.True((await files.UploadAsync(c.Id, CaseFileItem.PerformanceProof, "收条.jpg", new MemoryStream(SampleFiles.Jpeg))).Succeeded);
        var user = await _app.Get<CurrentUser>().GetPrincipalAsync();

        var (result, bound) = await _app.Get<BoundFileService>().AssembleAsync(user, SecurityActor.Of(user, null), c.Id);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(
        [
            "卷宗封面", "卷内目录", "人民调解申请书", "人民调解受理登记表", "人民调解权利义务告知书", "身份证复印件.pdf",
            $"人民调解记录（{AgreedCases.Today.ToLabel()}）", "人民调解协议书", "收条.jpg", "备考表",
        ], bound!.Parts); // no 司法确认 applied for: its bundle is not part of the file
        using var pdf = PdfReader.Open(new MemoryStream(bound.Pdf), PdfDocumentOpenMode.Import);
        var bookmarks = pdf.Outlines.Select(o => o.Title).ToList();
        Assert.Equal(bound.Parts, bookmarks);
        var scan = PdfReader.Open(new MemoryStream(SampleFiles.Pdf), PdfDocumentOpenMode.Import).PageCount;
        Assert.True(pdf.PageCount >= 8 + scan + 1, $"{pdf.PageCount} pages"); // every form at least a page, the scan's pages, the photo's page
        Assert.Equal($"卷宗-{c.Number}.pdf", bound.FileName);

        // The originals in it were issued to the case's mediator: each is in the history.
        await using var db = await _app.DbAsync();
        var issued = await db.CaseHistory.Where(h => h.CaseId == c.Id && h.Action == nameof(CaseAction.IssueOriginal)).Select(h => h.Details).ToListAsync();
        Assert.Equal(["下载装订版 PDF：人民调解申请书（原件，载有当事人完整身份信息）", "下载装订版 PDF：人民调解协议书（原件，载有当事人完整身份信息）"], issued);
    }

    [LibreOfficeFact]
    public async Task A_picture_PDFsharp_cannot_read_is_named_and_nothing_is_bound()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        Assert.True((await _app.Get<CaseFileService>().UploadAsync(c.Id, CaseFileItem.Evidence, "现场.png", new MemoryStream(SampleFiles.Png))).Succeeded); // 1-bit grey
        var user = await _app.Get<CurrentUser>().GetPrincipalAsync();

        var (result, bound) = await _app.Get<BoundFileService>().AssembleAsync(user, SecurityActor.Of(user, null), c.Id);

        Assert.Null(bound);
        Assert.Equal((Outcome.Invalid, "无法读取图片“现场.png”，请改为上传 JPG 或 PDF 后再生成装订版"), (result.Outcome, result.Message));
    }

    [LibreOfficeFact]
    public async Task A_user_who_may_not_read_the_case_gets_no_bound_file()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        await _app.SignInAsUserAsync("chenjianguo");
        var user = await _app.Get<CurrentUser>().GetPrincipalAsync();

        var (result, bound) = await _app.Get<BoundFileService>().AssembleAsync(user, SecurityActor.Of(user, null), c.Id);

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        Assert.Null(bound);
    }

    /// <summary>The item each part of the bound file is filed under, by its bookmark: a second statement of the 目录's order.</summary>
    private static readonly Dictionary<string, CaseFileItem> ItemOfPart = new()
    {
        ["人民调解申请书"] = CaseFileItem.ApplicationOrIntakeForm,
        ["人民调解受理登记表"] = CaseFileItem.ApplicationOrIntakeForm,
        ["人民调解权利义务告知书"] = CaseFileItem.RightsAndDutiesNotice,
        ["身份证复印件.pdf"] = CaseFileItem.IdentityProof,
        [$"人民调解记录（{AgreedCases.Today.ToLabel()}）"] = CaseFileItem.MediationRecord,
        ["人民调解协议书"] = CaseFileItem.Agreement,
        ["收条.jpg"] = CaseFileItem.PerformanceProof,
    };

    [LibreOfficeFact]
    public async Task The_contents_in_the_bound_file_give_each_item_the_page_its_bookmark_points_to()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var files = _app.Get<CaseFileService>();
        Assert.True((await files.UploadAsync(c.Id, CaseFileItem.IdentityProof, "身份证复印件.pdf", new MemoryStream(Pages(2, "身份证复印件")))).Succeeded);
        Assert.True((await files.UploadAsync(c.Id, CaseFileItem.PerformanceProof, "收条.jpg", new MemoryStream(SampleFiles.Jpeg))).Succeeded);

        var bound = await BindAsync(c.Id);

        var firstPages = AssertContentsMatchBookmarks(bound, ItemOfPart);
        Assert.Equal(2, firstPages["卷内目录"]);
        Assert.Equal(firstPages["身份证复印件.pdf"] + 2, firstPages[$"人民调解记录（{AgreedCases.Today.ToLabel()}）"]); // the scan's two pages
    }

    [LibreOfficeFact]
    public async Task A_contents_that_runs_to_a_second_page_shifts_every_number_after_it()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var files = _app.Get<CaseFileService>();
        var names = Enumerable.Range(1, 60).Select(i => $"证据材料第{i:D2}号-现场照片及双方往来微信聊天记录截图（申请人提交）.pdf").ToList();
        foreach (var name in names)
        {
            var uploaded = await files.UploadAsync(c.Id, CaseFileItem.Evidence, name, new MemoryStream(Pages(1, name)));
            Assert.True(uploaded.Succeeded, uploaded.Message);
        }

        var bound = await BindAsync(c.Id);

        var items = new Dictionary<string, CaseFileItem>(ItemOfPart);
        names.ForEach(name => items[name] = CaseFileItem.Evidence);
        var firstPages = AssertContentsMatchBookmarks(bound, items);
        Assert.True(firstPages["人民调解申请书"] > 3, $"the 目录 takes {firstPages["人民调解申请书"] - 2} page(s): it should have run past one");
    }

    [Fact]
    public async Task A_contents_printed_on_its_own_says_the_page_numbers_come_with_the_bound_file()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var user = await _app.Get<CurrentUser>().GetPrincipalAsync();

        var (_, file) = await _app.Get<DocumentService>().IssueAsync(user, SecurityActor.Of(user, null), c.Id, OfficialForm.FileContents, null, DocumentIssue.Print);

        var sheet = Assert.Single(file!.Sheets);
        Assert.All(sheet.Blocks.OfType<Web.Features.Cases.Documents.SheetTable>().Single().Rows, row => Assert.Equal("", row[3]));
        Assert.Contains(CaseSheets.UnnumberedNote, sheet.Lines());
    }

    private async Task<BoundFile> BindAsync(int caseId)
    {
        var user = await _app.Get<CurrentUser>().GetPrincipalAsync();
        var (result, bound) = await _app.Get<BoundFileService>().AssembleAsync(user, SecurityActor.Of(user, null), caseId);
        Assert.True(result.Succeeded, result.Message);
        return bound!;
    }

    /// <summary>
    /// Opens the bound PDF: each bookmark's page (PDFsharp), the 页号 printed in the 目录 on the rendered pages (PdfPig),
    /// and checks that each item's number starts at the page of its first part's bookmark and ends before the next item's.
    /// </summary>
    /// <returns>The first page (from 1) of each part, by bookmark.</returns>
    private static Dictionary<string, int> AssertContentsMatchBookmarks(BoundFile bound, IReadOnlyDictionary<string, CaseFileItem> items)
    {
        using var pdf = PdfReader.Open(new MemoryStream(bound.Pdf), PdfDocumentOpenMode.Modify);
        var pages = pdf.Pages.Cast<PdfPage>().ToList();
        var firstPages = pdf.Outlines.ToDictionary(o => o.Title, o => pages.IndexOf(o.DestinationPage!) + 1);
        Assert.Equal(bound.Parts, pdf.Outlines.Select(o => o.Title));

        var expected = Enum.GetValues<CaseFileItem>().ToDictionary(item => item, item =>
        {
            var starts = bound.Parts.Where(p => items.TryGetValue(p, out var i) && i == item).Select(p => firstPages[p]).ToList();
            if (starts.Count == 0)
            {
                return "—";
            }

            var nextStart = bound.Parts.SkipWhile(p => !items.TryGetValue(p, out var i) || i != item).SkipWhile(p => items.TryGetValue(p, out var i) && i == item)
                .Select(p => firstPages[p]).First();
            var (first, last) = (starts.Min(), nextStart - 1);
            return first == last ? $"{first}" : $"{first}-{last}";
        });

        // The model the 目录 was rendered from ...
        var table = bound.Contents.Blocks.OfType<Web.Features.Cases.Documents.SheetTable>().Single();
        Assert.Equal(
            expected.Select(x => ((int)x.Key).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + x.Value),
            table.Rows.Select(r => r[0] + " " + r[3]));

        // ... and the 目录 pages as printed: under the 页号 heading, on each item's row, its number.
        var contentsFirst = firstPages["卷内目录"];
        var contentsLast = firstPages[bound.Parts[bound.Parts.ToList().IndexOf("卷内目录") + 1]] - 1;
        using var read = PdfDocument2.Open(bound.Pdf);
        var printed = new Dictionary<CaseFileItem, string>();
        for (var n = contentsFirst; n <= contentsLast; n++)
        {
            var words = read.GetPage(n).GetWords().ToList();
            if (words.FirstOrDefault(w => w.Text == "页号") is not { } heading)
            {
                continue;
            }

            // Each row by its 序号 (a title may wrap in its cell; the number and the 页号 stand on the row's first line).
            var numbers = words.FirstOrDefault(w => w.Text == "序号") is { } numberHeading ? Centre(numberHeading) : 0;
            var pageColumn = Centre(heading);
            foreach (var item in Enum.GetValues<CaseFileItem>())
            {
                var label = ((int)item).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (words.Where(w => w.Text == label && Math.Abs(Centre(w) - numbers) < 15 && w.BoundingBox.Bottom < heading.BoundingBox.Bottom).FirstOrDefault() is not { } number)
                {
                    continue;
                }

                var cell = words.Where(w => Math.Abs(w.BoundingBox.Top - number.BoundingBox.Top) < 4 && Math.Abs(Centre(w) - pageColumn) < 30).ToList();
                printed[item] = string.Concat(cell.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
            }
        }

        // An item with nothing in the file prints a dash (which the text layer may not carry): no number at least.
        Assert.Equal(
            expected.OrderBy(x => x.Key).Select(x => x.Value == "—" ? "" : x.Value),
            printed.OrderBy(x => x.Key).Select(x => x.Value == "—" ? "" : x.Value));
        return firstPages;
    }

    private static double Centre(UglyToad.PdfPig.Content.Word word) => (word.BoundingBox.Left + word.BoundingBox.Right) / 2;

    /// <summary>A blank PDF of <paramref name="count"/> pages, made with PDFsharp; the title makes each one a different file.</summary>
    private static byte[] Pages(int count, string title)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        for (var i = 0; i < count; i++)
        {
            document.AddPage();
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
