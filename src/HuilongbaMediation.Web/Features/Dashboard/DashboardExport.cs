using System.Globalization;
using CsvHelper;
using HuilongbaMediation.Web.Resources;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// The dashboard's tables as files: .xlsx (a sheet per table: villages with the town total, categories, months) and
/// .csv (UTF-8 with a byte-order mark so that Excel reads the Chinese; villages and categories in one table, told
/// apart by its first column). Every figure column of <see cref="FigureColumns.All"/>, valued as on the page.
/// </summary>
public static class DashboardExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static string CategoryName(CategoryRow row, IStringLocalizer<DashboardText> text) =>
        row.IsGroupTotal ? string.Format(CultureInfo.CurrentCulture, text["Dashboard.GroupTotal"], row.Name) : row.Name;

    public static byte[] Xlsx(Statistics statistics, IStringLocalizer<DashboardText> text)
    {
        var sheets = Tables(statistics, text).ToDictionary(
            t => t.Title,
            t => (object)t.Rows.Select(row => t.Columns.Zip(row).ToDictionary(c => c.First, c => c.Second)).ToList());
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>The village and category tables in one: the first column names the table.</summary>
    public static byte[] Csv(Statistics statistics, IStringLocalizer<DashboardText> text)
    {
        var tables = Tables(statistics, text);
        var (villages, categories) = (tables[0], tables[1]);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            Write(csv, [text["Dashboard.Table"], .. villages.Columns]);
            foreach (var row in villages.Rows)
            {
                Write(csv, [villages.Title, .. row]);
            }

            foreach (var row in categories.Rows)
            {
                Write(csv, [categories.Title, row[0], null, null, .. row.Skip(1)]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The tables as the exports write them: villages with the town total, categories, committees, months.</summary>
    private static IReadOnlyList<ExportTable> Tables(Statistics statistics, IStringLocalizer<DashboardText> text)
    {
        var figures = FigureColumns.All.Select(c => text[c.Key].Value).ToList();
        object?[] Values(Figures f) => [.. FigureColumns.All.Select(c => c.Cell(f).Value)];
        var villages = new ExportTable(
            text["Dashboard.Villages"],
            [text["Dashboard.Name"], text["Dashboard.Mediators"], text["Dashboard.BelowMinimum"], .. figures],
            [
                .. statistics.Villages.Select(v => (IReadOnlyList<object?>)[v.Name, v.ActiveMediators, v.BelowMinimum ? text["Dashboard.Yes"].Value : "", .. Values(v.Figures)]),
                [text["Dashboard.Town"].Value, null, null, .. Values(statistics.Town)],
            ]);
        var categories = new ExportTable(
            text["Dashboard.Categories"],
            [text["Dashboard.Name"], .. figures],
            [.. statistics.Categories.Select(c => (IReadOnlyList<object?>)[CategoryName(c, text), .. Values(c.Figures)])]);
        var committees = new ExportTable(
            text["Dashboard.Committees"],
            [text["Dashboard.Name"], .. figures],
            [.. statistics.Committees.Select(c => (IReadOnlyList<object?>)[c.Name, .. Values(c.Figures)])]);
        var trend = new ExportTable(
            text["Dashboard.Trend"],
            [text["Dashboard.Month"], text[FigureColumns.Filed.Key], text[FigureColumns.Resolved.Key], text[FigureColumns.Referred.Key]],
            [.. statistics.Trend.Select(m => (IReadOnlyList<object?>)[m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Filed.Value, m.Resolved.Value, m.Referred.Value])]);
        return [villages, categories, committees, trend];
    }

    private static void Write(CsvWriter csv, IEnumerable<object?> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field switch
            {
                decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => field?.ToString() ?? "",
            });
        }

        csv.EndRecord();
    }

    /// <summary>A table as the exports write it: a title, the column headings, and the rows' values.</summary>
    private sealed record ExportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
}
