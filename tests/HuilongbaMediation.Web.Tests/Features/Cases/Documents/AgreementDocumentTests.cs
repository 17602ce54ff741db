using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Cases.Documents;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Documents;

/// <summary>The 调解协议书 as a Word file, and who gets it, on a real SQLite file with the demo users.</summary>
public sealed class AgreementDocumentTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private AgreementService Agreements => _app.Get<AgreementService>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_word_file_opens_and_holds_the_case_the_parties_the_terms_and_the_deadline_with_personal_data_masked()
    {
        var c = await AgreedCases.ResolvedAsync(_app);

        using var document = await OpenDocumentAsync(c.Id);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = string.Join("\n", Paragraphs(document).Select(p => p.InnerText));
        Assert.Contains(c.Number, text, StringComparison.Ordinal);
        Assert.Contains("申请人：王大明，男，身份证号：110105********002X，联系电话：138****1234，户籍地址：回龙坝镇五云山村3组，现住址：回龙坝镇聚龙城小区", text, StringComparison.Ordinal);
        Assert.Contains("被申请人：李小红，女，联系电话：023-****3456", text, StringComparison.Ordinal);
        Assert.Contains("主要事实：院坝排水沟堵塞致申请人屋后积水。", text, StringComparison.Ordinal);
        Assert.Contains("一、李小红一次性支付王大明600元；\n二、双方于本周内共同疏通排水沟。", text, StringComparison.Ordinal);
        Assert.Contains($"履行期限：{AgreedCases.Today.AddDays(10).ToLabel()}", text, StringComparison.Ordinal);
        Assert.Contains(AgreementSheet.Statement, text, StringComparison.Ordinal);
        Assert.Contains("人民调解员 张敏（签名）：", text, StringComparison.Ordinal);
        Assert.Contains("人民调解员 周涛（签名）：", text, StringComparison.Ordinal);
        Assert.EndsWith($"{AgreementSheet.Seal}\n{AgreedCases.Today.ToLabel()}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812341234", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_file_is_A4_in_SimSun_with_the_title_bold_and_centred_and_the_number_to_the_right()
    {
        var c = await AgreedCases.ResolvedAsync(_app);

        using var document = await OpenDocumentAsync(c.Id);

        var (title, number) = (Paragraphs(document)[0], Paragraphs(document)[1]);
        Assert.Equal("人民调解协议书", title.InnerText);
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        var titleRun = title.Elements<Run>().Single().RunProperties!;
        Assert.NotNull(titleRun.Bold);
        Assert.Equal("宋体", titleRun.RunFonts!.EastAsia!.Value);
        Assert.Equal((c.Number, JustificationValues.Right), (number.InnerText, number.ParagraphProperties!.Justification!.Val!.Value));
        var page = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));
    }

    [Theory]
    [InlineData("双方和好。", "双方和好。")]
    [InlineData("赔偿3.5万元\n道歉", "一、赔偿3.5万元|二、道歉")]
    [InlineData("1、赔偿\n2. 道歉\n（3）不再争吵", "一、赔偿|二、道歉|三、不再争吵")]
    [InlineData("一、赔偿\n\n二、道歉", "一、赔偿|二、道歉")]
    public void Terms_on_several_lines_are_numbered_once(string terms, string expected)
    {
        Assert.Equal(expected.Split('|'), AgreementSheet.NumberTerms(terms));
    }

    [Theory]
    [InlineData("zhangmin")] // the lead mediator
    [InlineData("liqiang")] // the village head of 五云山村
    [InlineData("wangfang")] // the judicial office
    public async Task Users_who_may_read_the_case_get_its_agreement(string userName)
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        await _app.SignInAsUserAsync(userName);

        var (result, sheet) = await Agreements.GetAsync(await PrincipalAsync(), c.Id);

        Assert.Equal(Outcome.Done, result.Outcome);
        Assert.Equal(c.Number, sheet!.CaseNumber);
    }

    [Fact]
    public async Task A_mediator_of_another_village_is_forbidden_whether_or_not_there_is_an_agreement()
    {
        var resolved = await AgreedCases.ResolvedAsync(_app);
        var open = await AgreedCases.AssignedAsync(_app);
        await _app.SignInAsUserAsync("chenjianguo"); // a mediator of 回龙坝村

        var (toResolved, sheet) = await Agreements.GetAsync(await PrincipalAsync(), resolved.Id);
        var (toOpen, _) = await Agreements.GetAsync(await PrincipalAsync(), open.Id);

        Assert.Equal((Outcome.Forbidden, Outcome.Forbidden), (toResolved.Outcome, toOpen.Outcome));
        Assert.Null(sheet);
    }

    [Fact]
    public async Task There_is_no_document_for_a_missing_case_an_oral_agreement_or_an_open_case()
    {
        var oral = await AgreedCases.ResolvedAsync(_app, AgreedCases.Oral);
        var open = await AgreedCases.AssignedAsync(_app);
        await _app.SignInAsUserAsync("wangfang");
        var user = await PrincipalAsync();

        var outcomes = new[] { (await Agreements.GetAsync(user, 404)).Result, (await Agreements.GetAsync(user, oral.Id)).Result, (await Agreements.GetAsync(user, open.Id)).Result };

        Assert.All(outcomes, r => Assert.Equal(Outcome.NotFound, r.Outcome));
    }

    [Fact]
    public async Task The_endpoint_sends_the_word_file_named_after_the_case_in_RFC_5987_form()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var http = HttpContexts.New(await PrincipalAsync());

        var result = await CaseDocumentEndpoints.GetAgreementDocxAsync(c.Id, http, Agreements, _app.Get<SecurityLogWriter>(), http.Response, CancellationToken.None);
        await result.ExecuteAsync(http);

        var file = Assert.IsType<FileContentHttpResult>(result);
        Assert.Equal($"调解协议书-{c.Number}.docx", file.FileDownloadName);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.Equal(AgreementDocument.ContentType, http.Response.ContentType);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
        var disposition = http.Response.Headers.ContentDisposition.ToString();
        Assert.StartsWith("attachment;", disposition, StringComparison.Ordinal);
        Assert.Contains($"filename*=UTF-8''{Uri.EscapeDataString(file.FileDownloadName!)}", disposition, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(http.Body()), isEditable: false);
        Assert.Contains(c.Number, document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        await using var db = await _app.DbAsync();
        var line = await db.SecurityLog.SingleAsync(e => e.Kind == SecurityEventKind.Download);
        Assert.Equal((c.Number, file.FileDownloadName), (line.Subject, line.Detail));
    }

    [Fact]
    public async Task The_endpoint_answers_403_to_a_user_who_may_not_read_the_case_and_404_without_a_written_agreement()
    {
        var resolved = await AgreedCases.ResolvedAsync(_app);
        var oral = await AgreedCases.ResolvedAsync(_app, AgreedCases.Oral);
        var log = _app.Get<SecurityLogWriter>();

        await _app.SignInAsUserAsync("chenjianguo");
        var http = HttpContexts.New(await PrincipalAsync());
        var forbidden = await CaseDocumentEndpoints.GetAgreementDocxAsync(resolved.Id, http, Agreements, log, http.Response, CancellationToken.None);
        await _app.SignInAsUserAsync("zhangmin");
        http = HttpContexts.New(await PrincipalAsync());
        var oralAgreement = await CaseDocumentEndpoints.GetAgreementDocxAsync(oral.Id, http, Agreements, log, http.Response, CancellationToken.None);
        var missing = await CaseDocumentEndpoints.GetAgreementDocxAsync(404, http, Agreements, log, http.Response, CancellationToken.None);

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(forbidden).StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(oralAgreement).StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(missing).StatusCode);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync() => await _app.Get<CurrentUser>().GetPrincipalAsync();

    private async Task<WordprocessingDocument> OpenDocumentAsync(int caseId)
    {
        var (result, sheet) = await Agreements.GetAsync(await PrincipalAsync(), caseId);
        Assert.True(result.Succeeded, result.Message);
        return WordprocessingDocument.Open(new MemoryStream(AgreementDocument.Create(sheet!)), isEditable: false);
    }

    private static List<Paragraph> Paragraphs(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()];
}
