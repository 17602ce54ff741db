using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HuilongbaMediation.Web.Features.Reports;

/// <summary>
/// The annual report as a Word document in the layout of a government report: A4, the title in 小标宋 (黑体 when
/// missing) 二号, the text in 仿宋 三号 with a two-character first-line indent, and the two tables with their captions.
/// </summary>
public static class AnnualReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋";
    private const string TableFont = "宋体";

    /// <summary>Column widths in twips: the name and six figures fill the 8844 twips between A4's margins.</summary>
    private const string NameColumnWidth = "2244";
    private const string FigureColumnWidth = "1100";

    public static byte[] Create(AnnualReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(
                [Title(report.Title),
                Text(report.Paragraph),
                .. report.Sections.Select(Text),
                Caption(AnnualReport.VillageTableTitle),
                Table(AnnualReport.VillageHeading, report.Villages),
                Caption(AnnualReport.CategoryTableTitle),
                Table(AnnualReport.CategoryHeading, report.Categories),
                new SectionProperties(
                    new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 })]);
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Title(string text) => new(
        new ParagraphProperties(new SpacingBetweenLines { After = "480" }, new Justification { Val = JustificationValues.Center }),
        Run(text, TitleFont, halfPoints: 44));

    private static Paragraph Text(string text) => new(
        new ParagraphProperties(
            new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { FirstLineChars = 200 },
            new Justification { Val = JustificationValues.Both }),
        Run(text, BodyFont, halfPoints: 32));

    private static Paragraph Caption(string text) => new(
        new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new Justification { Val = JustificationValues.Center }),
        Run(text, TableFont, halfPoints: 24, bold: true));

    private static Table Table(string heading, IReadOnlyList<ReportRow> rows)
    {
        static T Line<T>()
            where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4 };
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())),
            new TableGrid([new GridColumn { Width = NameColumnWidth }, .. AnnualReport.Columns.Select(_ => new GridColumn { Width = FigureColumnWidth })]));
        table.Append(Row([heading, .. AnnualReport.Columns.Select(c => c.Heading)], header: true, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(AnnualReport.Cells(row), header: false, bold: row.IsTotal));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header, bool bold)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var align = header ? JustificationValues.Center : i == 0 ? JustificationValues.Left : JustificationValues.Right;
            row.Append(new TableCell(
                new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                new Paragraph(new ParagraphProperties(new Justification { Val = align }), Run(cells[i], TableFont, halfPoints: 21, bold))));
        }

        return row;
    }

    private static Run Run(string text, string font, int halfPoints, bool bold = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
