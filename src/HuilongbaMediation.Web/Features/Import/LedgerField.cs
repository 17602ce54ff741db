namespace HuilongbaMediation.Web.Features.Import;

/// <summary>The columns a town ledger has, by what they mean; the header row names them in many ways (<see cref="LedgerFields.Synonyms"/>).</summary>
public enum LedgerField
{
    /// <summary>编号: the ledger's own number for the case.</summary>
    Number,

    /// <summary>受理日期 / 登记日期: the case is filed (and taken up) on it.</summary>
    FiledOn,

    Village,
    Category,
    Applicant,
    Respondent,
    Summary,
    Mediators,
    Outcome,
    AgreementKind,
    Amount,
    People,
    Risk,

    /// <summary>结案日期 / 办结日期: the date of the ending the outcome names.</summary>
    ClosedOn,
}

/// <summary>The ledger's columns: their Chinese names (the export's headings) and the names offices give them.</summary>
public static class LedgerFields
{
    /// <summary>The heading the app writes, and reads first.</summary>
    public static string Heading(this LedgerField field) => field switch
    {
        LedgerField.Number => "编号",
        LedgerField.FiledOn => "受理日期",
        LedgerField.Village => "所属村（社区）",
        LedgerField.Category => "纠纷类型",
        LedgerField.Applicant => "申请人",
        LedgerField.Respondent => "被申请人",
        LedgerField.Summary => "纠纷简要情况",
        LedgerField.Mediators => "调解员",
        LedgerField.Outcome => "调解结果",
        LedgerField.AgreementKind => "协议形式",
        LedgerField.Amount => "涉及金额（元）",
        LedgerField.People => "涉及人数",
        LedgerField.Risk => "风险等级",
        LedgerField.ClosedOn => "结案日期",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Every heading each column goes by, in their compared form (<see cref="LedgerText.Key"/>).</summary>
    public static readonly IReadOnlyDictionary<LedgerField, IReadOnlyList<string>> Synonyms = new Dictionary<LedgerField, string[]>
    {
        [LedgerField.Number] = ["编号", "案号", "案件编号", "卷号", "登记编号", "台账编号"],
        [LedgerField.FiledOn] = ["受理日期", "登记日期", "受理时间", "登记时间", "收案日期", "收案时间", "申请日期", "纠纷发生时间", "日期"],
        [LedgerField.Village] = ["所属村(社区)", "村(社区)", "所属村", "所属社区", "村社区", "村(居)", "所在村(社区)", "村别", "村(社区)名称", "所属村居", "单位", "地点"],
        [LedgerField.Category] = ["纠纷类型", "类别", "纠纷类别", "案件类型", "类型", "纠纷种类", "案件类别"],
        [LedgerField.Applicant] = ["申请人", "当事人", "申请人姓名", "当事人(申请人)", "甲方", "申请方"],
        [LedgerField.Respondent] = ["被申请人", "被申请人姓名", "对方当事人", "当事人(被申请人)", "乙方", "被申请方"],
        [LedgerField.Summary] = ["纠纷简要情况", "简要案情", "案情", "简要情况", "纠纷事由", "纠纷概况", "基本情况", "主要事实", "案情摘要", "纠纷内容"],
        [LedgerField.Mediators] = ["调解员", "调解人", "主办调解员", "承办人", "调解人员", "承办调解员"],
        [LedgerField.Outcome] = ["调解结果", "结果", "处理结果", "调解情况", "办理结果", "结案情况", "调处结果"],
        [LedgerField.AgreementKind] = ["协议形式", "协议类型", "协议方式", "调解协议形式"],
        [LedgerField.Amount] = ["涉及金额", "涉及金额(元)", "金额", "金额(元)", "涉案金额", "标的额", "涉及金额(万元)", "协议金额"],
        [LedgerField.People] = ["涉及人数", "人数", "当事人数", "涉及人数(人)"],
        [LedgerField.Risk] = ["风险等级", "风险"],
        [LedgerField.ClosedOn] = ["结案日期", "办结日期", "结案时间", "办结时间", "调结日期", "调结时间", "调解日期", "完结日期"],
    }.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Select(LedgerText.Key)]);

    /// <summary>The field a heading names, or null.</summary>
    public static LedgerField? Of(string? heading)
    {
        var key = LedgerText.Key(heading);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var (field, names) in Synonyms)
        {
            if (names.Contains(key, StringComparer.Ordinal))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>
    /// The columns of a header row: each field the first column that names it. A row is a header when it names at least
    /// three fields (title rows above it name none).
    /// </summary>
    public static IReadOnlyDictionary<LedgerField, int> Map(IReadOnlyList<string?> headings)
    {
        var map = new Dictionary<LedgerField, int>();
        for (var i = 0; i < headings.Count; i++)
        {
            if (Of(headings[i]) is { } field)
            {
                map.TryAdd(field, i);
            }
        }

        return map;
    }

    public const int MinimumHeaderFields = 3;
}
