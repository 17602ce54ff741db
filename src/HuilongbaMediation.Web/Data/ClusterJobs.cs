using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HuilongbaMediation.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// The background jobs' one way to run: a job runs on one app server at a time (<see cref="DatabaseEngine.TryLockJobAsync"/>:
/// a PostgreSQL advisory lock across servers, one process on SQLite), and a daily job runs once per China day across all
/// servers, however many wake up for it: the day it last ran is kept in <see cref="AppStateEntry"/>
/// (<c>job-ran:&lt;job&gt;</c>), read and written while the job's lock is held.
/// </summary>
public sealed class ClusterJobs(
    DatabaseEngine engine,
    IDbContextFactory<AppDbContext> dbFactory,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    ILogger<ClusterJobs> logger)
{
    /// <summary>The key of a daily job's last run in the app state.</summary>
    public static string LastRunKey(string job) => "job-ran:" + job;

    /// <summary>Runs <paramref name="work"/> unless another server (or another call here) runs the job now; whether it ran.</summary>
    public async Task<bool> TryRunAsync(string job, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        await using var held = await engine.TryLockJobAsync(job, ct);
        if (held is null)
        {
            return false;
        }

        await work(ct);
        return true;
    }

    /// <summary>
    /// Runs the day's run of <paramref name="work"/> unless it ran already today (China time) on any server, or runs now
    /// on another; whether it ran here. A run that fails is not recorded, so the next wake-up tries again.
    /// </summary>
    public async Task<bool> RunDailyAsync(string job, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        await using var held = await engine.TryLockJobAsync(job, ct);
        if (held is null)
        {
            return false;
        }

        var key = LastRunKey(job);
        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.AppState.AnyAsync(s => s.Key == key && s.Value == today, ct))
            {
                return false;
            }
        }

        await work(ct);
        using (await writeGate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var entry = await db.AppState.SingleOrDefaultAsync(s => s.Key == key, ct);
            if (entry is null)
            {
                entry = new AppStateEntry { Key = key };
                db.AppState.Add(entry);
            }

            entry.Value = today;
            entry.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Daily job {Job} ran for {Day}", job, today);
        return true;
    }

    /// <summary>A job's name as the second key of its advisory lock: the first four bytes of its SHA-256, stable across servers and versions.</summary>
    public static int LockKeyOf(string job) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(job)), 0);
}
