using System.Globalization;
using System.Text.RegularExpressions;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>What the forms of a case need besides the case itself: the names of its reference rows and people.</summary>
/// <param name="Committee">The handling committee (调解组织); its name heads the forms and its seal line closes them.</param>
/// <param name="Users">Display names of the users who recorded sessions and visits, by id.</param>
/// <param name="Attachments">The files of the 卷宗 by item, for the 卷内目录 and the 备考表.</param>
public sealed record CaseDocumentSource(
    MediationCase Case,
    string Village,
    string Category,
    string Source,
    string Committee,
    string FiledBy,
    IReadOnlyDictionary<int, string> Venues,
    IReadOnlyDictionary<string, string> Users,
    IReadOnlyList<(CaseFile.CaseFileItem Item, string FileName)> Attachments);

/// <summary>
/// One builder per form, from what the case holds. <c>full</c> is whether the sheet may carry the parties' full identity
/// numbers, addresses and phones (an original of a form the parties sign); every other sheet masks them as the screens do.
/// </summary>
public static partial class CaseSheets
{
    /// <summary>The court that serves 回龙坝 (DOMAIN.md reference data), when the case names none.</summary>
    public const string DefaultCourt = "陈家桥人民法庭";

    public const string CopyNotice = "副本：当事人身份信息已遮蔽，不作原件使用";

    public static IReadOnlyList<CaseDocument> Available(MediationCase c)
    {
        var list = new List<CaseDocument>
        {
            new(OfficialForm.Application, null, OfficialForm.Application.Title()),
            new(OfficialForm.Registration, null, OfficialForm.Registration.Title()),
            new(OfficialForm.RightsNotice, null, OfficialForm.RightsNotice.Title()),
        };
        foreach (var s in c.Sessions.OrderBy(s => s.HeldOn).ThenBy(s => s.Id))
        {
            var form = s.Kind == SessionKind.Investigation ? OfficialForm.InvestigationRecord : OfficialForm.SessionRecord;
            list.Add(new(form, s.Id, $"{form.Title()}（{s.HeldOn.ToLabel()}）"));
        }

        if (c.Agreement is { } a)
        {
            list.Add(a.Kind == AgreementKind.Written
                ? new(OfficialForm.Agreement, null, OfficialForm.Agreement.Title())
                : new(OfficialForm.OralAgreement, null, OfficialForm.OralAgreement.Title()));
            if (a.Kind == AgreementKind.Written)
            {
                list.Add(new(OfficialForm.JudicialApplication, null, OfficialForm.JudicialApplication.Title(), InFile: c.JudicialConfirmation?.AppliedOn is not null));
            }
        }

        list.AddRange(c.FollowUps.OrderBy(f => f.VisitedOn).ThenBy(f => f.Id)
            .Select(f => new CaseDocument(OfficialForm.FollowUp, f.Id, $"{OfficialForm.FollowUp.Title()}（{f.VisitedOn.ToLabel()}）")));
        list.Add(new(OfficialForm.FileCover, null, "卷宗封面"));
        list.Add(new(OfficialForm.FileContents, null, OfficialForm.FileContents.Title()));
        list.Add(new(OfficialForm.FileRemarks, null, OfficialForm.FileRemarks.Title()));
        return list;
    }

    /// <summary>The sheets of one form (the 司法确认申请书 is a bundle of three); null when the case has no such form or record.</summary>
    public static IReadOnlyList<Sheet>? Build(CaseDocumentSource s, OfficialForm form, int? recordId, bool full, DateOnly today)
    {
        if (!Available(s.Case).Any(d => d.Form == form && d.RecordId == (form.IsPerRecord() ? recordId : null)))
        {
            return null;
        }

        var copy = form.IsSignedByParties() && !full ? CopyNotice : null;
        return form switch
        {
            OfficialForm.Application => [Application(s, full) with { Copy = copy }],
            OfficialForm.Registration => [Registration(s)],
            OfficialForm.RightsNotice => [RightsNotice(s)],
            OfficialForm.InvestigationRecord or OfficialForm.SessionRecord => [SessionRecord(s, s.Case.Sessions.Single(x => x.Id == recordId))],
            OfficialForm.Agreement => [Agreement(s, full) with { Copy = copy }],
            OfficialForm.OralAgreement => [OralAgreement(s)],
            OfficialForm.FollowUp => [FollowUp(s, s.Case.FollowUps.Single(x => x.Id == recordId))],
            OfficialForm.JudicialApplication =>
                [JudicialApplication(s, full, today) with { Copy = copy }, Agreement(s, full) with { Copy = copy }, Identities(s, full) with { Copy = copy }],
            OfficialForm.FileCover => [Cover(s, today)],
            OfficialForm.FileContents => [Contents(s)],
            _ => [Remarks(s, today)],
        };
    }

