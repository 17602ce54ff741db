using System.Globalization;
using System.Text;
using HuilongbaMediation.Web.Features.Dashboard;

namespace HuilongbaMediation.Web.Features.Reports;

/// <summary>A row of a report table: a village or a category, or a total (the town's, 劳动争议's), with its figures.</summary>
public sealed record ReportRow(string Name, Figures Figures, bool IsTotal = false);

/// <summary>
/// 年度报告: the people's-mediation part of the town's yearly rule-of-law report (法治政府建设年度报告) — a paragraph
/// and two tables, by village and by category — written from the dashboard's figures for the year, so the two never
/// disagree. The report is a Chinese document whatever the language of the page that shows it.
/// </summary>
public sealed record AnnualReport(int Year, string Title, string Paragraph, IReadOnlyList<ReportRow> Villages, IReadOnlyList<ReportRow> Categories)
{
    public const string VillageTableTitle = "表1　各村（社区）、片区矛盾纠纷调解情况";
    public const string CategoryTableTitle = "表2　各类矛盾纠纷调解情况";

    /// <summary>The columns of both tables, after the name.</summary>
    public static readonly IReadOnlyList<(string Heading, FigureColumn Column)> Columns =
    [
        ("登记（件）", FigureColumns.Filed),
        ("调解成功（件）", FigureColumns.Resolved),
        ("移交（件）", FigureColumns.Referred),
        ("终止（件）", FigureColumns.Terminated),
        ("不予受理（件）", FigureColumns.Declined),
        ("调解成功率", FigureColumns.SuccessRate),
    ];

    /// <summary>The paragraphs after the overview (<see cref="AnnualReportSentences"/>): sources, venues, sweeps, 履行, trainings, 无诉讼村, 同比.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>The whole text, as copied: the overview and every paragraph after it, a line each.</summary>
    public string Text => string.Join("\n", [Paragraph, .. Sections]);

    public const string VillageHeading = "村（社区）、片区";
    public const string CategoryHeading = "纠纷类型";

    /// <summary>The report of a year from the town's statistics of that year.</summary>
    /// <param name="online">The year's sentence on the online applications (和顺云茶馆), when any came.</param>
    public static AnnualReport From(Statistics statistics, string? online = null)
    {
        var year = statistics.Period.Year ?? throw new ArgumentException("An annual report covers a calendar year.", nameof(statistics));
        return new AnnualReport(
            year,
            $"回龙坝镇{year}年人民调解工作情况",
            Write(year, statistics, online),
            [.. statistics.Villages.Select(v => new ReportRow(v.Name, v.Figures)), new ReportRow("全镇合计", statistics.Town, IsTotal: true)],
            [.. statistics.Categories.Select(c => c.IsGroupTotal ? new ReportRow($"{c.Name}（合计）", c.Figures, IsTotal: true) : new ReportRow(c.Name, c.Figures))]);
    }

    public static IReadOnlyList<string> Cells(ReportRow row) => [row.Name, .. Columns.Select(c => c.Column.Cell(row.Figures).Text)];

    /// <summary>The paragraph and the two tables as Markdown, for the command line.</summary>
    public string ToMarkdown()
    {
        var markdown = new StringBuilder();
        markdown.Append("## ").AppendLine(Title).AppendLine().AppendLine(Paragraph).AppendLine();
        foreach (var section in Sections)
        {
            markdown.AppendLine(section).AppendLine();
        }

        Table(markdown, VillageTableTitle, VillageHeading, Villages);
        Table(markdown, CategoryTableTitle, CategoryHeading, Categories);
        return markdown.ToString();
    }

