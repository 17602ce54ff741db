using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>
/// 人民调解协议书 as a Word file in the usual official layout: A4, 宋体, the title centred and bold, the case number
/// to the right under it, one heading per part of the agreement, the signature lines, the committee's seal and the
/// date at the bottom right.
/// </summary>
public static class AgreementDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Sizes in half-points: 二号 (22 pt) for the title, 小四 (12 pt) for the text, as on printed forms; an
    // agreement of usual length then fits one page, signatures included.
    private const string TitleSize = "44";
    private const string TextSize = "24";

    // A4 in twentieths of a point, with margins of 2.54 cm top and bottom, 2.8 cm left (binding) and 2.6 cm right.
    private const uint PageWidth = 11906;
    private const uint PageHeight = 16838;

    public static string FileName(string caseNumber) => $"调解协议书-{caseNumber}.docx";

    public static byte[] Create(AgreementSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{AgreementSheet.Title} {sheet.CaseNumber}";
            document.PackageProperties.Creator = "回龙坝镇人民调解委员会";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle { RunFonts = Fonts(), FontSize = new FontSize { Val = TextSize }, Languages = new Languages { Val = "zh-CN", EastAsia = "zh-CN" } }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle { SpacingBetweenLines = new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto } })));

            var body = new Body();
            body.Append(Paragraph(JustificationValues.Center, keepWithNext: true, Text(AgreementSheet.Title, bold: true, size: TitleSize)));
            body.Append(Paragraph(JustificationValues.Right, keepWithNext: true, Text(sheet.CaseNumber)));
            foreach (var section in sheet.Sections)
            {
                body.Append(Paragraph(JustificationValues.Both, keepWithNext: true, Text($"{section.Heading}：", bold: true)));
                body.Append(section.Paragraphs.Select(p => Indented(Text(p))));
            }

            body.Append(Indented(Text(AgreementSheet.Statement)));

            // The signatures, the seal and the date: each kept with the next, so Word never splits them over pages.
            body.Append(Paragraph(JustificationValues.Left, keepWithNext: true));
            body.Append(sheet.Signatures.Select(s => Paragraph(JustificationValues.Left, keepWithNext: true, Text($"{s.Label}："), Blank())));
            body.Append(Paragraph(JustificationValues.Left, keepWithNext: true));
            body.Append(Paragraph(JustificationValues.Right, keepWithNext: true, Text(AgreementSheet.Seal)));
            body.Append(Paragraph(JustificationValues.Right, keepWithNext: false, Text(sheet.Date)));
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>宋体 for Chinese; the same face for Latin letters and digits so that numbers do not change font mid-line.</summary>
    private static RunFonts Fonts() => new() { Ascii = "SimSun", HighAnsi = "SimSun", EastAsia = "宋体", ComplexScript = "SimSun", Hint = FontTypeHintValues.EastAsia };

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

    private static Run Text(string text, bool bold = false, string size = TextSize) => new(
        new RunProperties
        {
            RunFonts = Fonts(),
            Bold = bold ? new Bold() : null,
            FontSize = new FontSize { Val = size },
            FontSizeComplexScript = new FontSizeComplexScript { Val = size },
        },
        new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>The line to sign on: underlined blanks.</summary>
    private static Run Blank() => new(
        new RunProperties { RunFonts = Fonts(), FontSize = new FontSize { Val = TextSize }, Underline = new Underline { Val = UnderlineValues.Single } },
        new Text(new string(' ', 30)) { Space = SpaceProcessingModeValues.Preserve });
}