    public static Sheet Application(CaseDocumentSource s, bool full)
    {
        var c = s.Case;
        return new Sheet(OfficialForm.Application, OfficialForm.Application.Title(), null,
        [
            .. PartyBlocks(c, full),
            new SheetHeading("纠纷简要情况："),
            .. Paragraphs(c.Summary),
            new SheetHeading("申请事项："),
            .. Paragraphs(c.Request ?? "请求人民调解委员会依法调解。"),
            new SheetParagraph($"特向{s.Committee}申请调解。本人自愿接受人民调解，并保证所述情况属实。"),
            new SheetRight("此致"),
            new SheetRight(s.Committee),
            new SheetSignatures([.. Parties(c).Where(p => p.Role == PartyRole.Applicant).Select(SignatureOf)]),
            new SheetRight(c.FiledOn.ToLabel()),
        ]);
    }

    public static Sheet Registration(CaseDocumentSource s)
    {
        var c = s.Case;
        return new Sheet(OfficialForm.Registration, OfficialForm.Registration.Title(), c.Number,
        [
            new SheetFields(
            [
                new("编号", c.Number),
                new("调解组织", s.Committee),
                new("受理方式", AcceptanceManner(s.Source)),
                new("案件来源", s.Source),
                new("登记日期", c.FiledOn.ToLabel()),
                new("所属村（社区）", s.Village),
                new("纠纷类型", s.Category),
                new("涉及人数", c.PeopleInvolved.ToString(CultureInfo.InvariantCulture)),
                new("涉及金额", c.AmountInvolved is { } amount ? $"{amount:0.##} 元" : "—"),
                .. Parties(c).Select(p => new SheetField(p.Role.ToLabel(), Describe(p, full: false, withRole: false))),
                new("纠纷简要情况", c.Summary),
                new("申请事项", c.Request ?? "—"),
                new("受理日期", c.AcceptedOn?.ToLabel() ?? "—"),
                new("调解员", Mediators(c)),
                new("登记人", s.FiledBy),
            ]),
        ]);
    }

    public static Sheet RightsNotice(CaseDocumentSource s)
    {
        var c = s.Case;
        return new Sheet(OfficialForm.RightsNotice, OfficialForm.RightsNotice.Title(), c.Number,
        [
            new SheetParagraph($"{string.Join("、", Parties(c).Select(p => p.Name))}："),
            new SheetParagraph($"你们之间的{s.Category}纠纷，由{s.Committee}进行调解。根据《中华人民共和国人民调解法》第二十三条、第二十四条的规定，现将当事人在人民调解活动中享有的权利和承担的义务告知如下："),
            new SheetHeading("一、当事人享有下列权利："),
            new SheetParagraph("（一）选择或者接受人民调解员；"),
            new SheetParagraph("（二）接受调解、拒绝调解或者要求终止调解；"),
            new SheetParagraph("（三）要求调解公开进行或者不公开进行；"),
            new SheetParagraph("（四）自主表达意愿、自愿达成调解协议。"),
            new SheetHeading("二、当事人履行下列义务："),
            new SheetParagraph("（一）如实陈述纠纷事实；"),
            new SheetParagraph("（二）遵守调解现场秩序，尊重人民调解员；"),
            new SheetParagraph("（三）尊重对方当事人行使权利。"),
            new SheetParagraph("人民调解委员会调解民间纠纷不收取任何费用。"),
            new SheetParagraph("以上内容已告知，本人已知悉。"),
            new SheetSignatures([.. Parties(c).Select(p => $"{p.Role.ToLabel()} {p.Name}（签名或按指印）")]),
            new SheetRight($"{s.Committee}（印章）"),
            new SheetRight((c.AcceptedOn ?? c.FiledOn).ToLabel()),
        ]);
    }

