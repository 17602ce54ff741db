using HuilongbaMediation.Web.Data;

namespace HuilongbaMediation.Web.Cli;

/// <summary>
/// <c>copy-to-postgres "&lt;connection string&gt;"</c>, with the app stopped: the configured SQLite database and its key
/// ring into an empty PostgreSQL database (<see cref="PostgresCopy"/>), all or nothing, verified table by table.
/// </summary>
internal sealed class CopyToPostgresCommand(string connectionString, TextWriter? output = null, TextWriter? error = null) : CliCommand
{
    private TextWriter Out => output ?? Console.Out;

    private TextWriter Error => error ?? Console.Error;

    internal CopyToPostgresCommand WithConsole(TextWriter output, TextWriter error) => new(connectionString, output, error);

    public const string Usage =
        "用法：copy-to-postgres \"<PostgreSQL 连接字符串>\"，例如 copy-to-postgres \"Host=db;Database=huilongba;Username=huilongba;Password=…\"（须先停止应用；目标须为空数据库）";

    public override async Task<int> RunAsync(IServiceProvider services)
    {
        var engine = services.GetRequiredService<DatabaseEngine>();

        // The app must not write while the copy reads: the copy would miss what came after its snapshot.
        using var folderLock = engine.LocksDataFolder ? DataFolderLock.TryAcquire(engine.DataFolder) : null;
        if (engine.LocksDataFolder && folderLock is null)
        {
            await Error.WriteLineAsync($"复制失败，未做任何复制：数据目录 {engine.DataFolder} 正被运行中的应用使用，请先停止应用。");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await Out.WriteLineAsync($"从 {DatabaseEngine.Describe(source)} 复制到 PostgreSQL …");
            var tables = await new PostgresCopy(source, engine.DataFolder, Out.WriteLine).RunAsync(connectionString);
            await Out.WriteLineAsync(
                $"复制完成，校验通过：{tables.Count} 张表，共 {tables.Sum(t => t.Rows)} 行（含密钥）。附件文件仍在 {engine.DataFolder}：请把其中的 files 与 applications 目录放到各服务器共享的数据目录（README）。");
            return 0;
        }
        catch (PostgresCopyException ex)
        {
            await Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
