using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.CaseFile.Binding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;

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
}
