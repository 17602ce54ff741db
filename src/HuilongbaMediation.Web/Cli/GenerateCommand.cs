using System.Globalization;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HuilongbaMediation.Web.Cli;

/// <summary>
/// <c>generate --cases N [--years Y]</c>: fills the configured database with N synthetic cases filed over the Y years
/// (default 3) up to today, with a progress bar (<see cref="DemoCaseGenerator.GenerateSpanAsync"/>). Synthetic cases are
/// demo data: the command runs only in demo mode (<c>Demo__Enabled=true</c>), on a demo database or an empty one (no
/// users, no cases), which it marks and gives the demo users as demo mode would. It refuses a database that already has
/// cases: the numbers of a second load would not follow the first's in filing order. Exits 2 on a usage error, 1 when
/// the database is refused, 0 when the town is written.
/// </summary>
internal sealed class GenerateCommand(int cases, int years, TextWriter? output = null, TextWriter? error = null) : CliCommand
{
    public const string Usage = "用法：generate --cases <案件数> [--years <年数，默认 3>]（仅演示模式：Demo__Enabled=true）";

    public const int MaxCases = 10_000_000;

    public const int MaxYears = 30;

    private readonly TextWriter _error = error ?? Console.Error;

    public override async Task<int> RunAsync(IServiceProvider services)
    {
        var console = ConsoleOver(output);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (!provider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await _error.WriteLineAsync("generate 生成的是演示数据，只在演示模式下运行：请设置环境变量 Demo__Enabled=true，并用一个新的数据库文件（ConnectionStrings__Default）。");
            return 1;
        }

        // The whole load holds the data folder, as the serving app does: the app cannot serve (and write around the dropped
        // triggers) a town half loaded, and a load stopped half-way is known to be dead to whoever next holds the folder.
        var engine = provider.GetRequiredService<DatabaseEngine>();
        using var folderLock = engine.LocksDataFolder ? DataFolderLock.TryAcquire(engine.DataFolder) : null;
        if (engine.LocksDataFolder && folderLock is null)
        {
            await _error.WriteLineAsync($"数据目录 {engine.DataFolder} 正被运行中的系统（或另一个命令）占用：请先停止它，再生成。");
            return 1;
        }

        var db = provider.GetRequiredService<AppDbContext>();
        if (engine.LocksDataFolder && await SqliteBulkLoad.UndoUnfinishedAsync(db) is { } undone)
        {
            console.WriteLine($"上次生成在载入中途停止：已删除它载入的 {undone:N0} 件案件，并重建索引、搜索索引和统计计数。");
        }

        if (await db.Cases.AnyAsync())
        {
            await _error.WriteLineAsync("数据库中已有案件：generate 只填充没有案件的数据库（案号按立案先后逐年编排）。请用一个新的数据库文件（ConnectionStrings__Default）。");
            return 1;
        }

        // The demo users act in the stories. An empty database is made a demo database here, as demo mode does when it creates one.
        var empty = !await db.Users.AnyAsync();
        var seeder = new DemoSeeder(db, provider.GetRequiredService<UserManager<AppUser>>(), provider.GetRequiredService<DemoCaseGenerator>(),
            Options.Create(new DemoOptions { Enabled = true, Cases = false }), provider.GetRequiredService<TimeProvider>());
        await seeder.SeedAsync(createdNow: empty);

        var generator = provider.GetRequiredService<DemoCaseGenerator>();
        var written = 0;
        try
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"生成 {cases:N0} 件案件（{years} 年）", maxValue: cases);
                    ProgressTask? indexing = null;
                    written = await generator.GenerateSpanAsync(cases, years, done => task.Value = done, () =>
                    {
                        task.Value = task.MaxValue;
                        indexing = context.AddTask("建立索引、搜索索引和统计计数").IsIndeterminate();
                    });
                    task.Value = task.MaxValue;
                    indexing?.StopTask();
                });
        }
        catch (Exception ex) when (ex is InvalidOperationException or AggregateException)
        {
            // A story the workflow refused (thrown from the cores that build, so wrapped) is a bug of the generator's:
            // said in one line, with nothing left half-loaded.
            var reason = ex is AggregateException { InnerException: { } inner } ? inner.Message : ex.Message;
            await _error.WriteLineAsync($"生成失败，已删除本次写入的案件：{reason}");
            return 1;
        }

        console.WriteLine($"已生成：{written.ToString("N0", CultureInfo.InvariantCulture)} 件案件，立案日期分布在最近 {years} 年。");
        return 0;
    }

    /// <summary>The same command writing to other writers than the console's (tests).</summary>
    internal GenerateCommand WithConsole(TextWriter output, TextWriter error) => new(cases, years, output, error);

    /// <summary>The command for <c>--cases N [--years Y]</c> in either order, or the usage when they are wrong.</summary>
    public static CliCommand FromOptions(string[] options)
    {
        int? cases = null;
        var years = 3;
        for (var i = 0; i < options.Length; i += 2)
        {
            if (i + 1 >= options.Length || !int.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return new UsageCommand(Usage);
            }

            switch (options[i])
            {
                case "--cases" when value is >= 1 and <= MaxCases: cases = value; break;
                case "--years" when value is >= 1 and <= MaxYears: years = value; break;
                default: return new UsageCommand(Usage);
            }
        }

        return cases is { } n ? new GenerateCommand(n, years) : new UsageCommand(Usage);
    }
}
