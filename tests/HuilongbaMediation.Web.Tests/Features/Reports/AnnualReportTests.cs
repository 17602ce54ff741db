using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Tests.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HuilongbaMediation.Web.Tests.Features.Reports;

/// <summary>The 年度报告 of <see cref="TownScenario"/>'s year: the dashboard's figures in words, in Word and on the command line.</summary>
public sealed class AnnualReportTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private AnnualReportService Reports => _app.Get<AnnualReportService>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        await TownScenario.BuildAsync(_app);
        await _app.SignInAsUserAsync("wangfang");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_year_still_running_is_reported_as_of_today_with_what_is_open_now()
    {
        var today = TestClock.Today;

        var report = (await Reports.GetAsync(today.Year))!;

        Assert.StartsWith($"{today.Year}年（截至{today.Month}月{today.Day}日），全镇共排查调处", report.Paragraph, StringComparison.Ordinal);
        Assert.Contains("目前在办", report.Paragraph, StringComparison.Ordinal);
        Assert.DoesNotContain("年末在办", report.Paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_tells_the_dashboards_figures_for_the_year()
    {
        var stats = (await _app.Get<StatisticsService>().GetAsync(StatisticsPeriod.OfYear(TownScenario.Year)))!;

        var report = (await Reports.GetAsync(TownScenario.Year))!;

        Assert.Equal("回龙坝镇2025年人民调解工作情况", report.Title);
        Assert.StartsWith(
            "2025年，全镇共排查调处各类矛盾纠纷10件，调解成功5件，调解成功率71.4%；依法移交有关部门处理1件，终止调解1件，不予受理1件；年末在办4件，其中移交待审核1件、超期1件。",
            report.Paragraph,
            StringComparison.Ordinal);
        Assert.Contains("达成书面调解协议3件、口头协议2件，涉及金额5.8万元，涉及群众18人；防止民转刑案件3件、涉及14人。", report.Paragraph, StringComparison.Ordinal);
        Assert.Contains("从纠纷类型看，以劳动争议（3件）、邻里纠纷（2件）、婚姻家庭纠纷（1件）居多。", report.Paragraph, StringComparison.Ordinal);
        Assert.Contains("大桥村、物流园片区人民调解员不足3名", report.Paragraph, StringComparison.Ordinal);
        Assert.Equal(stats.Villages.Select(v => v.Figures).Append(stats.Town).Select(Texts), report.Villages.Select(r => Texts(r.Figures)));
        Assert.Equal(stats.Categories.Select(c => Texts(c.Figures)), report.Categories.Select(r => Texts(r.Figures)));
        Assert.Equal(["五云山村", "3", "4", "0", "0", "0", "100.0%"], AnnualReport.Cells(report.Villages.Single(r => r.Name == "五云山村")));
        Assert.Equal(["全镇合计", "10", "5", "1", "1", "1", "71.4%"], AnnualReport.Cells(report.Villages[^1]));
        Assert.Equal(["劳动争议（合计）", "3", "2", "0", "0", "0", "100.0%"], AnnualReport.Cells(report.Categories.Single(r => r.Name.StartsWith("劳动争议（", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task The_Word_document_is_valid_and_holds_the_paragraph_and_both_tables()
    {
        var report = (await Reports.GetAsync(TownScenario.Year))!;

        using var stream = new MemoryStream(AnnualReportDocument.Create(report));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == report.Paragraph);
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(report.Villages.Count + 1, tables[0].Elements<TableRow>().Count());
        Assert.Equal(report.Categories.Count + 1, tables[1].Elements<TableRow>().Count());
        Assert.Equal(AnnualReport.Cells(report.Villages[^1]), tables[0].Elements<TableRow>().Last().Elements<TableCell>().Select(c => c.InnerText));
    }

    [Fact]
    public async Task The_report_annual_command_prints_the_same_report_as_Markdown()
    {
        var report = (await Reports.GetAsync(TownScenario.Year))!;
        var command = Assert.IsType<AnnualReportCommand>(CliCommand.Parse(["report", "annual", "--year", "2025"]));
        var output = new StringWriter();
        var original = Console.Out;

        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = await command.RunAsync(_app.Get<IServiceProvider>());
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, exitCode);
        var printed = output.ToString();
        Assert.Contains(report.ToMarkdown(), printed, StringComparison.Ordinal);
        Assert.Contains(report.Paragraph, printed, StringComparison.Ordinal);
        Assert.Contains("| 五云山村 | 3 | 4 | 0 | 0 | 0 | 100.0% |", printed, StringComparison.Ordinal);
        Assert.Contains("| 全镇合计 | 10 | 5 | 1 | 1 | 1 | 71.4% |", printed, StringComparison.Ordinal);
        Assert.Contains("| 劳动争议（合计） | 3 | 2 | 0 | 0 | 0 | 100.0% |", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "annual")]
    [InlineData("report", "annual", "--year", "twenty")]
    [InlineData("report", "monthly", "--year", "2025")]
    public async Task A_report_command_without_a_year_prints_its_usage(params string[] args)
    {
        var command = CliCommand.Parse(args);

        Assert.IsNotType<AnnualReportCommand>(command);
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await command!.RunAsync(_app.Get<IServiceProvider>()));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("report annual --year", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("liqiang")]
    [InlineData("zhangmin")]
    public async Task Village_heads_and_mediators_get_no_report(string userName)
    {
        await _app.SignInAsUserAsync(userName);

        Assert.Null(await Reports.GetAsync(TownScenario.Year));
        Assert.IsType<ForbidHttpResult>(await DocxAsync());
    }

    [Fact]
    public async Task Admins_download_the_report_as_a_docx()
    {
        await _app.SignInAsUserAsync("admin");

        var file = Assert.IsType<FileContentHttpResult>(await DocxAsync());

        Assert.Equal(("回龙坝镇2025年人民调解工作情况.docx", AnnualReportDocument.ContentType), (file.FileDownloadName, file.ContentType));
    }

    /// <summary>Every figure as the page writes it.</summary>
    private static string Texts(Figures figures) => string.Join(" ", FigureColumns.All.Select(c => c.Cell(figures).Text));

    private async Task<IResult> DocxAsync()
    {
        await using var scope = _app.NewScope();
        var http = new DefaultHttpContext { User = (await _app.Auth.GetAuthenticationStateAsync()).User };
        http.Request.QueryString = new QueryString("?year=2025");
        return await ReportsRegistration.AnnualReportAsync(http, scope.Get<AnnualReportService>(), scope.Get<TimeProvider>(), scope.Get<SecurityLogWriter>());
    }
}
