using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
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

/// <summary>
/// Every official form of a case as a Word file, read back with OpenXml, and who gets the originals, on a real SQLite
/// file with the demo users. The case: three parties of 五云山村, an investigation and a mediation session, a written
/// agreement, a follow-up visit and an application for judicial confirmation.
/// </summary>
public sealed class CaseDocumentTests : IAsyncLifetime
{
    private const string FullId = "11010519491231002X";
    private const string Committee = "回龙坝镇五云山村人民调解委员会";

    private TestApp _app = default!;

    private DocumentService Documents => _app.Get<DocumentService>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_form_of_the_case_opens_as_valid_A4_Word_and_holds_its_fields()
    {
        var c = await FullCaseAsync();
        var (_, documents, originals) = await Documents.ListAsync(await PrincipalAsync(), c.Id);

        Assert.True(originals);
        Assert.Equal(
            [OfficialForm.Application, OfficialForm.Registration, OfficialForm.RightsNotice, OfficialForm.InvestigationRecord, OfficialForm.SessionRecord,
             OfficialForm.Agreement, OfficialForm.JudicialApplication, OfficialForm.FollowUp, OfficialForm.FileCover, OfficialForm.FileContents, OfficialForm.FileRemarks],
            documents.Select(d => d.Form));
        foreach (var d in documents)
        {
            using var document = await OpenAsync(c.Id, d.Form, d.RecordId);
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var title = Paragraphs(document)[0];
            Assert.Equal(d.Form == OfficialForm.FileCover ? "人民调解卷宗" : d.Form.Title(), title.InnerText);
            Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
            Assert.Equal("宋体", title.Elements<Run>().Single().RunProperties!.RunFonts!.EastAsia!.Value);
            var page = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
            Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));
            var text = Text(document);
            Assert.Contains(d.Form is OfficialForm.FileCover or OfficialForm.FileContents or OfficialForm.FileRemarks ? c.Number : "", text, StringComparison.Ordinal);
            AssertFields(d.Form, text, c.Number);
        }
    }

    [Fact]
    public async Task Asking_for_the_original_is_refused_to_a_village_head_and_issues_nothing_while_the_mediator_gets_it()
    {
        var c = await AgreedCases.ResolvedAsync(_app);
        var mediator = await PrincipalAsync();
        var original = await Documents.IssueAsync(mediator, SecurityActor.Of(mediator, null), c.Id, OfficialForm.Agreement, null, DocumentIssue.Docx, original: true);
        await _app.SignInAsUserAsync("liqiang");
        var head = await PrincipalAsync();
        await using var db = await _app.DbAsync();
        var logged = await db.SecurityLog.CountAsync();

        var refused = await Documents.IssueAsync(head, SecurityActor.Of(head, null), c.Id, OfficialForm.Agreement, null, DocumentIssue.Docx, original: true);
        var copy = await Documents.IssueAsync(head, SecurityActor.Of(head, null), c.Id, OfficialForm.Agreement, null, DocumentIssue.Docx);
        var notSigned = await Documents.IssueAsync(head, SecurityActor.Of(head, null), c.Id, OfficialForm.Registration, null, DocumentIssue.Docx, original: true);

        Assert.True(original.File!.IsOriginal);
        Assert.Equal((Outcome.Forbidden, DocumentService.OriginalRefused), (refused.Result.Outcome, refused.Result.Message));
        Assert.Null(refused.File);
        Assert.False(copy.File!.IsOriginal);
        Assert.True(notSigned.Result.Succeeded); // a form nobody signs has no original to refuse
        Assert.Equal(logged + 2, await db.SecurityLog.CountAsync()); // the copy and the registration form; not the refusal
        var endpoint = await CaseDocumentEndpoints.GetDocxAsync(c.Id, "agreement", null, true, HttpContexts.New(head), Documents, HttpContexts.New(head).Response, default);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(endpoint).StatusCode);
    }

    [Fact]
    public async Task A_three_party_agreement_is_made_in_four_copies_names_the_village_committee_and_carries_the_full_details_for_its_mediator()
    {
        var c = await FullCaseAsync();

        using var document = await OpenAsync(c.Id, OfficialForm.Agreement);

        var text = Text(document);
        Assert.Contains("本协议一式四份，当事人各执一份，回龙坝镇五云山村人民调解委员会留存一份", text, StringComparison.Ordinal);
        Assert.EndsWith($"{Committee}（印章）\n{AgreedCases.Today.ToLabel()}", text, StringComparison.Ordinal);
        Assert.Contains($"申请人：王大明，男，汉族，1949年12月31日出生，农民，身份证号：{FullId}，户籍地址：回龙坝镇五云山村3组，现住址：回龙坝镇聚龙城小区，联系电话：13812341234", text, StringComparison.Ordinal);
        Assert.Contains("委托代理人：王小明，父子，代理权限：特别授权（代为签收调解协议书）", text, StringComparison.Ordinal);
        Assert.Contains("第三人：回龙坝物流有限公司，住所：物流园区2号，法定代表人：赵经理（总经理）", text, StringComparison.Ordinal);
        Assert.Contains("一、李小红一次性支付王大明600元；\n二、双方于本周内共同疏通排水沟。", text, StringComparison.Ordinal);
        Assert.Contains("人民调解员 张敏（签名）：", text, StringComparison.Ordinal);
        Assert.Contains("人民调解员 周涛（签名）：", text, StringComparison.Ordinal);
        Assert.Contains("记录人 刘记录（签名）：", text, StringComparison.Ordinal);
        Assert.DoesNotContain("副本", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_village_head_gets_a_masked_copy_of_the_agreement_never_the_original_and_no_history_entry()
    {
        var c = await FullCaseAsync();
        await _app.SignInAsUserAsync("liqiang");

        var (_, _, originals) = await Documents.ListAsync(await PrincipalAsync(), c.Id);
        using var document = await OpenAsync(c.Id, OfficialForm.Agreement);

        Assert.False(originals);
        var text = Text(document);
        Assert.Contains(CaseSheets.CopyNotice, text, StringComparison.Ordinal);
        Assert.Contains("身份证号：110105********002X", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FullId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812341234", text, StringComparison.Ordinal);
        await using var db = await _app.DbAsync();
        Assert.False(await db.CaseHistory.AnyAsync(h => h.CaseId == c.Id && h.Action == nameof(CaseAction.IssueOriginal)));
        var line = await db.SecurityLog.OrderBy(e => e.Id).LastAsync(e => e.Kind == SecurityEventKind.Download);
        Assert.Equal(c.Number, line.Subject);
        Assert.EndsWith("（下载，遮蔽副本）", line.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zhangmin", OfficialForm.Agreement)] // the lead mediator
    [InlineData("zhoutao", OfficialForm.Application)] // the assisting mediator
    [InlineData("wangfang", OfficialForm.JudicialApplication)] // the judicial office
    public async Task Each_issue_of_an_original_is_written_to_the_history_and_the_security_log(string userName, OfficialForm form)
    {
        var c = await FullCaseAsync();
        await _app.SignInAsUserAsync(userName);

        using var document = await OpenAsync(c.Id, form);
        using var again = await OpenAsync(c.Id, form, how: DocumentIssue.Print);

        Assert.Contains(FullId, Text(document), StringComparison.Ordinal);
        await using var db = await _app.DbAsync();
        var entries = await db.CaseHistory.Where(h => h.CaseId == c.Id && h.Action == nameof(CaseAction.IssueOriginal)).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal($"下载 Word 文件：{form.Title()}（原件，载有当事人完整身份信息）", entries[0].Details);
        Assert.Equal($"打印：{form.Title()}（原件，载有当事人完整身份信息）", entries[1].Details);
        var lines = await db.SecurityLog.Where(e => e.Kind == SecurityEventKind.Download && e.Subject == c.Number).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
        Assert.Equal([$"{form.Title()}-{c.Number}.docx（下载，原件）", $"{form.Title()}（打印，原件）"], lines);
    }

    [Fact]
    public async Task The_judicial_application_is_one_bundle_of_application_agreement_and_identities_addressed_to_the_court()
    {
        var c = await FullCaseAsync();

        using var document = await OpenAsync(c.Id, OfficialForm.JudicialApplication);

        var titles = Paragraphs(document).Where(p => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Center && p.Descendants<Bold>().Any())
            .Select(p => p.InnerText).ToList();
        Assert.Equal(["司法确认申请书", "人民调解协议书", "当事人身份信息"], titles);
        Assert.Equal(2, Paragraphs(document).Count(p => p.ParagraphProperties?.PageBreakBefore is not null));
        var text = Text(document);
        Assert.Contains("此致\n陈家桥人民法庭", text, StringComparison.Ordinal);
        Assert.Contains($"请求人民法院依法确认申请人于{AgreedCases.Today.ToLabel()}经{Committee}主持调解达成的调解协议（{c.Number}）有效。", text, StringComparison.Ordinal);
        Assert.Contains("法院案号：（2026）渝0106民特123号", text, StringComparison.Ordinal);
        var identities = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Last();
        Assert.Equal(4, identities.Elements<TableRow>().Count()); // the headings and a row per party
        Assert.Contains(FullId, identities.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mediator_of_another_village_is_forbidden_and_a_form_the_case_does_not_have_is_not_found()
    {
        var written = await FullCaseAsync();
        var oral = await AgreedCases.ResolvedAsync(_app, AgreedCases.Oral);
        var user = await PrincipalAsync();
        var who = SecurityActor.Of(user, null);

        var oralAgreement = await Documents.IssueAsync(user, who, oral.Id, OfficialForm.OralAgreement, null, DocumentIssue.Docx);
        var noWritten = await Documents.IssueAsync(user, who, oral.Id, OfficialForm.Agreement, null, DocumentIssue.Docx);
        var noJudicial = await Documents.IssueAsync(user, who, oral.Id, OfficialForm.JudicialApplication, null, DocumentIssue.Docx);
        var otherCasesSession = await Documents.IssueAsync(user, who, oral.Id, OfficialForm.SessionRecord, await FirstSessionIdAsync(written.Id), DocumentIssue.Docx);
        var missing = await Documents.IssueAsync(user, who, 404, OfficialForm.Registration, null, DocumentIssue.Docx);
        await _app.SignInAsUserAsync("chenjianguo"); // a mediator of 回龙坝村
        user = await PrincipalAsync();
        var forbidden = await Documents.IssueAsync(user, SecurityActor.Of(user, null), written.Id, OfficialForm.Registration, null, DocumentIssue.Docx);

        Assert.True(oralAgreement.Result.Succeeded);
        Assert.Contains("双方口头约定共同疏通排水沟。", string.Join("\n", oralAgreement.File!.Sheets[0].Lines()), StringComparison.Ordinal);
        Assert.All([noWritten, noJudicial, otherCasesSession, missing], r => Assert.Equal(Outcome.NotFound, r.Result.Outcome));
        Assert.Equal(Outcome.Forbidden, forbidden.Result.Outcome);
        Assert.Null(forbidden.File);
    }

    [Theory]
    [InlineData("双方和好。", "双方和好。")]
    [InlineData("赔偿3.5万元\n道歉", "一、赔偿3.5万元|二、道歉")]
    [InlineData("1、赔偿\n2. 道歉\n（3）不再争吵", "一、赔偿|二、道歉|三、不再争吵")]
    [InlineData("一、赔偿\n\n二、道歉", "一、赔偿|二、道歉")]
    public void Terms_on_several_lines_are_numbered_once(string terms, string expected)
    {
        Assert.Equal(expected.Split('|'), CaseSheets.NumberTerms(terms));
    }

    [Theory]
    [InlineData("当事人申请", "当事人申请")]
    [InlineData("主动排查", "主动调解")]
    [InlineData("法院委派（诉前调解）", "委托移送")]
    [InlineData("派出所移交（警调对接）", "委托移送")]
    public void The_registration_says_how_the_case_was_taken_in_from_its_source(string source, string manner)
    {
        Assert.Equal(manner, CaseSheets.AcceptanceManner(source));
    }

    [Fact]
    public async Task The_endpoint_sends_the_word_file_named_after_the_form_and_the_case_in_RFC_5987_form()
    {
        var c = await FullCaseAsync();
        var http = HttpContexts.New(await PrincipalAsync());

        var result = await CaseDocumentEndpoints.GetDocxAsync(c.Id, "agreement", null, null, http, Documents, http.Response, CancellationToken.None);
        await result.ExecuteAsync(http);

        var file = Assert.IsType<FileContentHttpResult>(result);
        Assert.Equal($"人民调解协议书-{c.Number}.docx", file.FileDownloadName);
        Assert.Equal(SheetDocx.ContentType, http.Response.ContentType);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
        Assert.Contains($"filename*=UTF-8''{Uri.EscapeDataString(file.FileDownloadName!)}", http.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(http.Body()), isEditable: false);
        Assert.Contains("一式四份", document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_answers_403_to_a_user_who_may_not_read_the_case_and_404_for_an_unknown_form()
    {
        var c = await FullCaseAsync();
        var http = HttpContexts.New(await PrincipalAsync());
        var unknown = await CaseDocumentEndpoints.GetDocxAsync(c.Id, "no-such-form", null, null, http, Documents, http.Response, CancellationToken.None);
        var session = await CaseDocumentEndpoints.GetDocxAsync(c.Id, "session-record", null, null, http, Documents, http.Response, CancellationToken.None);
        await _app.SignInAsUserAsync("chenjianguo");
        http = HttpContexts.New(await PrincipalAsync());
        var forbidden = await CaseDocumentEndpoints.GetDocxAsync(c.Id, "agreement", null, null, http, Documents, http.Response, CancellationToken.None);

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(unknown).StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(session).StatusCode); // a record form names its record
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(forbidden).StatusCode);
    }

    /// <summary>What each form must say, beyond its title.</summary>
    private static void AssertFields(OfficialForm form, string text, string number)
    {
        string[] expected = form switch
        {
            OfficialForm.Application => ["申请人：王大明", FullId, "纠纷简要情况：", "申请事项：", "请求调解院坝排水纠纷，由对方赔偿损失。", $"此致\n{Committee}"],
            OfficialForm.Registration => [$"编号：{number}", $"调解组织：{Committee}", "受理方式：当事人申请", "纠纷类型：邻里", "登记人：张敏", "第三人：回龙坝物流有限公司", "110105********002X"],
            OfficialForm.RightsNotice => ["第二十三条、第二十四条", "（二）接受调解、拒绝调解或者要求终止调解；", "（一）如实陈述纠纷事实；",
                "申请人 王大明（签名或按指印）：", "被申请人 李小红（签名或按指印）：", "第三人 回龙坝物流有限公司（签名或按指印）：", $"{Committee}（印章）"],
            OfficialForm.InvestigationRecord => ["时间：", "9时30分至10时15分", "调查人：张敏、周涛", "记录人：刘记录", "被调查人及在场人：王大明", "调查情况：", "现场查看排水沟。"],
            OfficialForm.SessionRecord => ["调解员：张敏、周涛", "记录人：刘记录", "参加人：王大明、李小红、张敏", "调解情况：", "双方陈述，达成一致。", "记录人（签名）："],
            OfficialForm.Agreement => ["一式四份", $"{Committee}（印章）", "记录人 刘记录（签名）："],
            OfficialForm.JudicialApplication => ["陈家桥人民法庭", "申请人：王大明", "当事人身份信息"],
            OfficialForm.FollowUp => ["回访对象：王大明", "协议履行情况：全部履行", "当事人满意度：满意", "回访人：张敏", "回访人（签名）："],
            OfficialForm.FileCover => ["卷名：王大明与李小红邻里纠纷", $"卷号：{number}", "调解员：张敏、周涛", "立卷人：张敏", "保管期限：长期"],
            OfficialForm.FileContents => ["序号｜文件名称｜内容｜页号｜备注", "1｜申请书或受理登记表｜人民调解申请书、人民调解受理登记表", "5｜调查记录｜调查记录（", "12｜卷宗情况说明"],
            _ => ["本卷情况说明：", "立卷人：张敏"],
        };
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
        if (form is not (OfficialForm.Application or OfficialForm.Agreement or OfficialForm.JudicialApplication))
        {
            Assert.DoesNotContain(FullId, text, StringComparison.Ordinal); // only the originals the parties sign carry the full number
        }
    }

    /// <summary>
    /// Three parties (王大明 with an agent, 李小红, a company as 第三人), led by 张敏 with 周涛; an investigation and a mediation
    /// session, a written agreement with its 记录人, a follow-up visit, and an application to the court. Signed in as 张敏.
    /// </summary>
    private async Task<CaseRef> FullCaseAsync()
    {
        var cases = _app.Get<CaseService>();
        await _app.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(_app);
        draft = draft with
        {
            Request = "请求调解院坝排水纠纷，由对方赔偿损失。",
            Parties =
            [
                draft.Parties[0] with { Ethnicity = "汉族", Occupation = "农民", AgentName = "王小明", AgentRelationship = "父子", AgentAuthority = AgentAuthority.Special, AgentScope = "代为签收调解协议书" },
                draft.Parties[1],
                new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Organization, Name = "回龙坝物流有限公司", CurrentAddress = "物流园区2号", LegalRepresentative = "赵经理", LegalRepresentativeTitle = "总经理" },
            ],
        };
        var c = Done(await cases.FileAsync(draft));
        await _app.SignInAsUserAsync("liqiang");
        c = Done(await cases.AssignMediatorsAsync(c.Id, c.Version, await _app.UserIdAsync("zhangmin"), [await _app.UserIdAsync("zhoutao")]));
        await _app.SignInAsUserAsync("zhangmin");
        c = Done(await cases.AcceptAsync(c.Id, c.Version, new AcceptInput(AgreedCases.Today)));
        var venue = await CaseDrafts.VenueIdAsync(_app);
        c = Done(await cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(AgreedCases.Today, venue, "王大明", "现场查看排水沟。")
        {
            Kind = SessionKind.Investigation,
            StartTime = new TimeOnly(9, 30),
            EndTime = new TimeOnly(10, 15),
            Recorder = "刘记录",
        }));
        c = Done(await cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(AgreedCases.Today, venue, "王大明、李小红、张敏", "双方陈述，达成一致。") { Recorder = "刘记录" }));
        c = Done(await cases.ResolveAsync(c.Id, c.Version, AgreedCases.Written with { Recorder = "刘记录" }));
        c = Done(await cases.RecordFollowUpAsync(c.Id, c.Version, new FollowUpInput(AgreedCases.Today, PerformanceStatus.Full, "已按约定支付。") { VisitedPerson = "王大明", Satisfaction = Satisfaction.Satisfied }));
        return Done(await cases.RecordJudicialConfirmationAsync(c.Id, c.Version, new JudicialConfirmationInput(true, AgreedCases.Today, "陈家桥人民法庭", null) { CourtCaseNumber = "（2026）渝0106民特123号" }));
    }

    private async Task<int> FirstSessionIdAsync(int caseId)
    {
        await using var db = await _app.DbAsync();
        return await db.Cases.Where(x => x.Id == caseId).SelectMany(x => x.Sessions).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync() => await _app.Get<CurrentUser>().GetPrincipalAsync();

    private async Task<WordprocessingDocument> OpenAsync(int caseId, OfficialForm form, int? recordId = null, DocumentIssue how = DocumentIssue.Docx)
    {
        var user = await PrincipalAsync();
        var (result, file) = await Documents.IssueAsync(user, SecurityActor.Of(user, null), caseId, form, recordId, how);
        Assert.True(result.Succeeded, $"{form}: {result.Message}");
        return WordprocessingDocument.Open(new MemoryStream(file!.Docx()), isEditable: false);
    }

    /// <summary>The document's text: paragraphs on lines, and a table row as its cells joined (label：value, or by ｜).</summary>
    private static string Text(WordprocessingDocument document)
    {
        var lines = new List<string>();
        foreach (var element in document.MainDocumentPart!.Document!.Body!.ChildElements)
        {
            if (element is Paragraph p && p.InnerText.Length > 0)
            {
                lines.Add(p.InnerText);
            }
            else if (element is Table t)
            {
                lines.AddRange(t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())
                    .Select(cells => cells.Count == 2 ? $"{cells[0]}：{cells[1]}" : string.Join("｜", cells)));
            }
        }

        return string.Join("\n", lines);
    }

    private static List<Paragraph> Paragraphs(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()];

    private static CaseRef Done(Result<CaseRef> result)
    {
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" ", result.Errors)}");
        return result.Value!;
    }
}
