using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>A row of a sheet as the spreadsheet numbers it (1-based), with its cells from column A on.</summary>
public sealed record LedgerRow(int Number, IReadOnlyList<object?> Cells)
{
    public object? this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : null;

    public bool IsBlank => Cells.All(c => LedgerText.Clean(c) is null);
}

public sealed record LedgerSheet(string Name, IReadOnlyList<LedgerRow> Rows);

/// <summary>A file that is not a ledger the app can read, with the reason in Chinese.</summary>
public sealed class LedgerFileException(string message) : Exception(message);

/// <summary>
/// Reads a ledger file into its sheets and rows, whatever it is: .xlsx (Excel, WPS) by its zip signature, else text as
/// CSV, in UTF-8 (with or without a byte-order mark) when it decodes as strict UTF-8, else in GB18030 (which GBK and
/// GB2312 are subsets of). The format is told by the content, not asked.
/// </summary>
public static class LedgerFile
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static LedgerFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<LedgerSheet> Read(byte[] content, string fileName)
    {
        if (content.Length == 0)
        {
            throw new LedgerFileException("文件是空的");
        }

        if (content.Length > MaxBytes)
        {
            throw new LedgerFileException($"文件超过 {MaxBytes / 1024 / 1024} MB");
        }

        if (content is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return Xlsx(content);
        }

        if (content is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            throw new LedgerFileException("暂不支持 Excel 97-2003（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后导入");
        }

        if (Array.IndexOf(content, (byte)0, 0, Math.Min(content.Length, 4096)) >= 0)
        {
            throw new LedgerFileException("无法识别的文件：请导入 .xlsx 或 .csv 格式的台账");
        }

        return [Csv(Decode(content), Path.GetFileNameWithoutExtension(fileName))];
    }

    /// <summary>The text of a CSV file: strict UTF-8 (a BOM is dropped), else GB18030.</summary>
    public static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..])
        {
            content = content[3..];
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static List<LedgerSheet> Xlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var sheets = new List<LedgerSheet>();
            foreach (var name in stream.GetSheetNames())
            {
                stream.Position = 0;
                var rows = new List<LedgerRow>();
                var number = 0;
                foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX))
                {
                    rows.Add(new LedgerRow(++number, [.. row.Values]));
                }

                sheets.Add(new LedgerSheet(name, rows));
            }

            return sheets;
        }
        catch (Exception ex) when (ex is not LedgerFileException)
        {
            throw new LedgerFileException($"无法读取该 .xlsx 文件（{ex.Message}）：请在 Excel 或 WPS 中打开后重新保存再导入");
        }
    }

    private static LedgerSheet Csv(string text, string name)
    {
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { HasHeader = false, SkipEmptyLines = false, TrimWhitespace = true });
        var rows = new List<LedgerRow>();
        var number = 0;
        while (reader.Read())
        {
            var cells = new object?[reader.Current.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            rows.Add(new LedgerRow(++number, cells));
        }

        return new LedgerSheet(name, rows);
    }
}