    public static Sheet SessionRecord(CaseDocumentSource s, MediationSession session)
    {
        var c = s.Case;
        var form = session.Kind == SessionKind.Investigation ? OfficialForm.InvestigationRecord : OfficialForm.SessionRecord;
        var time = session.StartTime is { } start
            ? $"{session.HeldOn.ToLabel()} {start.ToLabel()}{(session.EndTime is { } end ? $"至{end.ToLabel()}" : "")}"
            : session.HeldOn.ToLabel();
        return new Sheet(form, form.Title(), c.Number,
        [
            new SheetFields(
            [
                new("时间", time),
                new("地点", s.Venues.GetValueOrDefault(session.VenueId, "—")),
                new(session.Kind == SessionKind.Investigation ? "调查人" : "调解员", Mediators(c)),
                new("记录人", session.Recorder ?? "＿＿＿＿"),
                new(session.Kind == SessionKind.Investigation ? "被调查人及在场人" : "参加人", session.Attendees),
                new("纠纷类型", s.Category),
            ]),
            new SheetHeading(session.Kind == SessionKind.Investigation ? "调查情况：" : "调解情况："),
            .. Paragraphs(session.Summary),
            new SheetParagraph("以上记录已向参加人宣读（或由其阅看），确认无误。"),
            new SheetSignatures(
            [
                .. Parties(c).Select(p => $"{p.Role.ToLabel()} {p.Name}（签名或按指印）"),
                $"{(session.Kind == SessionKind.Investigation ? "调查人" : "人民调解员")}（签名）",
                "记录人（签名）",
            ]),
        ]);
    }

    public static Sheet Agreement(CaseDocumentSource s, bool full)
    {
        var c = s.Case;
        var a = c.Agreement ?? throw new ArgumentException("The case has no agreement.", nameof(s));
        var parties = Parties(c);
        List<SheetBlock> blocks =
        [
            .. PartyBlocks(c, full),
            new SheetHeading("纠纷主要事实、争议事项："),
            .. Labelled("主要事实", a.Facts).Select(p => new SheetParagraph(p)),
            .. Labelled("争议事项", a.MattersInDispute).Select(p => new SheetParagraph(p)),
        ];
        if (Lines(a.Responsibilities).Count > 0)
        {
            blocks.Add(new SheetHeading("各方责任："));
            blocks.AddRange(Paragraphs(a.Responsibilities));
        }

        blocks.Add(new SheetHeading("经调解，各方当事人自愿达成如下协议："));
        blocks.AddRange(NumberTerms(a.Terms).Select(t => new SheetParagraph(t)));
        blocks.Add(new SheetHeading("履行方式、时限："));
        blocks.AddRange(Labelled("履行方式", a.PerformanceManner ?? "—").Select(p => new SheetParagraph(p)));
        blocks.Add(new SheetParagraph($"履行期限：{a.PerformanceDeadline?.ToLabel() ?? "—"}"));
        blocks.Add(new SheetParagraph(Statement(parties.Count, s.Committee)));
        blocks.Add(new SheetSignatures(
        [
            .. parties.Select(SignatureOf),
            .. c.Mediators.OrderByDescending(m => m.IsLead).ThenBy(m => m.Id).Select(m => $"人民调解员 {m.DisplayName}（签名）"),
            a.Recorder is { } recorder ? $"记录人 {recorder}（签名）" : "记录人（签名）",
        ]));
        blocks.Add(new SheetRight($"{s.Committee}（印章）"));
        blocks.Add(new SheetRight(a.SignedOn.ToLabel()));
        return new Sheet(OfficialForm.Agreement, OfficialForm.Agreement.Title(), c.Number, blocks);
    }

    /// <summary>一式N份: a copy for each party and one for the committee.</summary>
    public static string Statement(int parties, string committee) =>
        $"本协议一式{ChineseNumber(parties + 1)}份，当事人各执一份，{committee}留存一份。本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。";

