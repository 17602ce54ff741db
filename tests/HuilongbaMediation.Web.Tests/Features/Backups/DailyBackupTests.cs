using Bunit;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Backups;
using HuilongbaMediation.Web.Features.Backups.Pages;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HuilongbaMediation.Web.Tests.Features.Backups;

/// <summary>The daily backup on a clock the test moves, and what 数据备份 tells the administrator.</summary>
public sealed class DailyBackupTests : MudTestContext
{
    /// <summary>2026-11-29 02:00 in China.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 2, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("2026-11-29T02:00:00+08:00", "2026-11-29T03:00:00+08:00")]
    [InlineData("2026-11-29T03:00:00+08:00", "2026-11-30T03:00:00+08:00")]
    [InlineData("2026-11-28T20:30:00+00:00", "2026-11-30T03:00:00+08:00")] // 04:30 in China
    public void The_next_run_is_the_next_three_oclock_in_China(string now, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            DailyBackupService.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(3, 0)));

    [Fact]
    public async Task The_daily_backup_runs_at_its_hour_each_day_and_keeps_the_last_ones()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var clock = new FakeTimeProvider(Start);
        var (backups, options) = BackupsOn(app, clock, keep: 2);
        var jobs = new ClusterJobs(app.Get<DatabaseEngine>(), app.Get<IDbContextFactory<AppDbContext>>(), app.Get<SqliteWriteGate>(), clock, NullLogger<ClusterJobs>.Instance);
        using var daily = new DailyBackupService(backups, options, clock, jobs, app.Get<DatabaseEngine>());
        await daily.StartAsync(default);

        await AdvanceUntilAsync(clock, () => BackupArchive.List(backups.Folder).Count == 1);
        Assert.StartsWith("huilongba-backup-20261129-0", BackupArchive.List(backups.Folder)[0].Name, StringComparison.Ordinal);
        await AdvanceUntilAsync(clock, () => BackupArchive.List(backups.Folder).Count == 2);
        await AdvanceUntilAsync(clock, () => BackupArchive.List(backups.Folder)[0].Name.Contains("20261201", StringComparison.Ordinal));
        await daily.StopAsync(default);

        Assert.Equal(["20261201", "20261130"], BackupArchive.List(backups.Folder).Select(f => f.Name.Split('-')[2]));
        var overview = await backups.GetOverviewAsync();
        Assert.Equal(("daily", true), (overview.LastRun!.Trigger, overview.LastRun.Succeeded));
        Assert.False(overview.IsOverdue);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_overview_warns_when_the_last_backup_is_older_than_two_days_and_when_the_last_run_failed()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var clock = new FakeTimeProvider(Start);
        var (backups, _) = BackupsOn(app, clock, keep: 14);
        Assert.True((await backups.GetOverviewAsync()).IsOverdue); // none yet
        Assert.True((await backups.RunAsync("admin")).Succeeded);
        clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.False((await backups.GetOverviewAsync()).IsOverdue);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await backups.GetOverviewAsync()).IsOverdue);

        // A folder that cannot be written fails the run, even for root: a file where the folder should be.
        Directory.Delete(backups.Folder, recursive: true);
        await File.WriteAllTextAsync(backups.Folder, "not a folder");

        var failed = await backups.RunAsync("daily");
        var overview = await backups.GetOverviewAsync();
        Assert.False(failed.Succeeded);
        Assert.True(overview.LastRunFailed);
        Assert.False(string.IsNullOrEmpty(overview.LastRun!.Error));
    }

    [Fact]
    public async Task Only_an_administrator_sees_the_backups_or_starts_one()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("wangfang");

        var (read, overview) = await app.Get<BackupAdminService>().GetAsync();
        var (write, run) = await app.Get<BackupAdminService>().BackupNowAsync();

        Assert.Equal((Outcome.Forbidden, Outcome.Forbidden), (read.Outcome, write.Outcome));
        Assert.Null(overview);
        Assert.Null(run);
        Assert.Empty(BackupArchive.List(app.Get<BackupService>().Folder));
    }

    [Fact]
    public async Task The_page_warns_that_there_is_no_backup_and_an_administrator_backs_up_now()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("admin");
        Services.AddSingleton(app.Get<BackupAdminService>());
        var cut = Render<Web.Features.Backups.Pages.Backups>();
        cut.WaitForAssertion(() => Assert.Contains("还没有任何备份", cut.Find("[data-testid=backup-overdue]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=backup-now]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=backup-overdue]")));
        var kept = BackupArchive.List(app.Get<BackupService>().Folder);
        var archive = Assert.Single(kept);
        Assert.Contains(archive.Path, cut.Find("[data-testid=backup-last]").TextContent, StringComparison.Ordinal);
        Assert.Contains(archive.Name, cut.Find("[data-testid=backup-list]").TextContent, StringComparison.Ordinal);
        Assert.Contains("每天 03:00（北京时间）自动备份", cut.Markup, StringComparison.Ordinal);
    }

    private static (BackupService Backups, IOptions<BackupOptions> Options) BackupsOn(TestApp app, TimeProvider clock, int keep)
    {
        var options = Options.Create(new BackupOptions { Keep = keep, At = new TimeOnly(3, 0) });
        return (new BackupService(app.Get<IDbContextFactory<AppDbContext>>(), options, app.Get<SqliteWriteGate>(), clock, NullLogger<BackupService>.Instance), options);
    }

    /// <summary>Moves the clock on a quarter of an hour at a time until the condition holds (at most 3 days on the clock).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var step = 0; step < 3 * 24 * 4 && !condition(); step++)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(15);
        }

        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50); // a run started by the last step may still be writing
        }

        Assert.True(condition(), $"not reached by {clock.GetUtcNow():u}");
    }
}
