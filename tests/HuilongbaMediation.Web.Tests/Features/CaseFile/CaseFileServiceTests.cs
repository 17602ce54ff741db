using System.Globalization;
using System.Security.Claims;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.CaseFile;

/// <summary>The 卷宗 and its attachments on a real SQLite file and data folder, with the demo users of 五云山村 and the town.</summary>
public sealed class CaseFileServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private CaseFileService Files => _app.Get<CaseFileService>();

    private string FilesFolder => Path.Combine(_app.DataFolder, "files");

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_pdf_filed_by_a_mediator_of_the_case_is_stored_listed_under_its_item_and_counted()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var before = await ViewAsync(c.Id);

        var result = await UploadAsync(c.Id, CaseFileItem.Evidence, "现场照片说明.pdf", SampleFiles.Pdf);

        Assert.True(result.Succeeded, result.Message);
        await using var db = await _app.DbAsync();
        var stored = await db.CaseAttachments.SingleAsync();
        Assert.Equal(
            (c.Id, CaseFileItem.Evidence, "现场照片说明.pdf", "application/pdf", (long)SampleFiles.Pdf.Length, "张敏"),
            (stored.CaseId, stored.Item, stored.FileName, stored.ContentType, stored.Size, stored.UploadedByName));
        var path = Path.Combine(FilesFolder, c.Id.ToString(CultureInfo.InvariantCulture), stored.StoredName);
        Assert.Equal(SampleFiles.Pdf, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], StoredFiles()); // no temporary file left behind

        var after = await ViewAsync(c.Id);
        var evidence = after.Entries.Single(e => e.Item == CaseFileItem.Evidence);
        Assert.True(evidence.IsPresent);
        Assert.Equal("现场照片说明.pdf", Assert.Single(evidence.Attachments).FileName);
        Assert.Equal((2, 3, 30), (before.PresentCount, after.PresentCount, after.Percent)); // of the 10 items a resolved case without agent or 司法确认 needs
    }

    [Theory]
    [InlineData("wangfang", "门牌.JPEG", "jpeg", "image/jpeg")] // the judicial office; the extension in capitals
    [InlineData("liqiang", "收条.png", "png", "image/png")] // the village head of the case's village
    public async Task Photos_are_accepted_and_stored_as_the_type_of_their_content(string userName, string fileName, string kind, string contentType)
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        await _app.SignInAsUserAsync(userName);

        var result = await UploadAsync(c.Id, CaseFileItem.PerformanceProof, fileName, SampleFiles.Named(kind));

        Assert.True(result.Succeeded, result.Message);
        await using var db = await _app.DbAsync();
        Assert.Equal(contentType, (await db.CaseAttachments.SingleAsync()).ContentType);
    }

    [Fact]
    public async Task Bidi_controls_are_stripped_from_the_file_name_so_it_reads_as_what_it_is()
    {
        var c = await AgreedCases.ResolvedAsync(_app);

        // Shown with the override, "收条\u202Efdp.png" reads as 收条gnp.pdf.
        var result = await UploadAsync(c.Id, CaseFileItem.PerformanceProof, "\u2066收条\u202Efdp.png\u2069", SampleFiles.Named("png"));

        Assert.True(result.Succeeded, result.Message);
        await using var db = await _app.DbAsync();
        Assert.Equal("收条fdp.png", (await db.CaseAttachments.SingleAsync()).FileName);
    }

    [Fact]
    public async Task A_file_of_exactly_10_MB_is_accepted()
    {
        var c = await AgreedCases.ResolvedAsync(_app);

        var result = await UploadAsync(c.Id, CaseFileItem.Evidence, "整卷扫描.pdf", SampleFiles.PdfOfSize(AttachmentRules.MaxBytes));

        Assert.True(result.Succeeded, result.Message);
    }

    [Theory]
    [InlineData("chenjianguo")] // a mediator of 回龙坝村: may not even read the case
    [InlineData("admin")] // reads every case, handles none
    [InlineData("wuxia")] // a mediator of 五云山村 who is not on the case: reads it only
    public async Task Uploading_is_refused_to_users_who_do_not_handle_the_case_and_nothing_is_kept(string userName)
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        await _app.SignInAsUserAsync(userName);

        var result = await UploadAsync(c.Id, CaseFileItem.Evidence, "证据.pdf", SampleFiles.Pdf);

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("扫描件.pdf", "png", "文件扩展名与内容不符")]
    [InlineData("照片.jpg", "text", "文件内容不是 PDF、JPG 或 PNG 格式")]
    [InlineData("整卷扫描.pdf", "10MB+1", "文件不能超过 10 MB")]
    [InlineData("说明.txt", "pdf", "文件扩展名与内容不符")]
    public async Task A_file_that_is_not_what_the_case_file_accepts_is_refused_beside_the_field_and_nothing_is_kept(string fileName, string kind, string message)
    {
        var c = await AgreedCases.ResolvedAsync(_app);

        var result = await UploadAsync(c.Id, CaseFileItem.Evidence, fileName, SampleFiles.Named(kind));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal(message, result.ErrorFor(AttachmentRules.FileField));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task An_upload_whose_row_cannot_be_saved_leaves_no_file()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        _app.SignInAs(UserRole.JudicialOffice, userId: "not-a-user"); // the row's uploader must be a user

        await Assert.ThrowsAsync<DbUpdateException>(() => UploadAsync(c.Id, CaseFileItem.Evidence, "证据.pdf", SampleFiles.Pdf));

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task An_attachment_is_served_to_readers_of_the_case_as_its_content_type_and_not_sniffed()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var id = await UploadedAsync(c.Id, "协议履行收据.pdf");
        await _app.SignInAsUserAsync("liqiang");
        var http = HttpContexts.New(await PrincipalAsync());

        var result = await CaseFileEndpoints.GetAttachmentAsync(c.Id, id, http, Files, _app.Get<SecurityLogWriter>(), http.Response, CancellationToken.None);
        await result.ExecuteAsync(http);

        Assert.IsType<PhysicalFileHttpResult>(result);
        Assert.Equal(SampleFiles.Pdf, http.Body());
        Assert.Equal("application/pdf", http.Response.ContentType);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
        var disposition = http.Response.Headers.ContentDisposition.ToString();
        Assert.StartsWith("inline;", disposition, StringComparison.Ordinal);
        Assert.Contains($"filename*=UTF-8''{Uri.EscapeDataString("协议履行收据.pdf")}", disposition, StringComparison.Ordinal);
        await using var db = await _app.DbAsync();
        var line = await db.SecurityLog.SingleAsync(e => e.Kind == SecurityEventKind.Download);
        Assert.Equal((await _app.UserIdAsync("liqiang"), c.Number, "协议履行收据.pdf"), (line.UserId, line.Subject, line.Detail));
    }

    [Fact]
    public async Task Download_is_refused_to_a_user_who_may_not_read_the_case()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var id = await UploadedAsync(c.Id, "证据.pdf");
        await _app.SignInAsUserAsync("chenjianguo");

        var (result, file) = await Files.OpenAsync(await PrincipalAsync(), c.Id, id);
        var http = HttpContexts.New(await PrincipalAsync());
        var response = await CaseFileEndpoints.GetAttachmentAsync(c.Id, id, http, Files, _app.Get<SecurityLogWriter>(), http.Response, CancellationToken.None);

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        Assert.Null(file);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(response).StatusCode);
        await using var db = await _app.DbAsync();
        Assert.False(await db.SecurityLog.AnyAsync(e => e.Kind == SecurityEventKind.Download)); // nothing was taken
    }

    [Fact]
    public async Task An_attachment_is_found_only_under_its_own_case()
    {
        var first = await AgreedCases.ResolvedAsync(_app);
        var second = await AgreedCases.AssignedAsync(_app);
        var id = await UploadedAsync(first.Id, "证据.pdf");

        var (result, _) = await Files.OpenAsync(await PrincipalAsync(), second.Id, id);

        Assert.Equal(Outcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task The_uploader_and_the_judicial_office_may_remove_an_attachment_another_mediator_of_the_case_may_not()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var first = await UploadedAsync(c.Id, "一.pdf");
        var second = await UploadedAsync(c.Id, "二.pdf", SampleFiles.PdfOfSize(SampleFiles.Pdf.Length + 16)); // another file

        await _app.SignInAsUserAsync("zhoutao"); // the assistant mediator
        var refused = await Files.DeleteAsync(c.Id, first);
        await _app.SignInAsUserAsync("zhangmin");
        var byUploader = await Files.DeleteAsync(c.Id, first);
        await _app.SignInAsUserAsync("wangfang");
        var byJudicialOffice = await Files.DeleteAsync(c.Id, second);

        Assert.Equal(Outcome.Forbidden, refused.Outcome);
        Assert.True(byUploader.Succeeded && byJudicialOffice.Succeeded);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task The_records_the_system_holds_count_for_their_items()
    {
        var c = await AgreedCases.ResolvedAsync(_app, AgreedCases.Oral);
        Assert.True((await _app.Get<CaseService>().RecordFollowUpAsync(c.Id, c.Version, new FollowUpInput(AgreedCases.Today, PerformanceStatus.Full, null))).Succeeded);

        var view = await ViewAsync(c.Id);

        var present = view.Entries.Where(e => e.IsPresent).ToDictionary(e => e.Item, e => e.Records.Single().Kind);
        Assert.Equal(
            new Dictionary<CaseFileItem, CaseRecordKind>
            {
                [CaseFileItem.MediationRecord] = CaseRecordKind.Session,
                [CaseFileItem.Agreement] = CaseRecordKind.OralAgreement,
                [CaseFileItem.FollowUpRecord] = CaseRecordKind.FollowUp,
            },
            present);
        Assert.Equal((3, 30), (view.PresentCount, view.Percent));
    }

    [Fact]
    public async Task The_contents_list_the_twelve_items_in_order_and_the_cover_names_the_case()
    {
        var c = await AgreedCases.ResolvedAsync(_app);

        var view = await ViewAsync(c.Id);

        Assert.Equal(Enumerable.Range(1, 12), view.Entries.Select(e => e.Number));
        Assert.Equal(Enum.GetValues<CaseFileItem>(), view.Entries.Select(e => e.Item));
        var cover = view.Cover;
        Assert.Equal(["张敏", "周涛"], cover.Mediators); // the lead first
        Assert.Equal(
            new CaseFileCover(c.Number, "王大明", "李小红", "邻里", cover.Mediators, "张敏", AgreedCases.Today, AgreedCases.Today, CaseFileRetention.Long),
            cover);
        Assert.True(view.MayUpload);
    }

    [Fact]
    public async Task Completeness_counts_only_the_items_this_case_needs()
    {
        var open = await AgreedCases.AssignedAsync(_app);
        var resolved = await AgreedCases.ResolvedAsync(_app);
        var openView = await ViewAsync(open.Id);
        var resolvedView = await ViewAsync(resolved.Id);
        var applied = Assert.IsType<CaseRef>((await _app.Get<CaseService>().RecordJudicialConfirmationAsync(
            resolved.Id, resolved.Version, new JudicialConfirmationInput(true, AgreedCases.Today, "陈家桥人民法庭", null))).Value);
        var appliedView = await ViewAsync(applied.Id);

        static CaseFileItem[] NotNeeded(CaseFileView v) => [.. v.Entries.Where(e => !e.IsRequired).Select(e => e.Item)];
        Assert.Equal([CaseFileItem.PowerOfAttorney, CaseFileItem.Agreement, CaseFileItem.PerformanceProof, CaseFileItem.FollowUpRecord, CaseFileItem.JudicialConfirmation], NotNeeded(openView));
        Assert.Equal([CaseFileItem.PowerOfAttorney, CaseFileItem.JudicialConfirmation], NotNeeded(resolvedView));
        Assert.Equal([CaseFileItem.PowerOfAttorney], NotNeeded(appliedView));
        Assert.Equal((7, 10, 11), (openView.RequiredCount, resolvedView.RequiredCount, appliedView.RequiredCount));
        Assert.Equal((2, 20), (resolvedView.PresentCount, resolvedView.Percent));
    }

    [Fact]
    public async Task A_party_with_an_agent_makes_the_power_of_attorney_needed()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var draft = await Tests.Features.Cases.CaseDrafts.ValidAsync(_app);
        draft = draft with { Parties = [draft.Parties[0] with { AgentName = "王小明", AgentAuthority = AgentAuthority.General }, draft.Parties[1]] };
        var c = (await _app.Get<CaseService>().FileAsync(draft)).Value!;

        var view = await ViewAsync(c.Id);

        Assert.True(view.Entries.Single(e => e.Item == CaseFileItem.PowerOfAttorney).IsRequired);
    }

    [Fact]
    public async Task An_open_case_is_not_archived_yet()
    {
        var c = await AgreedCases.AssignedAsync(_app);

        var view = await ViewAsync(c.Id);

        Assert.Equal((null, null, 0), (view.Cover.ConcludedOn, view.Cover.Retention, view.PresentCount));
    }

    [Fact]
    public async Task The_case_file_of_a_case_the_user_may_not_read_is_refused()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        await _app.SignInAsUserAsync("chenjianguo");

        var (result, view) = await Files.GetAsync(c.Id);

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        Assert.Null(view);
    }

    [Fact]
    public async Task The_same_file_filed_again_in_one_case_is_found_by_its_hash_and_stored_only_on_the_users_yes()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        Assert.True((await UploadAsync(c.Id, CaseFileItem.Evidence, "现场照片.pdf", SampleFiles.Pdf)).Succeeded);

        var again = await UploadAsync(c.Id, CaseFileItem.PerformanceProof, "转账凭证.pdf", SampleFiles.Pdf);

        var same = Assert.IsType<SameFileFound>(again);
        Assert.Equal(("现场照片.pdf", CaseFileItem.Evidence, "张敏"), (same.Existing.FileName, same.Item, same.Existing.UploadedBy));
        Assert.False(again.Succeeded);
        Assert.Single(StoredFiles());
        await using (var db = await _app.DbAsync())
        {
            Assert.Equal(1, await db.CaseAttachments.CountAsync());
        }

        var filedAgain = await UploadAsync(c.Id, CaseFileItem.PerformanceProof, "转账凭证.pdf", SampleFiles.Pdf, fileAgain: true);

        Assert.True(filedAgain.Succeeded, filedAgain.Message);
        await using var check = await _app.DbAsync();
        var hashes = await check.CaseAttachments.Select(a => a.Sha256).ToListAsync();
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Pdf)), h));
    }

    [Fact]
    public async Task A_different_file_or_the_same_file_in_another_case_is_filed_without_a_question()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var other = await AgreedCases.ResolvedAsync(_app);
        Assert.True((await UploadAsync(c.Id, CaseFileItem.Evidence, "证据.pdf", SampleFiles.Pdf)).Succeeded);

        Assert.True((await UploadAsync(c.Id, CaseFileItem.Evidence, "照片.jpg", SampleFiles.Jpeg)).Succeeded);
        Assert.True((await UploadAsync(other.Id, CaseFileItem.Evidence, "证据.pdf", SampleFiles.Pdf)).Succeeded);
    }

    private async Task<Result<CaseRef>> UploadAsync(int caseId, CaseFileItem item, string fileName, byte[] content, bool fileAgain = false)
    {
        await using var stream = new MemoryStream(content);
        return await Files.UploadAsync(caseId, item, fileName, stream, fileAgain);
    }

    /// <summary>Uploads a PDF as the signed-in user and returns the attachment's id.</summary>
    private async Task<int> UploadedAsync(int caseId, string fileName, byte[]? content = null)
    {
        var result = await UploadAsync(caseId, CaseFileItem.Evidence, fileName, content ?? SampleFiles.Pdf);
        Assert.True(result.Succeeded, result.Message);
        await using var db = await _app.DbAsync();
        return await db.CaseAttachments.Where(a => a.FileName == fileName).Select(a => a.Id).SingleAsync();
    }

    private async Task<CaseFileView> ViewAsync(int caseId)
    {
        var (result, view) = await Files.GetAsync(caseId);
        Assert.True(result.Succeeded, result.Message);
        return view!;
    }

    private async Task<ClaimsPrincipal> PrincipalAsync() => await _app.Get<CurrentUser>().GetPrincipalAsync();

    private List<string> StoredFiles() =>
        Directory.Exists(FilesFolder) ? [.. Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories)] : [];

    private async Task AssertNothingStoredAsync()
    {
        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.CaseAttachments.CountAsync());
        Assert.Empty(StoredFiles());
    }
}
