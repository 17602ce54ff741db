using System.Globalization;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace HuilongbaMediation.Web.Cli;

/// <summary>
/// <c>import &lt;file&gt; [--sheet 名称] [--village 村（社区）] [--user 用户名]</c>: a ledger imported as in the app (导入台账),
/// with a progress bar, then what became of its rows: imported, already there, skipped (not cases), refused with their
/// row numbers and reasons. The history records the importer: the user named, else the first active administrator.
/// Exits 1 when nothing could be read (no file, not a ledger, no header), 2 on a usage error, 0 otherwise.
/// </summary>
internal sealed class ImportCommand(string path, string? sheet, string? village, string? userName, TextWriter? output = null, TextWriter? error = null) : CliCommand
{
    public const string Usage = "用法：import <台账文件> [--sheet <工作表>] [--village <村（社区）>] [--user <用户名>]";

    private readonly TextWriter _error = error ?? Console.Error;

    public override async Task<int> RunAsync(IServiceProvider services)
    {
        var console = ConsoleOver(output);
        if (!File.Exists(path))
        {
            await _error.WriteLineAsync($"找不到文件：{path}");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var importer = await ImporterAsync(scope.ServiceProvider);
        if (importer is null)
        {
            await _error.WriteLineAsync(userName is null
                ? "没有可用于导入的系统管理员或司法所账号：请先用 create-admin 创建管理员，或用 --user 指定"
                : $"用户 {userName} 不存在、已停用，或不是司法所或系统管理员");
            return 2;
        }

        int? villageId = null;
        if (village is not null)
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            villageId = (await LedgerVocabulary.LoadAsync(db)).Village(village);
            if (villageId is null)
            {
                await _error.WriteLineAsync($"未知的村（社区）：{village}");
                return 2;
            }
        }

        var request = new LedgerImportRequest(await File.ReadAllBytesAsync(path), Path.GetFileName(path), sheet, VillageId: villageId);
        console.MarkupLine($"以 [bold]{Markup.Escape(importer.DisplayName)}[/] 的名义导入 {Markup.Escape(request.FileName)}");
        var service = scope.ServiceProvider.GetRequiredService<LedgerImportService>();
        LedgerImportResult result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("导入台账", maxValue: 1);
                result = await service.ImportAsync(importer, request, new InlineProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });

        if (result.Problem is { } problem)
        {
            await _error.WriteLineAsync($"无法导入：{problem}");
            return 1;
        }

        console.WriteLine($"工作表：{result.Sheet}");
        console.WriteLine($"已导入：{result.Imported} 件");
        console.WriteLine($"已存在：{result.AlreadyPresent.Count} 行" + Rows(result.AlreadyPresent));
        console.WriteLine($"已跳过：{result.Skipped.Count} 行（空行、合计、制表人等，不是案件）" + Rows([.. result.Skipped.Select(s => s.Row.Number)]));
        console.WriteLine($"未导入：{result.Refused.Count} 行");
        foreach (var refused in result.Refused)
        {
            console.WriteLine($"  第{refused.Row.Number}行：{refused.Reason}");
        }

        return 0;
    }

    /// <summary>The same command writing to other writers than the console's (tests).</summary>
    internal ImportCommand WithConsole(TextWriter output, TextWriter error) => new(path, sheet, village, userName, output, error);

    /// <summary>The command for the options, or the usage when they are wrong.</summary>
    public static CliCommand FromOptions(string[] options)
    {
        if (options is not [var file, .. var rest] || file.StartsWith("--", StringComparison.Ordinal))
        {
            return new UsageCommand(Usage);
        }

        string? sheet = null, village = null, user = null;
        for (var i = 0; i < rest.Length; i += 2)
        {
            if (i + 1 >= rest.Length)
            {
                return new UsageCommand(Usage);
            }

            switch (rest[i])
            {
                case "--sheet": sheet = rest[i + 1]; break;
                case "--village": village = rest[i + 1]; break;
                case "--user": user = rest[i + 1]; break;
                default: return new UsageCommand(Usage);
            }
        }

        return new ImportCommand(file, sheet, village, user);
    }

    private async Task<Actor?> ImporterAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var roles = new[] { nameof(UserRole.Admin), nameof(UserRole.JudicialOffice) };
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (userName == null || u.UserName == userName))
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .Where(u => roles.Contains(u.Role))
            .OrderBy(u => u.Role == nameof(UserRole.Admin) ? 0 : 1).ThenBy(u => u.UserName)
            .FirstOrDefaultAsync();
        return candidates is null ? null : new Actor(candidates.Id, candidates.DisplayName, Enum.Parse<UserRole>(candidates.Role!), null);
    }

    private static string Rows(IReadOnlyList<int> numbers) =>
        numbers.Count == 0 ? "" : "：第" + string.Join("、", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "行";

    /// <summary>Reports on the importing thread, so the bar moves as batches are saved (Progress&lt;T&gt; would post later).</summary>
    private sealed class InlineProgress(Action<LedgerProgress> report) : IProgress<LedgerProgress>
    {
        public void Report(LedgerProgress value) => report(value);
    }
}
