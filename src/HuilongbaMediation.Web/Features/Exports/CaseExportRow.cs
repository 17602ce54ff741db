using CsvHelper;
using MiniExcelLibs.Attributes;

namespace HuilongbaMediation.Web.Features.Exports;

/// <summary>
/// A row of the case-list export: the columns, in order, with their Chinese headers for both formats (MiniExcel
/// reads <see cref="ExcelColumnAttribute"/>, CsvHelper's source generator <see cref="CsvColumnAttribute"/>).
/// Personal data is masked before it gets here.
/// </summary>
[CsvRecord]
public sealed partial record CaseExportRow
{
    [CsvColumn("案号"), ExcelColumn(Name = "案号", Width = 30)]
    public required string Number { get; init; }

    [CsvColumn("状态"), ExcelColumn(Name = "状态", Width = 12)]
    public required string Status { get; init; }

    [CsvColumn("登记日期"), ExcelColumn(Name = "登记日期", Width = 12)]
    public required string FiledOn { get; init; }

    [CsvColumn("村（社区）"), ExcelColumn(Name = "村（社区）", Width = 14)]
    public required string Village { get; init; }

    [CsvColumn("纠纷类型"), ExcelColumn(Name = "纠纷类型", Width = 22)]
    public required string Category { get; init; }

    [CsvColumn("主办调解员"), ExcelColumn(Name = "主办调解员", Width = 12)]
    public string? LeadMediator { get; init; }

    /// <summary>Each party's role and name, with the 身份证号 and phone masked.</summary>
    [CsvColumn("当事人"), ExcelColumn(Name = "当事人", Width = 60)]
    public required string Parties { get; init; }

    [CsvColumn("纠纷简要情况"), ExcelColumn(Name = "纠纷简要情况", Width = 80)]
    public required string Summary { get; init; }

    [CsvColumn("办结期限"), ExcelColumn(Name = "办结期限", Width = 12)]
    public string? DueOn { get; init; }

    /// <summary>As on the case list: negative when overdue; empty when no mediation deadline runs.</summary>
    [CsvColumn("剩余天数"), ExcelColumn(Name = "剩余天数", Width = 10)]
    public int? DaysLeft { get; init; }

    /// <summary>The stored level, or 高 when an early-warning rule raises the case.</summary>
    [CsvColumn("风险等级"), ExcelColumn(Name = "风险等级", Width = 10)]
    public required string Risk { get; init; }
}