    public static Sheet OralAgreement(CaseDocumentSource s)
    {
        var c = s.Case;
        var a = c.Agreement!;
        return new Sheet(OfficialForm.OralAgreement, OfficialForm.OralAgreement.Title(), c.Number,
        [
            new SheetFields(
            [
                new("编号", c.Number),
                new("调解组织", s.Committee),
                .. Parties(c).Select(p => new SheetField(p.Role.ToLabel(), Describe(p, full: false, withRole: false))),
                new("纠纷类型", s.Category),
                new("纠纷简要情况", c.Summary),
                new("协议内容", a.Terms),
                new("履行方式", a.PerformanceManner ?? "—"),
                new("履行期限", a.PerformanceDeadline?.ToLabel() ?? "—"),
                new("达成协议日期", a.SignedOn.ToLabel()),
                new("调解员", Mediators(c)),
                new("记录人", a.Recorder ?? "＿＿＿＿"),
            ]),
            new SheetSignatures([.. Parties(c).Select(p => $"{p.Role.ToLabel()} {p.Name}（签名或按指印）"), "人民调解员（签名）"]),
            new SheetRight($"{s.Committee}（印章）"),
        ]);
    }

    public static Sheet FollowUp(CaseDocumentSource s, FollowUpVisit visit)
    {
        var c = s.Case;
        return new Sheet(OfficialForm.FollowUp, OfficialForm.FollowUp.Title(), c.Number,
        [
            new SheetFields(
            [
                new("回访时间", visit.VisitedOn.ToLabel()),
                new("回访对象", visit.VisitedPerson ?? "＿＿＿＿"),
                new("纠纷类型", s.Category),
                new("协议达成日期", c.Agreement?.SignedOn.ToLabel() ?? "—"),
                new("协议履行情况", visit.Performance.ToLabel()),
                new("当事人满意度", visit.Satisfaction?.ToLabel() ?? "＿＿＿＿"),
                new("回访情况", visit.Notes ?? "—"),
                new("回访人", s.Users.GetValueOrDefault(visit.RecordedById, "")),
            ]),
            new SheetSignatures(["回访人（签名）", "被回访人（签名）"]),
            new SheetRight($"{s.Committee}（印章）"),
        ]);
    }

    public static Sheet JudicialApplication(CaseDocumentSource s, bool full, DateOnly today)
    {
        var c = s.Case;
        var a = c.Agreement!;
        var court = c.JudicialConfirmation?.Court ?? DefaultCourt;
        var applied = c.JudicialConfirmation?.AppliedOn ?? today;
        return new Sheet(OfficialForm.JudicialApplication, OfficialForm.JudicialApplication.Title(), null,
        [
            .. Parties(c).SelectMany(p => PartyLines(p, full, "申请人")).Select(l => new SheetParagraph(l)),
            new SheetHeading("请求事项："),
            new SheetParagraph($"请求人民法院依法确认申请人于{a.SignedOn.ToLabel()}经{s.Committee}主持调解达成的调解协议（{c.Number}）有效。"),
            new SheetHeading("事实和理由："),
            new SheetParagraph($"申请人之间因{s.Category}纠纷，于{c.FiledOn.ToLabel()}向{s.Committee}申请调解，经调解于{a.SignedOn.ToLabel()}自愿达成调解协议，协议自{a.EffectiveOn.ToLabel()}起生效。"),
            new SheetParagraph("申请人出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；如因调解协议内容违法或者损害他人合法权益而造成损失的，愿意承担相应的民事责任和其他法律责任。"),
            new SheetParagraph($"现依据《中华人民共和国人民调解法》第三十三条的规定，共同申请人民法院对上述调解协议予以司法确认。"),
            new SheetRight("此致"),
            new SheetRight(court),
            new SheetSignatures([.. Parties(c).Select(p => $"申请人 {p.Name}（签名或盖章）")]),
            new SheetRight(applied.ToLabel()),
            new SheetHeading("附："),
            new SheetParagraph("1. 人民调解协议书一份；"),
            new SheetParagraph($"2. 申请人身份证明材料{ChineseNumber(Parties(c).Count)}份。"),
            .. c.JudicialConfirmation is { CourtCaseNumber: not null } or { Result: not null }
                ? [new SheetFields([new("法院案号", c.JudicialConfirmation.CourtCaseNumber ?? "—"), new("确认结果", c.JudicialConfirmation.Result ?? "—")])]
                : Array.Empty<SheetBlock>(),
        ]);
    }

