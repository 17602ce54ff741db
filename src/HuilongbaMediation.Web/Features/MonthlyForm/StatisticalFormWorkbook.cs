using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HuilongbaMediation.Web.Features.MonthlyForm;

/// <summary>
/// The statistical form as .xlsx in the form's own layout: a title row, a line naming the unit and the period, two
/// header rows (each group of columns merged over its columns; each column's name with its unit, 件/人/万元/%), then a
/// line per village or area and the town total. Written with the Open XML SDK, which merged headers need.
/// </summary>
public static class StatisticalFormWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first row of figures (1-based): title, unit line, two header rows above it.</summary>
    public const int FirstDataRow = 5;

    public static string FileName(StatisticalForm form) =>
        form.Scope == FormScope.Committee ? $"人民调解工作统计表_{form.Period.Code}_按调解组织.xlsx" : $"人民调解工作统计表_{form.Period.Code}.xlsx";

    public static byte[] Create(StatisticalForm form, string unit)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var stylesPart = workbook.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var lastColumn = form.Columns.Count + 1;
            var data = new SheetData();

            data.Append(Row(1, [(1, Text("人民调解工作统计表"), Style.Title)]));
            data.Append(Row(2, [(1, Text($"填报单位：{unit}    统计期间：{form.Period.Label}（{Day(form.Period.From)}至{Day(form.Period.To)}）"), Style.Plain)]));

            var groups = new List<(int First, int Last, string Name)>();
            for (var i = 0; i < form.Columns.Count; i++)
            {
                if (groups.Count > 0 && groups[^1].Name == form.Columns[i].Group)
                {
                    groups[^1] = groups[^1] with { Last = i + 2 };
                }
                else
                {
                    groups.Add((i + 2, i + 2, form.Columns[i].Group));
                }
            }

            List<(int, CellValueSpec, Style)> header1 = [(1, Text(form.Scope == FormScope.Committee ? "调解组织" : "单位"), Style.Header)];
            foreach (var g in groups)
            {
                for (var c = g.First; c <= g.Last; c++)
                {
                    header1.Add((c, Text(c == g.First ? g.Name : ""), Style.Header));
                }
            }

            data.Append(Row(3, header1));
            data.Append(Row(4, [(1, Text(""), Style.Header), .. form.Columns.Select((c, i) => (i + 2, Text($"{c.Label}（{c.Unit}）"), Style.Header))]));

            var r = FirstDataRow;
            foreach (var row in form.Rows)
            {
                var total = row.IsTotal;
                data.Append(Row(r++, [
                    (1, Text(row.Name), total ? Style.TotalName : Style.Name),
                    .. row.Cells.Select((cell, i) => (i + 2, Number(cell.Value, form.Columns[i]), form.Columns[i].Money || form.Columns[i].Rate ? Style.Decimal : Style.Integer)),
                ]));
            }

            var columns = new Columns(
                new Column { Min = 1, Max = 1, Width = 16, CustomWidth = true },
                new Column { Min = 2, Max = (uint)lastColumn, Width = 11, CustomWidth = true });
            var merges = new MergeCells();
            merges.Append(new MergeCell { Reference = $"A1:{Ref(lastColumn)}1" });
            merges.Append(new MergeCell { Reference = $"A2:{Ref(lastColumn)}2" });
            merges.Append(new MergeCell { Reference = "A3:A4" });
            foreach (var g in groups.Where(g => g.Last > g.First))
            {
                merges.Append(new MergeCell { Reference = $"{Ref(g.First)}3:{Ref(g.Last)}3" });
            }

            var views = new SheetViews(new SheetView(new Pane
            {
                HorizontalSplit = 1,
                VerticalSplit = FirstDataRow - 1,
                TopLeftCell = $"B{FirstDataRow}",
                ActivePane = PaneValues.BottomRight,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 });
            sheetPart.Worksheet = new Worksheet(views, new SheetFormatProperties { DefaultRowHeight = 18 }, columns, data, merges);
            var sheets = new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "统计表" });
            if (form.Late is { Count: > 0 } late)
            {
                // 补报: what this month's figures count from closed months, line by line.
                var latePart = workbook.AddNewPart<WorksheetPart>();
                var lateData = new SheetData();
                lateData.Append(Row(1, [(1, Text("案号"), Style.Header), (2, Text("事项"), Style.Header), (3, Text("发生日期"), Style.Header), (4, Text("录入日期"), Style.Header)]));
                for (var i = 0; i < late.Count; i++)
                {
                    lateData.Append(Row(i + 2, [
                        (1, Text(late[i].CaseNumber), Style.Name), (2, Text(late[i].Action), Style.Name),
                        (3, Text(late[i].OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Style.Name),
                        (4, Text(late[i].RecordedAtUtc.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Style.Name),
                    ]));
                }

                latePart.Worksheet = new Worksheet(new Columns(new Column { Min = 1, Max = 4, Width = 28, CustomWidth = true }), lateData);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(latePart), SheetId = 2, Name = "补报明细" });
            }

            workbook.Workbook.AppendChild(sheets);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private enum Style : uint
    {
        Plain = 0,
        Title = 1,
        Header = 2,
        Name = 3,
        TotalName = 4,
        Integer = 5,
        Decimal = 6,
    }

    private sealed record CellValueSpec(string? Text, decimal? Number);

    private static CellValueSpec Text(string text) => new(text, null);

    /// <summary>A figure as a number; a rate without a denominator (—) stays empty.</summary>
    private static CellValueSpec Number(decimal? value, FormColumn column) =>
        new(value is null ? "—" : null, value is { } v ? Math.Round(v, column.Money ? 4 : column.Rate ? 1 : 0) : null);

    private static Row Row(int index, IEnumerable<(int Column, CellValueSpec Value, Style Style)> cells)
    {
        var row = new Row { RowIndex = (uint)index };
        foreach (var (column, value, style) in cells)
        {
            var cell = new Cell { CellReference = $"{Ref(column)}{index}", StyleIndex = (uint)style };
            if (value.Number is { } n)
            {
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value.Text ?? ""));
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>The letters of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string Ref(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(), thin);
        var formats = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0###" }) { Count = 1 };
        CellFormat Format(uint font, uint border, HorizontalAlignmentValues align, uint numberFormat = 0, bool wrap = false) => new(
            new Alignment { Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            FontId = font,
            FillId = 0,
            BorderId = border,
            NumberFormatId = numberFormat,
            ApplyFont = true,
            ApplyBorder = true,
            ApplyAlignment = true,
            ApplyNumberFormat = numberFormat != 0,
        };
        var cellFormats = new CellFormats(
            Format(0, 0, HorizontalAlignmentValues.Left),
            Format(1, 0, HorizontalAlignmentValues.Center),
            Format(2, 1, HorizontalAlignmentValues.Center, wrap: true),
            Format(0, 1, HorizontalAlignmentValues.Left),
            Format(2, 1, HorizontalAlignmentValues.Left),
            Format(0, 1, HorizontalAlignmentValues.Right, 1),
            Format(0, 1, HorizontalAlignmentValues.Right, 164));
        return new Stylesheet(formats, fonts, fills, borders, cellFormats);
    }
}
