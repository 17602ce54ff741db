using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Import;

/// <summary><c>import &lt;file&gt;</c> on the command line, over the app's services and a real SQLite file.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private TempFolder _folder = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _folder = new TempFolder();
    }

    public async Task DisposeAsync()
    {
        await _folder.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task It_imports_as_the_named_user_and_prints_what_became_of_each_row()
    {
        var file = Path.Combine(_folder.Path, SampleLedgers.TownFile);
        await File.WriteAllBytesAsync(file, SampleLedgers.Town());

        var (code, output, error) = await RunAsync("import", file, "--user", "wangfang");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("已导入：16 件", output, StringComparison.Ordinal);
        Assert.Contains("已存在：0 行", output, StringComparison.Ordinal);
        Assert.Contains("已跳过：3 行", output, StringComparison.Ordinal);
        Assert.Contains("未导入：4 行", output, StringComparison.Ordinal);
        Assert.Contains("第21行：无法识别的日期「2022-13-45」", output, StringComparison.Ordinal);
        await using var db = await _app.DbAsync();
        Assert.All(await db.CaseHistory.AsNoTracking().ToListAsync(), h => Assert.Equal("王芳", h.ActorName));

        var again = await RunAsync("import", file);
        Assert.Equal(0, again.Code);
        Assert.Contains("已导入：0 件", again.Output, StringComparison.Ordinal);
        Assert.Contains("已存在：16 行", again.Output, StringComparison.Ordinal);
        Assert.Contains("以 刘洋 的名义导入", again.Output, StringComparison.Ordinal); // the first administrator, when no user is named
    }

    [Fact]
    public async Task It_exits_non_zero_when_nothing_can_be_read()
    {
        var notALedger = Path.Combine(_folder.Path, "名单.csv");
        await File.WriteAllTextAsync(notALedger, "姓名\n张三\n");

        var missing = await RunAsync("import", Path.Combine(_folder.Path, "没有这个文件.xlsx"));
        var unreadable = await RunAsync("import", notALedger);
        var mediator = await RunAsync("import", notALedger, "--user", "zhangmin");

        Assert.Equal((1, 1, 2), (missing.Code, unreadable.Code, mediator.Code));
        Assert.Contains("找不到文件", missing.Error, StringComparison.Ordinal);
        Assert.Contains("未找到表头行", unreadable.Error, StringComparison.Ordinal);
        Assert.Contains("不是司法所或系统管理员", mediator.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "a.xlsx", "--sheet")]
    [InlineData("import", "a.xlsx", "--colour", "red")]
    public void Wrong_options_print_the_usage(params string[] args) =>
        Assert.IsNotType<ImportCommand>(CliCommand.Parse(args));

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var command = Assert.IsType<ImportCommand>(CliCommand.Parse(args));
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await command.WithConsole(output, error).RunAsync(_app.Get<IServiceProvider>());
        return (code, output.ToString(), error.ToString());
    }
}
