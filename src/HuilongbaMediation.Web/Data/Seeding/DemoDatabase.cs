using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>
/// Whether the running app serves a demo database: Demo:Enabled and a database that demo mode made itself (marked).
/// Set once at start-up; the sign-in page lists the demo accounts only then.
/// </summary>
public sealed class DemoMode
{
    public bool IsDemoDatabase { get; internal set; }
}

/// <summary>
/// The mark of a demo database: a row in AppState written in the same transaction as the first demo users, so a
/// database is either marked and seeded, or neither. Demo mode seeds only a marked database, or one it has just
/// created; a real database (users or cases made outside demo mode, or simply not made by demo mode) is refused,
/// and a marked one is refused outside demo mode, since its demo accounts have a published password.
/// </summary>
public static class DemoDatabase
{
    public static Task<bool> IsMarkedAsync(AppDbContext db, CancellationToken ct = default) =>
        db.AppState.AnyAsync(s => s.Key == AppStateKeys.DemoDatabase, ct);

    /// <summary>
    /// Inside the demo seed's transaction: marks a database demo mode has just created, or refuses one it did not.
    /// Returns without change when the database is already marked.
    /// </summary>
    public static async Task MarkOrRefuseAsync(AppDbContext db, bool createdNow, DateTime nowUtc, CancellationToken ct)
    {
        if (await IsMarkedAsync(db, ct))
        {
            return;
        }

        var file = FileOf(db);
        if (await db.Users.AnyAsync(ct) || await db.Cases.AnyAsync(ct))
        {
            throw new StartupException(
                $"演示模式不能使用数据库 {file}：其中已有非演示模式创建的用户或案件。演示请用一个新的数据库文件（ConnectionStrings:Default），正式使用请去掉 Demo:Enabled。");
        }

        if (!createdNow)
        {
            throw new StartupException(
                $"演示模式只使用它自己新建的数据库，{file} 不是演示数据库。演示请用一个尚不存在的数据库文件（ConnectionStrings:Default），正式使用请去掉 Demo:Enabled。");
        }

        db.AppState.Add(new AppStateEntry { Key = AppStateKeys.DemoDatabase, Value = "created by demo mode", UpdatedAtUtc = nowUtc });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Outside demo mode the app does not serve a demo database: anyone could sign in as its admin.</summary>
    public static StartupException RefusedOutsideDemoMode(AppDbContext db) => new(
        $"{FileOf(db)} 是演示数据库（演示账号的密码是公开的），不能在正式模式下使用。继续演示请加 --Demo:Enabled=true；正式使用请另指定数据库文件（ConnectionStrings:Default）。");

    private static string FileOf(AppDbContext db) => DatabaseEngine.Describe(db);
}