    /// <summary>当事人身份信息: the page of the 司法确认 bundle that stands for the identity documents.</summary>
    public static Sheet Identities(CaseDocumentSource s, bool full) =>
        new(OfficialForm.JudicialApplication, "当事人身份信息", s.Case.Number,
        [
            new SheetTable(
                ["当事人", "类型", "身份证号或统一社会信用代码", "住址", "联系电话"],
                [.. Parties(s.Case).Select(p => (IReadOnlyList<string>)
                [
                    $"{p.Role.ToLabel()} {p.Name}",
                    p.Kind == PartyKind.Person ? "个人" : "单位",
                    (full ? p.IdNumber : Masking.IdNumber(p.IdNumber)) ?? "—",
                    p.CurrentAddress ?? p.RegisteredAddress ?? "—",
                    (full ? p.Phone : Masking.Phone(p.Phone)) ?? "—",
                ])]),
            new SheetParagraph("附当事人身份证（营业执照）复印件，由当事人签名确认与原件一致。"),
        ]);

    public static Sheet Cover(CaseDocumentSource s, DateOnly today)
    {
        var c = s.Case;
        var parties = Parties(c);
        var applicant = parties.FirstOrDefault(p => p.Role == PartyRole.Applicant)?.Name ?? "";
        var respondent = parties.FirstOrDefault(p => p.Role == PartyRole.Respondent)?.Name ?? "";
        var lead = c.Mediators.FirstOrDefault(m => m.IsLead)?.DisplayName;
        return new Sheet(OfficialForm.FileCover, OfficialForm.FileCover.Title(), null,
        [
            new SheetRight(s.Committee),
            new SheetFields(
            [
                new("卷名", $"{applicant}与{respondent}{s.Category}纠纷"),
                new("卷号", c.Number),
                new("调解员", Mediators(c)),
                new("起止日期", $"{c.FiledOn.ToLabel()} 至 {c.ConcludedOn?.ToLabel() ?? "（未办结）"}"),
                new("立卷人", lead ?? "＿＿＿＿"),
                new("立卷日期", c.ConcludedOn?.ToLabel() ?? "（未办结）"),
                new("保管期限", c.ConcludedOn is null ? "（未办结）" : c.Status == CaseStatus.Resolved ? "长期" : "短期"),
            ]),
        ]);
    }

    public static Sheet Contents(CaseDocumentSource s)
    {
        var c = s.Case;
        var rows = Enum.GetValues<CaseFile.CaseFileItem>().Select(item => (IReadOnlyList<string>)
        [
            ((int)item).ToString(CultureInfo.InvariantCulture),
            ItemTitle(item),
            string.Join("、", ItemSources(s, item)) is { Length: > 0 } what ? what : "—",
            "",
            "",
        ]).ToList();
        return new Sheet(OfficialForm.FileContents, OfficialForm.FileContents.Title(), c.Number,
        [
            new SheetTable(["序号", "文件名称", "内容", "页号", "备注"], rows),
            new SheetParagraph(UnnumberedNote),
        ]);
    }

    /// <summary>
    /// What a 卷内目录 printed on its own says of its empty 页号 column. The numbers need the bound file's real page counts,
    /// which change with every scan added or form re-issued, so a stand-alone 目录 never guesses them.
    /// </summary>
    public const string UnnumberedNote = "页号在生成装订版卷宗（PDF）时按卷内文件的实际页数填写；单独打印的卷内目录不填页号。";

