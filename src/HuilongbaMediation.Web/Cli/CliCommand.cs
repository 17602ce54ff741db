using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;

namespace HuilongbaMediation.Web.Cli;

/// <summary>
/// A command run instead of the web app: <c>dotnet run --project src/HuilongbaMediation.Web -- &lt;command&gt;</c>.
/// It uses the same configuration, database and services as the app.
/// </summary>
public abstract class CliCommand
{
    public const string PasswordVariable = "HUILONGBA_ADMIN_PASSWORD";

    /// <summary>The command the arguments name, or null to serve the web app.</summary>
    public static CliCommand? Parse(string[] args) => args switch
    {
        ["create-admin", var name] => new CreateAdminCommand(name),
        ["create-admin", ..] => new UsageCommand("用法：create-admin <用户名>（密码从标准输入或环境变量 HUILONGBA_ADMIN_PASSWORD 读取）"),
        ["report", "annual", .. var options] => AnnualReportCommand.FromOptions(options),
        ["report", ..] => new UsageCommand(AnnualReportCommand.Usage),
        ["backup", var folder] => new BackupCommand(folder),
        ["backup", ..] => new UsageCommand(BackupCommand.Usage),
        ["restore", var archive] => new RestoreCommand(archive),
        ["restore", ..] => new UsageCommand(RestoreCommand.Usage),
        ["import", .. var options] => ImportCommand.FromOptions(options),
        ["generate", .. var options] => GenerateCommand.FromOptions(options),
        ["copy-to-postgres", var connectionString] => new CopyToPostgresCommand(connectionString),
        ["copy-to-postgres", ..] => new UsageCommand(CopyToPostgresCommand.Usage),
        ["rebuild-counters"] => new RebuildCountersCommand(),
        [var first, ..] when !first.StartsWith('-') && !first.Contains('=') => new UsageCommand(
            $"未知命令：{first}。可用命令：create-admin <用户名>、report annual --year <年份>、import <台账文件>、generate --cases <案件数>、rebuild-counters、backup <目录>、restore <备份文件>、copy-to-postgres <连接字符串>"),
        _ => null,
    };

    /// <summary>
    /// Whether the database is checked, migrated and seeded before the command runs. Backup copies the database as it
    /// is, beside the running app; restore replaces it, perhaps because it cannot be opened.
    /// </summary>
    public virtual bool PreparesDatabase => true;

    public abstract Task<int> RunAsync(IServiceProvider services);

    /// <summary>
    /// Spectre's console for a command's output: colours and the live bar on a terminal (<paramref name="output"/> null);
    /// plain lines when written elsewhere (a file, a pipe, a test's writer).
    /// </summary>
    internal static IAnsiConsole ConsoleOver(TextWriter? output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output ?? Console.Out),
        Ansi = output is null ? AnsiSupport.Detect : AnsiSupport.No,
        Interactive = output is null ? InteractionSupport.Detect : InteractionSupport.No,
    });
}

internal sealed class UsageCommand(string message) : CliCommand
{
    public override async Task<int> RunAsync(IServiceProvider services)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }
}

/// <summary>
/// Makes the first admin outside demo mode, where nobody has a default password. The password comes from
/// HUILONGBA_ADMIN_PASSWORD or the first line of standard input, never from the command line (shell history).
/// </summary>
internal sealed class CreateAdminCommand(string userName) : CliCommand
{
    public override async Task<int> RunAsync(IServiceProvider services)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                await Console.Error.WriteAsync($"请输入 {userName} 的密码（至少 10 个字符）：");
            }

            password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        }

        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"未提供密码：请从标准输入输入，或设置环境变量 {PasswordVariable}。");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await DemoDatabase.IsMarkedAsync(db))
        {
            // A real administrator in a database whose demo accounts have a published password would be no protection.
            await Console.Error.WriteLineAsync("这是演示数据库，不能在其中创建管理员。正式使用请另指定一个数据库文件（ConnectionStrings:Default）。");
            return 1;
        }

        var user = new AppUser { UserName = userName, DisplayName = userName };
        var result = await UserAccounts.CreateAsync(users, db, user, password, UserRole.Admin);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"未能创建管理员 {userName}：{string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        await Console.Out.WriteLineAsync($"已创建管理员 {userName}。");
        return 0;
    }
}
