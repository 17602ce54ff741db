using System.Globalization;
using HuilongbaMediation.Web.Features.Dashboard;

namespace HuilongbaMediation.Web.Cli;

/// <summary>
/// <c>rebuild-counters</c>: the dashboard's counters made again from the cases and their history (see
/// <see cref="FigureCounterRebuilder"/>), for safety after a repair by hand. Says how many had drifted; exits 0.
/// </summary>
internal sealed class RebuildCountersCommand(TextWriter? output = null) : CliCommand
{
    public override async Task<int> RunAsync(IServiceProvider services)
    {
        var writer = output ?? Console.Out;
        var result = await services.GetRequiredService<FigureCounterRebuilder>().RebuildAsync();
        await writer.WriteLineAsync(result.Differing == 0
            ? $"统计计数已重建：{result.Counters.ToString("N0", CultureInfo.InvariantCulture)} 行，与重建前一致。"
            : $"统计计数已重建：{result.Counters.ToString("N0", CultureInfo.InvariantCulture)} 行；重建前有 {result.Differing.ToString("N0", CultureInfo.InvariantCulture)} 行与案件记录不符，现已更正。");
        return 0;
    }
}
