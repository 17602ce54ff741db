using System.Globalization;
using System.Text;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Tests.Features.Import;

/// <summary>What a sample row should become: a case (with what the figures count of it), a refusal (with a words of its reason), or nothing.</summary>
public sealed record Expected(
    string? Village = null,
    DateOnly Filed = default,
    LedgerOutcome Ending = LedgerOutcome.Open,
    DateOnly? Closed = null,
    AgreementKind Kind = AgreementKind.Written,
    decimal? Amount = null,
    string? Refusal = null,
    bool Skipped = false)
{
    public bool Imported => Refusal is null && !Skipped;
}

/// <summary>A row of a sample ledger: its cells as the office typed them, and what it should become.</summary>
public sealed record SampleRow(object?[] Cells, Expected Expected);

/// <summary>
/// The sample ledgers of tests/samples/, made here so that they can be made again (<c>REBUILD_SAMPLES=1 dotnet test
/// --filter SampleLedgerFiles</c>): the town's 2022 ledger as a messy .xlsx (title rows, its own headings, dates as date
/// cells, as Excel serial numbers and as text in four forms, 1.2万 and 12,000元, short village names, a blank row, a
/// subtotal, a footer and four broken rows), and 五云山村's as a GB18030 .csv without a village column.
/// </summary>
public static class SampleLedgers
{
    public const string TownFile = "回龙坝镇2022年人民调解台账.xlsx";
    public const string VillageFile = "五云山村2022年调解台账-GB18030.csv";

    /// <summary>The town ledger's rows above its data: a title, the office, the header.</summary>
    public const int TownHeaderRow = 3;

    public static readonly string[] TownHeadings =
        ["序号", "登记日期", "所属村（社区）", "当事人（申请人）", "被申请人", "类别", "简要案情", "调解人", "处理结果", "协议形式", "涉案金额", "办结日期", "编号"];

    public static readonly string[] VillageHeadings =
        ["编号", "受理日期", "纠纷类型", "申请人", "被申请人", "纠纷简要情况", "调解员", "调解结果", "协议形式", "涉及金额", "结案日期"];

    public static string TownPath => Path.Combine(RepoPaths.Samples, TownFile);

    public static string VillagePath => Path.Combine(RepoPaths.Samples, VillageFile);

    /// <summary>The town's rows below the header, in order (row numbers from 4).</summary>
    public static IReadOnlyList<SampleRow> TownRows { get; } = BuildTownRows();

    public static IReadOnlyList<SampleRow> VillageRows { get; } =
    [
        Row(["五云山2022-01", "2022-02-14", "邻里", "付强", "白雪", "两家因共用通道堆放杂物发生争执，多次口角", "张敏", "调解成功", "书面", "500", "2022-02-18"],
            new("五云山村", D(2022, 2, 14), LedgerOutcome.Resolved, D(2022, 2, 18), AgreementKind.Written, 500m)),
        Row(["五云山2022-02", "2022/4/1", "婚姻家庭", "覃芳", "覃军", "兄妹因赡养父母的费用分摊发生纠纷", "周涛", "成功", "口头", "", "2022/4/3"],
            new("五云山村", D(2022, 4, 1), LedgerOutcome.Resolved, D(2022, 4, 3), AgreementKind.Oral)),
        Row(["五云山2022-03", "2022年5月20日", "征地拆迁", "刘华、刘军、刘英", "回龙坝镇五云山村民委员会", "征地青苗补偿标准争议，6户村民情绪激动", "吴霞", "移交", "", "30万", "2022年6月1日"],
            new("五云山村", D(2022, 5, 20), LedgerOutcome.Referred, D(2022, 6, 1), Amount: 300000m)),
        Row(["（2022）回龙坝人调字第0500号", "2022-08-08", "相邻纠纷", "米兰", "柯达", "院内树木遮挡采光引发两家争执", "张敏", "", "", "", ""],
            new("五云山村", D(2022, 8, 8))),
        Row(["五云山2022-05", "2022.09.09", "劳动争议", "尤勇", "重庆恒信建筑劳务有限公司", "务工期间手部受伤，医疗费及误工费赔偿争议", "退休调解员王伯", "调解成功", "书面", "1.2万", "2022.09.30"],
            new("五云山村", D(2022, 9, 9), LedgerOutcome.Resolved, D(2022, 9, 30), AgreementKind.Written, 12000m)),
        Row(["五云山2022-06", "2022-10-01", "打架斗殴", "葛亮", "严实", "酒后口角引发推搡", "张敏", "调解成功", "书面", "", "2022-10-02"],
            new(Refusal: "未知的纠纷类型「打架斗殴」")),
        Row(["", "", "", "", "", "", "", "", "", "", ""], new(Skipped: true)),
        Row(["填表人：李强", "", "", "", "", "", "", "", "", "", ""], new(Skipped: true)),
    ];

