using System.Globalization;
using CsvHelper;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>The .xlsx and .csv exports, read back with MiniExcel and CsvHelper, against the figures the page shows.</summary>
public sealed class DashboardExportTests : IAsyncLifetime
{
    private static readonly StatisticsPeriod Year2025 = StatisticsPeriod.OfYear(TownScenario.Year);

    private TestApp _app = default!;

    private IStringLocalizer<DashboardText> Text => _app.Get<IStringLocalizer<DashboardText>>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        await TownScenario.BuildAsync(_app);
        await _app.SignInAsUserAsync("wangfang");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_xlsx_reads_back_as_the_figures_on_the_page()
    {
        var stats = (await _app.Get<StatisticsService>().GetAsync(Year2025))!;

        using var stream = new MemoryStream(DashboardExport.Xlsx(stats, Text));

        Assert.Equal([Text["Dashboard.Villages"].Value, Text["Dashboard.Categories"].Value, Text["Dashboard.Committees"].Value, Text["Dashboard.Trend"].Value], MiniExcel.GetSheetNames(stream));
        var villages = Sheet(stream, Text["Dashboard.Villages"]);
        Assert.Equal(stats.Villages.Count + 1, villages.Count);
        foreach (var (row, figures, name) in villages.Zip(stats.Villages.Select(v => v.Figures).Append(stats.Town), stats.Villages.Select(v => v.Name).Append(Text["Dashboard.Town"])))
        {
            Assert.Equal(name, row[Text["Dashboard.Name"]]);
            AssertFigures(figures, column => row[Text[column.Key]]);
        }

        Assert.Equal(2d, villages.Single(r => (string)r[Text["Dashboard.Name"]]! == "大桥村")[Text["Dashboard.Mediators"]]);
        Assert.Equal(Text["Dashboard.Yes"].Value, villages.Single(r => (string)r[Text["Dashboard.Name"]]! == "大桥村")[Text["Dashboard.BelowMinimum"]]);
        var categories = Sheet(stream, Text["Dashboard.Categories"]);
        Assert.Equal(stats.Categories.Count, categories.Count);
        foreach (var (row, category) in categories.Zip(stats.Categories))
        {
            Assert.Equal(DashboardExport.CategoryName(category, Text), row[Text["Dashboard.Name"]]);
            AssertFigures(category.Figures, column => row[Text[column.Key]]);
        }

        var committees = Sheet(stream, Text["Dashboard.Committees"]);
        Assert.NotEmpty(stats.Committees);
        Assert.Equal(stats.Committees.Select(c => c.Name), committees.Select(r => (string)r[Text["Dashboard.Name"]]!));
        foreach (var (row, committee) in committees.Zip(stats.Committees))
        {
            AssertFigures(committee.Figures, column => row[Text[column.Key]]);
        }

        var trend = Sheet(stream, Text["Dashboard.Trend"]);
        Assert.Equal(stats.Trend.Select(m => (double)m.Filed.Value), trend.Select(r => (double)r[Text["Figure.Filed"]]!));
        Assert.Equal(stats.Trend.Select(m => (double)m.Resolved.Value), trend.Select(r => (double)r[Text["Figure.Resolved"]]!));
    }

    [Fact]
    public async Task The_csv_starts_with_the_UTF8_byte_order_mark_and_reads_back_as_the_figures_on_the_page()
    {
        var stats = (await _app.Get<StatisticsService>().GetAsync(Year2025))!;

        var bytes = DashboardExport.Csv(stats, Text);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ReadCsv(bytes);
        var expected = stats.Villages.Select(v => (Text["Dashboard.Villages"].Value, v.Name, v.Figures))
            .Append((Text["Dashboard.Villages"].Value, Text["Dashboard.Town"].Value, stats.Town))
            .Concat(stats.Categories.Select(c => (Text["Dashboard.Categories"].Value, DashboardExport.CategoryName(c, Text), c.Figures)))
            .ToList();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (row, (table, name, figures)) in rows.Zip(expected))
        {
            Assert.Equal((table, name), (row[Text["Dashboard.Table"]], row[Text["Dashboard.Name"]]));
            AssertFigures(figures, column => row[Text[column.Key]]);
        }
    }

    [Fact]
    public async Task A_village_heads_export_holds_their_village_and_the_town_total()
    {
        await _app.SignInAsUserAsync("liqiang");

        var result = await ExportAsync("?year=2025", xlsx: false);

        var rows = ReadCsv(Assert.IsType<FileContentHttpResult>(result).FileContents.ToArray());
        Assert.Equal(["五云山村", Text["Dashboard.Town"].Value], rows.Where(r => r[Text["Dashboard.Table"]] == Text["Dashboard.Villages"]).Select(r => r[Text["Dashboard.Name"]]));
        Assert.Equal("4", rows.First()[Text["Figure.Resolved"]]);
    }

    [Fact]
    public async Task A_mediator_is_refused_and_a_reversed_range_is_a_bad_request()
    {
        await _app.SignInAsUserAsync("zhangmin");
        Assert.IsType<ForbidHttpResult>(await ExportAsync("?year=2025", xlsx: true));

        await _app.SignInAsUserAsync("wangfang");
        Assert.IsType<BadRequest<string>>(await ExportAsync("?from=2025-06-01&to=2025-01-01", xlsx: true));
        var range = Assert.IsType<FileContentHttpResult>(await ExportAsync("?from=2025-01-01&to=2025-06-30", xlsx: true));
        Assert.EndsWith("_2025-01-01_2025-06-30.xlsx", range.FileDownloadName, StringComparison.Ordinal);
    }

    /// <summary>Each exported figure is the page's: counts and amounts as numbers, rates and averages as the text shown.</summary>
    private static void AssertFigures(Figures figures, Func<FigureColumn, object?> exported)
    {
        foreach (var column in FigureColumns.All)
        {
            var cell = column.Cell(figures);
            var value = exported(column);
            if (cell.Value is string text)
            {
                Assert.Equal(text, value);
            }
            else
            {
                Assert.Equal(Convert.ToDecimal(cell.Value, CultureInfo.InvariantCulture), Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            }
        }
    }

    private static List<IDictionary<string, object?>> Sheet(Stream stream, string name) =>
        [.. stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return rows;
    }

    private async Task<IResult> ExportAsync(string query, bool xlsx)
    {
        await using var scope = _app.NewScope();
        var http = new DefaultHttpContext { User = (await _app.Auth.GetAuthenticationStateAsync()).User };
        http.Request.QueryString = new QueryString(query);
        return await DashboardEndpoints.DashboardExportAsync(http, scope.Get<StatisticsService>(), Text, scope.Get<TimeProvider>(), scope.Get<SecurityLogWriter>(), xlsx);
    }
}
