using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>
/// Once at start and then daily: removes security-log lines older than the retention (never younger than 180 days;
/// the database refuses those anyway) and sessions that can no longer be used.
/// </summary>
public sealed class SecurityMaintenance(
    IDbContextFactory<AppDbContext> dbFactory,
    SqliteWriteGate writeGate,
    SessionStore sessions,
    TimeProvider clock,
    IOptions<SecurityOptions> options,
    ILogger<SecurityMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromDays(1);

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (lines, dead) = await RunOnceAsync(stoppingToken);
                if (lines + dead > 0)
                {
                    logger.LogInformation("Removed {Lines} security log lines past retention and {Sessions} dead sessions", lines, dead);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Security log and session clean-up failed; it runs again in a day");
            }

            await Task.Delay(Every, clock, stoppingToken);
        }
    }
}
