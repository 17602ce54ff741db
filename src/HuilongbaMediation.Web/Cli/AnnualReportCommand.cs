using HuilongbaMediation.Web.Features.Reports;

namespace HuilongbaMediation.Web.Cli;

/// <summary>
/// <c>report annual --year 2025</c>: the year's 年度报告 (the paragraph and the two tables) as Markdown on standard
/// output. There is no signed-in user on the command line: it reports the whole town.
/// </summary>
internal sealed class AnnualReportCommand(int year) : CliCommand
{
    public const string Usage = "用法：report annual --year <年份>，例如 report annual --year 2025";

    public override async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AnnualReportService>().GetTownAsync(year);
        await Console.Out.WriteAsync(report.ToMarkdown());
        return 0;
    }

    /// <summary>The command for <c>--year N</c>, or the usage when the year is missing or not a year.</summary>
    public static CliCommand FromOptions(string[] options) => options switch
    {
        ["--year", var y] when int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && year is >= AnnualReportService.FirstYear and <= AnnualReportService.LastYear => new AnnualReportCommand(year),
        _ => new UsageCommand(Usage),
    };
}