    private static void Table(StringBuilder markdown, string title, string heading, IReadOnlyList<ReportRow> rows)
    {
        markdown.Append("**").Append(title).AppendLine("**").AppendLine();
        markdown.Append("| ").Append(heading).Append(" | ").AppendJoin(" | ", Columns.Select(c => c.Heading)).AppendLine(" |");
        markdown.Append("| --- |").AppendJoin("", Columns.Select(_ => " ---: |")).AppendLine();
        foreach (var row in rows)
        {
            markdown.Append("| ").AppendJoin(" | ", Cells(row)).AppendLine(" |");
        }

        markdown.AppendLine();
    }

    /// <summary>As such reports write money: 563.12万元 from ten thousand yuan up, else yuan.</summary>
    private static string Amount(decimal yuan) =>
        yuan >= 10_000m
            ? string.Create(CultureInfo.InvariantCulture, $"{decimal.Round(yuan / 10_000m, 2):0.##}万元")
            : string.Create(CultureInfo.InvariantCulture, $"{yuan:0.##}元");

    private static string Write(int year, Statistics statistics, string? online)
    {
        var t = statistics.Town;
        var text = new StringBuilder();
        // A year still running is reported "as of" today, and what is open is open now, not at the year's end.
        var running = statistics.Today < statistics.Period.To;
        var asOf = running ? $"（截至{statistics.Today.Month}月{statistics.Today.Day}日）" : "";
        text.Append(CultureInfo.InvariantCulture, $"{year}年{asOf}，全镇共排查调处各类矛盾纠纷{t.Filed.Value}件，调解成功{t.Resolved.Value}件");
        if (t.SuccessRate.Value is not null)
        {
            text.Append("，调解成功率").Append(FigureFormat.Rate(t.SuccessRate.Value));
        }

        text.Append(CultureInfo.InvariantCulture, $"；依法移交有关部门处理{t.Referred.Value}件，终止调解{t.Terminated.Value}件，不予受理{t.Declined.Value}件；");
        text.Append(CultureInfo.InvariantCulture, $"{(running ? "目前" : "年末")}在办{t.InMediation.Value}件，其中移交待审核{t.PendingReview.Value}件、超期{t.Overdue.Value}件。");
        text.Append(CultureInfo.InvariantCulture, $"调解成功的纠纷中，达成书面调解协议{t.WrittenAgreements.Value}件、口头协议{t.OralAgreements.Value}件，");
        text.Append(CultureInfo.InvariantCulture, $"涉及金额{Amount(t.AmountResolved.Value)}，涉及群众{t.PeopleResolved.Value}人；");
        text.Append(CultureInfo.InvariantCulture, $"防止民转刑案件{t.PreventedCriminalCases.Value}件、涉及{t.PreventedCriminalPeople.Value}人。");

        // The largest categories, the two 劳动争议 rows counted as one.
        var largest = statistics.Categories
            .Where(c => c.Group is null || c.IsGroupTotal)
            .Where(c => c.Figures.Filed.Value > 0)
            .OrderByDescending(c => c.Figures.Filed.Value)
            .Take(3)
            .Select(c => $"{Disputes(c.Name)}（{c.Figures.Filed.Value}件）")
            .ToList();
        if (largest.Count > 0)
        {
            text.Append("从纠纷类型看，以").AppendJoin("、", largest).Append("居多。");
        }

        var shortStaffed = statistics.Villages.Where(v => v.BelowMinimum).Select(v => v.Name).ToList();
        if (shortStaffed.Count > 0)
        {
            text.AppendJoin("、", shortStaffed).Append("人民调解员不足3名，调解队伍有待充实。");
        }

        text.Append(online);
        text.Append("各村（社区）、片区及各类矛盾纠纷调解情况见表1、表2。");
        return text.ToString();
    }

    /// <summary>"邻里" → "邻里纠纷"; names that already say what they are (劳动争议) stay.</summary>
    private static string Disputes(string category) => category switch
    {
        "其他" => "其他纠纷",
        _ when category.EndsWith("纠纷", StringComparison.Ordinal) || category.EndsWith("争议", StringComparison.Ordinal) => category,
        _ => category + "纠纷",
    };
}
