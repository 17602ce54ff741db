using HuilongbaMediation.Web.Data;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Features.Backups;

/// <summary>
/// The running app's daily backup at Backup:At (China time) into Backup:Folder, keeping the last Backup:Keep. The
/// clock is a <see cref="TimeProvider"/>, so a test can move the day on. A failed run is recorded and shown on
/// 数据备份; the next day's run is attempted as usual. It runs as a daily job (<see cref="ClusterJobs"/>): once per
/// China day, even if the loop woke twice. On PostgreSQL there is none: pg_dump is the backup there.
/// </summary>
public sealed class DailyBackupService(
    BackupService backups, IOptions<BackupOptions> options, TimeProvider clock, ClusterJobs jobs, DatabaseEngine engine) : BackgroundService
{
    public const string Job = "daily-backup";

    /// <summary>The next time of day <paramref name="at"/> in China time strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var china = now.ToOffset(BackupArchive.ChinaOffset);
        var today = new DateTimeOffset(DateOnly.FromDateTime(china.DateTime).ToDateTime(at), BackupArchive.ChinaOffset);
        return today > now ? today : today.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On PostgreSQL the backup is pg_dump's (README), not a copy of a file the app could make.
        if (!options.Value.Enabled || !engine.MakesOwnBackups)
        {
            return;
        }

        try
        {
            var at = options.Value.At;
            var next = NextRun(clock.GetUtcNow(), at);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                await jobs.RunDailyAsync(Job, ct => backups.RunAsync("daily", ct), stoppingToken);

                // The next day's time from this one's, so a long backup does not skip a day; after a long pause
                // (a suspended machine) the next time after now, not one run per missed day.
                next = NextRun(next, at);
                var now = clock.GetUtcNow();
                if (next < now)
                {
                    next = NextRun(now, at);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
