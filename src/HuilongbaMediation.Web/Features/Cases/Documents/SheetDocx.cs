using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>
/// The one Word writer of the official forms: A4, 宋体 for text and headings, 仿宋 for what was filled in, the title centred
/// and bold in 二号, the number line to the right, ruled tables for the form fields, the signature lines, the seal and the
/// date at the bottom right. Several sheets (the 司法确认 bundle) go into one file, each starting on a new page.
/// </summary>
public static class SheetDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Sizes in half-points: 二号 (22 pt) for the title, 小四 (12 pt) for the text, as on printed forms.
    private const string TitleSize = "44";
    private const string TextSize = "24";

    // A4 in twentieths of a point, with margins of 2.54 cm top and bottom, 2.8 cm left (binding) and 2.6 cm right.
    private const uint PageWidth = 11906;
    private const uint PageHeight = 16838;
    private const int TextWidth = 11906 - 1588 - 1474;

    public static string FileName(Sheet sheet, string caseNumber) => $"{sheet.Title}-{caseNumber}.docx";

    public static byte[] Create(IReadOnlyList<Sheet> sheets, string committee)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = string.Join("、", sheets.Select(s => s.Title).Distinct());
            document.PackageProperties.Creator = committee;
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle { RunFonts = Song(), FontSize = new FontSize { Val = TextSize }, Languages = new Languages { Val = "zh-CN", EastAsia = "zh-CN" } }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle { SpacingBetweenLines = new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto } })));

            var body = new Body();
            for (var i = 0; i < sheets.Count; i++)
            {
                Write(body, sheets[i], newPage: i > 0);
            }

            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static void Write(Body body, Sheet sheet, bool newPage)
    {
        var title = Paragraph(JustificationValues.Center, keepWithNext: true, Text(sheet.Title, bold: true, size: TitleSize));
        if (newPage)
        {
            title.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        }

        body.Append(title);
        if (sheet.Copy is { } copy)
        {
            body.Append(Paragraph(JustificationValues.Center, keepWithNext: true, Text($"（{copy}）", bold: true)));
        }

        if (sheet.Number is { } number)
        {
            body.Append(Paragraph(JustificationValues.Right, keepWithNext: true, Text(number)));
        }

        foreach (var block in sheet.Blocks)
        {
            switch (block)
            {
                case SheetHeading h:
                    body.Append(Paragraph(JustificationValues.Both, keepWithNext: true, Text(h.Text, bold: true)));
                    break;
                case SheetParagraph p:
                    body.Append(Indented(Text(p.Text, filled: true)));
                    break;
                case SheetFields f:
                    body.Append(Table([TextWidth / 4, TextWidth - TextWidth / 4], null, f.Rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Value])));
                    body.Append(Paragraph(JustificationValues.Left, keepWithNext: false));
                    break;
                case SheetTable t:
                    var width = TextWidth / t.Columns.Count;
                    body.Append(Table([.. t.Columns.Select(_ => width)], t.Columns, t.Rows));
                    body.Append(Paragraph(JustificationValues.Left, keepWithNext: false));
                    break;
                case SheetSignatures s:
                    // Kept with the next paragraph, so Word never splits the signatures, the seal and the date over pages.
                    body.Append(Paragraph(JustificationValues.Left, keepWithNext: true));
                    body.Append(s.Labels.Select(l => Paragraph(JustificationValues.Left, keepWithNext: true, Text($"{l}："), Blank())));
                    break;
                case SheetRight r:
                    body.Append(Paragraph(JustificationValues.Right, keepWithNext: true, Text(r.Text)));
                    break;
            }
        }
    }

    /// <summary>宋体 for the printed form; the same face for Latin letters and digits so numbers do not change font mid-line.</summary>
    private static RunFonts Song() => new() { Ascii = "SimSun", HighAnsi = "SimSun", EastAsia = "宋体", ComplexScript = "SimSun", Hint = FontTypeHintValues.EastAsia };

    /// <summary>仿宋 for what was filled in.</summary>
    private static RunFonts FangSong() => new() { Ascii = "FangSong", HighAnsi = "FangSong", EastAsia = "仿宋", ComplexScript = "FangSong", Hint = FontTypeHintValues.EastAsia };

    private static Paragraph Paragraph(JustificationValues justification, bool keepWithNext, params Run[] runs) =>
        new(runs.Prepend<OpenXmlElement>(new ParagraphProperties
        {
            KeepNext = keepWithNext ? new KeepNext() : null,
            Justification = new Justification { Val = justification },
        }));

    /// <summary>Body text: justified, the first line indented by two characters.</summary>
    private static Paragraph Indented(Run run) => new(
        new ParagraphProperties
        {
            Indentation = new Indentation { FirstLineChars = 200, FirstLine = "480" },
            Justification = new Justification { Val = JustificationValues.Both },
        },
        run);

    private static Table Table(IReadOnlyList<int> widths, IReadOnlyList<string>? headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        static BorderType Line<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Color = "000000" };
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        if (headings is not null)
        {
            table.Append(Row(widths, headings, bold: true, header: true));
        }

        foreach (var row in rows)
        {
            table.Append(Row(widths, row, bold: false, header: false));
        }

        return table;
    }

    /// <summary>A table row; without headings the first cell is the label (宋体) and the rest what was filled in (仿宋).</summary>
    private static TableRow Row(IReadOnlyList<int> widths, IReadOnlyList<string> cells, bool bold, bool header)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader()); // repeated on each page the table runs over
        }

        var row = new TableRow(properties);
        for (var i = 0; i < cells.Count; i++)
        {
            var lines = cells[i].Split('\n');
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(lines.Select(l => Paragraph(JustificationValues.Left, keepWithNext: false, Text(l, bold: bold, filled: !header && i > 0))));
            row.Append(cell);
        }

        return row;
    }

    private static Run Text(string text, bool bold = false, string size = TextSize, bool filled = false) => new(
        new RunProperties
        {
            RunFonts = filled ? FangSong() : Song(),
            Bold = bold ? new Bold() : null,
            FontSize = new FontSize { Val = size },
            FontSizeComplexScript = new FontSizeComplexScript { Val = size },
        },
        new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>The line to sign on: underlined blanks.</summary>
    private static Run Blank() => new(
        new RunProperties { RunFonts = Song(), FontSize = new FontSize { Val = TextSize }, Underline = new Underline { Val = UnderlineValues.Single } },
        new Text(new string(' ', 30)) { Space = SpaceProcessingModeValues.Preserve });
}