    /// <summary>
    /// The 卷内目录 of a bound file: each item's pages in it ("3" or "3-5", the PDF's own page numbers, the cover being
    /// page 1), "—" for an item with nothing in the file, and the total.
    /// </summary>
    public static Sheet NumberPages(Sheet contents, IReadOnlyDictionary<CaseFile.CaseFileItem, (int First, int Last)> pages, int total)
    {
        if (contents.Form != OfficialForm.FileContents)
        {
            throw new ArgumentException("Only the 卷内目录 has page numbers.", nameof(contents));
        }

        var blocks = contents.Blocks.Select(block => block switch
        {
            SheetTable table => table with
            {
                Rows = [.. table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select((cell, i) => i == PageColumn ? PageLabel(row[0]) : cell)])],
            },
            SheetParagraph { Text: UnnumberedNote } => new SheetParagraph($"页号为本装订版卷宗的页码（封面为第 1 页），全卷共 {total} 页。"),
            _ => block,
        });
        return contents with { Blocks = [.. blocks] };

        string PageLabel(string number) =>
            pages.TryGetValue((CaseFile.CaseFileItem)int.Parse(number, CultureInfo.InvariantCulture), out var range)
                ? range.First == range.Last ? range.First.ToString(CultureInfo.InvariantCulture) : $"{range.First}-{range.Last}"
                : "—";
    }

    /// <summary>The 页号 column of the 卷内目录's table.</summary>
    private const int PageColumn = 3;

    public static Sheet Remarks(CaseDocumentSource s, DateOnly today)
    {
        var c = s.Case;
        var items = Enum.GetValues<CaseFile.CaseFileItem>().Count(i => ItemSources(s, i).Count > 0);
        return new Sheet(OfficialForm.FileRemarks, OfficialForm.FileRemarks.Title(), c.Number,
        [
            new SheetHeading("本卷情况说明："),
            new SheetParagraph($"本卷宗共有文件{items}项，其中系统生成的文书按卷内目录顺序排列，上传的扫描件{s.Attachments.Count}份。"),
            new SheetFields(
            [
                new("立卷人", c.Mediators.FirstOrDefault(m => m.IsLead)?.DisplayName ?? "＿＿＿＿"),
                new("检查人", "＿＿＿＿"),
                new("立卷时间", c.ConcludedOn?.ToLabel() ?? today.ToLabel()),
            ]),
        ]);
    }

    /// <summary>What fills an item of the 卷内目录: the forms the system makes for it and the files filed under it.</summary>
    public static IReadOnlyList<string> ItemSources(CaseDocumentSource s, CaseFile.CaseFileItem item)
    {
        var c = s.Case;
        var made = item switch
        {
            CaseFile.CaseFileItem.ApplicationOrIntakeForm => ["人民调解申请书", "人民调解受理登记表"],
            CaseFile.CaseFileItem.RightsAndDutiesNotice => ["人民调解权利义务告知书"],
            CaseFile.CaseFileItem.InvestigationRecord => c.Sessions.Where(x => x.Kind == SessionKind.Investigation).Select(x => $"调查记录（{x.HeldOn.ToLabel()}）"),
            CaseFile.CaseFileItem.MediationRecord => c.Sessions.Where(x => x.Kind == SessionKind.Mediation).Select(x => $"调解记录（{x.HeldOn.ToLabel()}）"),
            CaseFile.CaseFileItem.Agreement => c.Agreement is { } a ? [a.Kind == AgreementKind.Written ? "人民调解协议书" : "口头调解协议登记表"] : [],
            CaseFile.CaseFileItem.FollowUpRecord => c.FollowUps.Select(x => $"回访记录（{x.VisitedOn.ToLabel()}）"),
            CaseFile.CaseFileItem.JudicialConfirmation => c.JudicialConfirmation?.AppliedOn is not null ? ["司法确认申请书"] : [],
            _ => Array.Empty<string>(),
        };
        return [.. made, .. s.Attachments.Where(x => x.Item == item).Select(x => x.FileName)];
    }

    public static string ItemTitle(CaseFile.CaseFileItem item) => item switch
    {
        CaseFile.CaseFileItem.ApplicationOrIntakeForm => "申请书或受理登记表",
        CaseFile.CaseFileItem.RightsAndDutiesNotice => "权利义务告知书",
        CaseFile.CaseFileItem.IdentityProof => "身份证明",
        CaseFile.CaseFileItem.PowerOfAttorney => "授权委托书",
        CaseFile.CaseFileItem.InvestigationRecord => "调查记录",
        CaseFile.CaseFileItem.Evidence => "证据材料",
        CaseFile.CaseFileItem.MediationRecord => "调解记录",
        CaseFile.CaseFileItem.Agreement => "调解协议书",
        CaseFile.CaseFileItem.PerformanceProof => "履行凭证",
        CaseFile.CaseFileItem.FollowUpRecord => "回访记录",
        CaseFile.CaseFileItem.JudicialConfirmation => "司法确认材料",
        _ => "卷宗情况说明",
    };

    /// <summary>受理方式 of the 登记表, from the case's source: 当事人申请, 主动调解 or 委托移送.</summary>
    public static string AcceptanceManner(string source) =>
        source.Contains("申请", StringComparison.Ordinal) ? "当事人申请"
        : source.Contains("排查", StringComparison.Ordinal) || source.Contains("主动", StringComparison.Ordinal) ? "主动调解"
        : "委托移送";

    /// <summary>
    /// 协议内容 of several lines becomes numbered terms (一、二、…), whatever numbers the mediator typed being dropped
    /// first so they are not doubled; a single line stays as it is.
    /// </summary>
    public static IReadOnlyList<string> NumberTerms(string terms)
    {
        var lines = Lines(terms);
        return lines.Count < 2 ? lines : [.. lines.Select((line, i) => $"{ChineseNumber(i + 1)}、{TypedNumber().Replace(line, "")}")];
    }

    /// <summary>A party in one line: "申请人：王大明，男，汉族，1949年12月31日出生，农民，身份证号：…，住址：…，联系电话：…".</summary>
    public static string Describe(Party p, bool full, bool withRole = true, string? role = null)
    {
        var id = full ? p.IdNumber : Masking.IdNumber(p.IdNumber);
        var phone = full ? p.Phone : Masking.Phone(p.Phone);
        IEnumerable<string?> details = p.Kind == PartyKind.Person
            ?
            [
                p.Gender?.ToLabel(), p.Ethnicity,
                p.BirthDateKnown is { } born ? $"{born.ToLabel()}出生" : p.Age is { } age ? $"{age}岁" : null,
                p.Occupation, Field("身份证号", id), Field("户籍地址", p.RegisteredAddress), Field("现住址", p.CurrentAddress), Field("联系电话", phone),
            ]
            :
            [
                Field("住所", p.CurrentAddress ?? p.RegisteredAddress),
                p.LegalRepresentative is { } rep ? $"法定代表人：{rep}{(p.LegalRepresentativeTitle is { } title ? $"（{title}）" : "")}" : null,
                Field("联系电话", phone),
            ];
        var head = withRole ? $"{role ?? p.Role.ToLabel()}：{p.Name}" : p.Name;
        return string.Join("，", details.Where(d => d is not null).Prepend(head));
    }

    private static IEnumerable<string> PartyLines(Party p, bool full, string? role = null)
    {
        yield return Describe(p, full, role: role);
        if (p.HasAgent)
        {
            var scope = p.AgentAuthority == AgentAuthority.Special ? $"特别授权（{p.AgentScope}）" : p.AgentAuthority?.ToLabel() ?? "";
            yield return string.Join("，", new[] { $"委托代理人：{p.AgentName}", p.AgentRelationship, $"代理权限：{scope}" }.Where(x => !string.IsNullOrEmpty(x)));
        }
    }

    private static IEnumerable<SheetBlock> PartyBlocks(MediationCase c, bool full) =>
        Parties(c).SelectMany(p => PartyLines(p, full)).Select(l => new SheetParagraph(l));

    private static string SignatureOf(Party p) => $"{p.Role.ToLabel()} {p.Name}{(p.Kind == PartyKind.Person ? "（签名或按指印）" : "（盖章）")}";

    private static List<Party> Parties(MediationCase c) => [.. c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id)];

    private static string Mediators(MediationCase c) =>
        string.Join("、", c.Mediators.OrderByDescending(m => m.IsLead).ThenBy(m => m.Id).Select(m => m.DisplayName)) is { Length: > 0 } names ? names : "—";

    private static string? Field(string label, string? value) => value is null ? null : $"{label}：{value}";

    private static IEnumerable<SheetParagraph> Paragraphs(string? text) => Lines(text).Select(l => new SheetParagraph(l));

    /// <summary>The lines of a text, the first one labelled ("争议事项：…").</summary>
    private static IReadOnlyList<string> Labelled(string label, string? text) =>
        [.. Lines(text).Select((line, i) => i == 0 ? $"{label}：{line}" : line)];

    private static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    public static string ChineseNumber(int n)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + digits[n % 10],
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A number typed at the start of a term: "1、", "2.", "（3）", "四、"; not "3.5万元".</summary>
    [GeneratedRegex(@"^(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+(?:[、,，]|[.．](?![0-9])))\s*")]
    private static partial Regex TypedNumber();
}
