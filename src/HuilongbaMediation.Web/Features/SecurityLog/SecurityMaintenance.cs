using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>
/// Once a day (China time) across all app servers (<see cref="ClusterJobs"/>), tried at start and then every hour:
/// removes security-log lines older than the retention (never younger than 180 days; the database refuses those
/// anyway) and sessions that can no longer be used.
/// </summary>
public sealed class SecurityMaintenance(
    IDbContextFactory<AppDbContext> dbFactory,
    SqliteWriteGate writeGate,
    SessionStore sessions,
    TimeProvider clock,
    IOptions<SecurityOptions> options,
    ClusterJobs jobs,
    ILogger<SecurityMaintenance> logger) : BackgroundService
{
    public const string Job = "security-maintenance";

    /// <summary>How often a server asks whether today's run is still to do (the run itself is once a day).</summary>
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>One round; public for tests.</summary>
    public async Task<(int LogLines, int Sessions)> RunOnceAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.AuditRetentionDays);
        int lines;
        using (await writeGate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            lines = await db.SecurityLog.Where(e => e.AtUtc < before).ExecuteDeleteAsync(ct);
        }

        return (lines, await sessions.PurgeAsync(ct));
    }

    /// <summary>Today's run, unless a server has done it already or does it now; whether it ran here.</summary>
    public Task<bool> RunTodayAsync(CancellationToken ct = default) =>
        jobs.RunDailyAsync(Job, async ct =>
        {
            var (lines, dead) = await RunOnceAsync(ct);
            if (lines + dead > 0)
            {
                logger.LogInformation("Removed {Lines} security log lines past retention and {Sessions} dead sessions", lines, dead);
            }
        }, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunTodayAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Security log and session clean-up failed; it is tried again in an hour");
            }

            await Task.Delay(Every, clock, stoppingToken);
        }
    }
}