    /// <summary>The town ledger, with <paramref name="extra"/> more rows before its subtotal (a later version of the same ledger).</summary>
    public static byte[] Town(IReadOnlyList<SampleRow>? extra = null)
    {
        var width = TownHeadings.Length;
        Dictionary<string, object?> Line(IReadOnlyList<object?> cells) =>
            Enumerable.Range(0, width).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < cells.Count ? cells[i] : null);
        var rows = new List<Dictionary<string, object?>>
        {
            Line(["回龙坝镇2022年人民调解案件登记台账"]),
            Line(["填报单位：回龙坝镇司法所（盖章）", null, null, null, null, null, null, null, null, null, "单位：元"]),
            Line(TownHeadings),
        };
        rows.AddRange(TownOrder(extra).Select(r => Line(r.Cells)));
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "2022年");
        return stream.ToArray();
    }

    /// <summary>The rows of <see cref="Town"/> in the order it writes them: the extra rows go before the subtotal and the footer.</summary>
    public static IReadOnlyList<SampleRow> TownOrder(IReadOnlyList<SampleRow>? extra = null) =>
        [.. TownRows.SkipLast(2), .. extra ?? [], .. TownRows.TakeLast(2)];

    /// <summary>五云山村's ledger as a GB18030 .csv: a title row, the header, the rows.</summary>
    public static byte[] Village()
    {
        var csv = new StringBuilder();
        csv.Append("五云山村2022年人民调解台账").Append(',', VillageHeadings.Length - 1).Append("\r\n");
        csv.Append(string.Join(',', VillageHeadings)).Append("\r\n");
        foreach (var row in VillageRows)
        {
            csv.Append(string.Join(',', row.Cells.Select(c => Quote(Convert.ToString(c, CultureInfo.InvariantCulture) ?? "")))).Append("\r\n");
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(csv.ToString());
    }

    /// <summary>Two rows that a later version of the town ledger adds.</summary>
    public static IReadOnlyList<SampleRow> LaterRows { get; } =
    [
        Row([17, "2022-12-29", "五云山", "柳青", "梁山", "相邻纠纷", "雨水排放方向引发两家争执", "张敏", "调解成功", "书面", "300", "2022-12-30", null],
            new("五云山村", D(2022, 12, 29), LedgerOutcome.Resolved, D(2022, 12, 30), AgreementKind.Written, 300m)),
        Row([18, "2022-12-30", "大桥", "童心", "齐天", "合同纠纷", "农机租赁费用结算发生争议", "何静", "", "", "1000", "", null],
            new("大桥村", D(2022, 12, 30), Amount: 1000m)),
    ];

    private static List<SampleRow> BuildTownRows() =>
    [
        Row([1, new DateTime(2022, 1, 5), "五云山", "张大明", "李二娃", "相邻纠纷", "院坝排水沟堵塞引发邻里争执，双方多次争吵", "张敏", "调解成功", "书面", "1.2万", Serial(2022, 1, 12), "WYS-2022-001"],
            new("五云山村", D(2022, 1, 5), LedgerOutcome.Resolved, D(2022, 1, 12), AgreementKind.Written, 12000m)),
        Row([2, "2022/1/18", "大水沟村委会", "王秀英", "王建国", "婚姻家庭", "夫妻因家务分工及子女抚养问题长期争吵", "刘桂兰", "成功", "口头", "", "2022/1/25", null],
            new("大水沟村", D(2022, 1, 18), LedgerOutcome.Resolved, D(2022, 1, 25), AgreementKind.Oral)),
        Row([3, Serial(2022, 2, 10), "物流园区", "赵强、钱多多", "重庆顺达物流有限公司", "欠薪", "装卸工被拖欠两个月工资共计四万余元", "邓辉", "达成协议", "书面", "45,600元", "2022年2月20日", null],
            new("物流园片区", D(2022, 2, 10), LedgerOutcome.Resolved, D(2022, 2, 20), AgreementKind.Written, 45600m)),
        Row([4, "2022年3月1日", "回龙坝村", "孙丽", "周明", "交通事故", "电动车与摩托车相撞致一方轻伤", "陈建国、老李", "调解不成", null, "¥3500", "2022.03.15", null],
            new("回龙坝村", D(2022, 3, 1), LedgerOutcome.Referred, D(2022, 3, 15), Amount: 3500m)),
        Row([5, "2022.04.02", "聚龙城社区居委会", "吴芳", "重庆通宇物业服务有限公司", "物业", "业主认为电梯频繁故障拒交物业费", "罗平", "终止", null, 2600, new DateTime(2022, 4, 20), null],
            new("聚龙城社区", D(2022, 4, 2), LedgerOutcome.Terminated, D(2022, 4, 20), Amount: 2600m)),
        Row([6, new DateTime(2022, 4, 8), "五云山村", "郑成", "冯刚", "宅基地", "翻建新房地基越界引发宅基地纠纷", "周涛", "不予受理", null, null, "2022-04-09", null],
            new("五云山村", D(2022, 4, 8), LedgerOutcome.Declined, D(2022, 4, 9))),
        Row([7, "2022-05-06", "大桥", "何平", "马丽", "劳资", "分拣作业时手部受伤，医疗费垫付发生争议", "马晓军", null, null, "0.8万", null, null],
            new("大桥村", D(2022, 5, 6), Amount: 8000m)),
        Row([8, "2022-06-15", "五云山", "陈小红", "杨大勇", "相邻", "楼上渗水导致楼下天花板发霉脱落", null, "调解成功", "书面", "2000", "2022-06-30", null],
            new("五云山村", D(2022, 6, 15), LedgerOutcome.Resolved, D(2022, 6, 30), AgreementKind.Written, 2000m)),
        Row([9, "2022/7/7", "大水沟", "黄伟", "许强", "合同纠纷", "装修尾款纠纷", "赵勇", "调解不成功", null, "1.5万元", "2022/7/30", null],
            new("大水沟村", D(2022, 7, 7), LedgerOutcome.Referred, D(2022, 7, 30), Amount: 15000m)),
        Row([null, null, null, null, null, null, null, null, null, null, null, null, null], new(Skipped: true)),
        Row([10, Serial(2022, 8, 1), "回龙坝", "谢军", "韩梅", "山林土地", "承包地灌溉用水及田坎归属发生争执", "杨丽", "调解成功", "口头协议", null, Serial(2022, 8, 5), null],
            new("回龙坝村", D(2022, 8, 1), LedgerOutcome.Resolved, D(2022, 8, 5), AgreementKind.Oral)),
        Row([11, "2022年9月9日", "物流园片区", "曹勇", "重庆鑫源运输有限公司", "交通", "货车在园区内倒车刮擦停放车辆", "邓辉", "成功", "书面", 8800.5, "2022年9月12日", null],
            new("物流园片区", D(2022, 9, 9), LedgerOutcome.Resolved, D(2022, 9, 12), AgreementKind.Written, 8800.50m)),
        Row([12, "2022-10-10", "聚龙城", "唐雪", "林峰", "消费", "购买的冰箱使用一周即出现故障要求退货", "唐敏", "调解成功", null, "3,999元", "2022-10-20", null],
            new("聚龙城社区", D(2022, 10, 10), LedgerOutcome.Resolved, D(2022, 10, 20), AgreementKind.Written, 3999m)),
        Row([13, "2022-11-11", "五云山村委会", "宋杰", "蒋丽", "婚姻", "离婚后子女探视时间安排发生争议", "吴霞", "撤回", null, null, "2022-11-15", null],
            new("五云山村", D(2022, 11, 11), LedgerOutcome.Terminated, D(2022, 11, 15))),
        Row([14, "2022-12-28", "大桥村", "郭峰", "罗刚", "其它", "借款到期未还，双方对还款金额有争议", "何静", "调解成功", "书面", "5000", "2022-12-31", null],
            new("大桥村", D(2022, 12, 28), LedgerOutcome.Resolved, D(2022, 12, 31), AgreementKind.Written, 5000m)),
        Row([15, "2022-12-20", "回龙坝村", "林涛", "钟华", "环境", "养殖场污水排放影响鱼塘，鱼苗死亡", "黄志强", "在办", null, "2万", null, null],
            new("回龙坝村", D(2022, 12, 20), Amount: 20000m)),
        Row([16, "2022-03-20", "大水沟村", "王秀英", "李强", "相邻纠纷", "院墙倒塌砸坏邻居菜地，赔偿发生争议", "孙红", "调解成功", "书面", "600", "2022-03-25", null],
            new("大水沟村", D(2022, 3, 20), LedgerOutcome.Resolved, D(2022, 3, 25), AgreementKind.Written, 600m)),
        Row([null, "2022-13-45", "五云山", "甲某", "乙某", "相邻纠纷", "日期填错的一行", "张敏", "调解成功", "书面", null, "2022-12-01", null],
            new(Refusal: "无法识别的日期「2022-13-45」")),
        Row([null, "2022-05-05", "龙泉村", "丙某", "丁某", "相邻纠纷", "村名不在本镇的一行", "张敏", "调解成功", "书面", null, "2022-05-06", null],
            new(Refusal: "未知的村（社区）「龙泉村」")),
        Row([null, "2022-06-06", "大桥村", null, "戊某", "相邻纠纷", "没有申请人的一行", "何静", "调解成功", "书面", null, "2022-06-07", null],
            new(Refusal: "缺少申请人")),
        Row([null, "2022-07-07", "回龙坝村", "己某", "庚某", "合同纠纷", "调解成功却没有结案日期的一行", "杨丽", "调解成功", "书面", "100", null, null],
            new(Refusal: "须填写结案日期")),
        Row(["合计", null, null, null, null, null, null, null, null, null, "共20件", null, null], new(Skipped: true)),
        Row(["制表人：王芳", null, null, null, null, null, "审核人：刘洋", null, null, null, "填报日期：2023年1月5日", null, null], new(Skipped: true)),
    ];

    private static SampleRow Row(object?[] cells, Expected expected) => new(cells, expected);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>A date as Excel stores it in a cell formatted as a number: its serial day.</summary>
    private static double Serial(int y, int m, int d) => new DateTime(y, m, d).ToOADate();

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
