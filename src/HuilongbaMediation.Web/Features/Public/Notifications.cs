using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>
/// Delivers a notification of the outbox to the applicant. The default (<see cref="StatusPageSender"/>) delivers to the
/// status page, which shows every delivered notification; an SMS sender for a real provider implements this and is
/// registered in its place (README, "The public side").
/// </summary>
public interface INotificationSender
{
    /// <summary>The channel's name as the outbox records it (状态页, 短信).</summary>
    string Channel { get; }

    /// <summary>Sends one notification to the applicant's phone; false to try again later.</summary>
    Task<bool> SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>The default sender: the status page is where the applicant reads it; nothing leaves the server.</summary>
public sealed class StatusPageSender : INotificationSender
{
    public string Channel => "状态页";

    public Task<bool> SendAsync(string phone, string text, CancellationToken ct) => Task.FromResult(true);
}

/// <summary>
/// Works the outbox: every few seconds, each unsent notification to the sender, marked sent when it went. One app server
/// at a time (<see cref="ClusterJobs"/>), so that two servers never send the same text message twice.
/// </summary>
public sealed class NotificationDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ClusterJobs jobs, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    public const string Job = "application-notifications";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await jobs.TryRunAsync(Job, ct => DispatchAsync(scopes, clock, ct), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending the applicants' notifications failed; trying again shortly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the outbox; the number sent.</summary>
    public static async Task<int> DispatchAsync(IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var gate = scope.ServiceProvider.GetRequiredService<SqliteWriteGate>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.ApplicationNotifications.Where(n => n.SentAtUtc == null).OrderBy(n => n.Id).Take(50)
            .Join(db.OnlineApplications, n => n.ApplicationId, a => a.Id, (n, a) => new { n.Id, n.Text, a.ApplicantPhone })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var item in pending)
        {
            if (!await sender.SendAsync(item.ApplicantPhone, item.Text, ct))
            {
                continue;
            }

            using (await gate.EnterAsync(ct))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await db.ApplicationNotifications.Where(n => n.Id == item.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAtUtc, now).SetProperty(n => n.Channel, sender.Channel), ct);
            }

            sent++;
        }

        return sent;
    }
}

/// <summary>
/// Keeps the applications no longer than the consent says: once a day (China time, across all app servers:
/// <see cref="ClusterJobs"/>; tried at start and then hourly), an application declined, or whose case concluded, more
/// than <see cref="ApplicationRules.RetentionDays"/> days ago is deleted with its files and messages. (The case keeps
/// what the case file needs, under the case file's own rules.)
/// </summary>
public sealed class ApplicationPurge(IServiceScopeFactory scopes, TimeProvider clock, ClusterJobs jobs, ILogger<ApplicationPurge> logger) : BackgroundService
{
    public const string Job = "application-purge";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await jobs.RunDailyAsync(Job, async ct =>
                {
                    var purged = await PurgeAsync(scopes, clock, ct);
                    if (purged > 0)
                    {
                        logger.LogInformation("Deleted {Count} online applications past their retention", purged);
                    }
                }, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deleting online applications past their retention failed; it is tried again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; the number of applications deleted.</summary>
    public static async Task<int> PurgeAsync(IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var store = scope.ServiceProvider.GetRequiredService<ApplicationFileStore>();
        var gate = scope.ServiceProvider.GetRequiredService<SqliteWriteGate>();
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-ApplicationRules.RetentionDays);
        var cutoffDay = Domain.Common.ChinaClock.Today(now).AddDays(-ApplicationRules.RetentionDays);
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ids = await db.OnlineApplications
                .Where(a => (a.Status == ApplicationStatus.Declined && a.DecidedAtUtc < cutoff)
                    || (a.CaseId != null && db.Cases.Any(c => c.Id == a.CaseId && c.ConcludedOn != null && c.ConcludedOn < cutoffDay)))
                .Select(a => a.Id)
                .ToListAsync(ct);
            if (ids.Count == 0)
            {
                return 0;
            }

            await db.OnlineApplications.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
            foreach (var id in ids)
            {
                store.DeleteAll(id);
            }

            return ids.Count;
        }
    }
}
