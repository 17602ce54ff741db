using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// On PostgreSQL the attachments (案件卷宗) and the applicants' files live in the data folder, which every app server
/// mounts from one shared place (README: several servers). This check keeps a server with a folder of its own from
/// starting: the database holds a random id of its folder (<see cref="AppStateKey"/>) and the folder holds the same id
/// (<see cref="FileName"/>); the first server to start writes both. A folder without the id, or with another database's,
/// is refused in one line, instead of a server that answers "not found" for every file filed through the others.
/// </summary>
public static class SharedDataFolder
{
    public const string AppStateKey = "data-folder-id";

    public const string FileName = "data-folder.id";

    /// <summary>How long a server waits for the first one, starting at the same moment, to write the folder's id.</summary>
    private static readonly TimeSpan FirstStart = TimeSpan.FromSeconds(5);

    public static async Task CheckAsync(AppDbContext db, string dataFolder, CancellationToken ct = default)
    {
        var mine = Guid.NewGuid().ToString("N");

        // Two servers starting together on a new database: one id wins, the other server reads it.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AppState" ("Key", "Value", "UpdatedAtUtc") VALUES ({AppStateKey}, {mine}, {DateTime.UtcNow}) ON CONFLICT ("Key") DO NOTHING""",
            ct);
        var id = await db.AppState.AsNoTracking().Where(s => s.Key == AppStateKey).Select(s => s.Value).SingleAsync(ct);
        var file = Path.Combine(dataFolder, FileName);
        if (id == mine)
        {
            PrivateFiles.CreateFolder(dataFolder);
            await File.WriteAllTextAsync(file, id, ct);
            return;
        }

        var deadline = DateTime.UtcNow + FirstStart;
        while (!File.Exists(file) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }

        var found = File.Exists(file) ? (await File.ReadAllTextAsync(file, ct)).Trim() : null;
        if (found != id)
        {
            var where = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            throw new StartupException(found is null
                ? $"数据目录 {dataFolder} 不是数据库 {where.Host}:{where.Port}/{where.Database} 的共享数据目录（缺少 {FileName}）：各应用服务器须把 Database:DataFolder 指向同一个共享目录（见 README「多台服务器」）。"
                : $"数据目录 {dataFolder} 属于另一个数据库（{FileName} 不符），不是 {where.Host}:{where.Port}/{where.Database} 的数据目录。");
        }
    }
}
