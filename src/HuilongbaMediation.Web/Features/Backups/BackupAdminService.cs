using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Backups;

/// <summary>
/// 数据备份 for administrators: the state of the backups, and a backup now. Admins only, checked here too. On PostgreSQL
/// the app makes no backups (they are <c>pg_dump</c> and a standby, run by the operator): the page says so instead.
/// </summary>
public sealed class BackupAdminService(BackupService backups, DatabaseEngine engine, CurrentUser currentUser, IStringLocalizer<SharedResource> l)
{
    /// <summary>False on PostgreSQL: there is no database file to copy, and the overview is null.</summary>
    public bool MakesOwnBackups => engine.MakesOwnBackups;

    public async Task<(Result Result, BackupOverview? Overview)> GetAsync(CancellationToken ct = default) =>
        !await IsAdminAsync() ? (Result.Forbidden(l["Admin.Forbidden"]), null)
        : !MakesOwnBackups ? (Result.Done(), null)
        : (Result.Done(), await backups.GetOverviewAsync(ct));

    /// <summary>立即备份: the same run as the daily one, into the configured folder.</summary>
    public async Task<(Result Result, BackupRun? Run)> BackupNowAsync(CancellationToken ct = default)
    {
        if (!await IsAdminAsync())
        {
            return (Result.Forbidden(l["Admin.Forbidden"]), null);
        }

        if (!MakesOwnBackups)
        {
            return (Result.Conflict(l["Backups.Elsewhere"]), null);
        }

        var run = await backups.RunAsync("admin", ct);
        return run.Succeeded
            ? (Result.Done(), run)
            : (Result.Conflict(string.Format(l["Backups.Failed"], run.Error)), run);
    }

    private async Task<bool> IsAdminAsync() => Capability.Administer.Allows(await currentUser.GetActorAsync());
}

public static class BackupRegistration
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section))
            .Validate(o => o.Keep is >= 1 and <= 3650, "设置 Backup:Keep 须为 1 到 3650 之间的整数。")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), "设置 Backup:Folder 不能为空。")
            .ValidateOnStart();
        services.AddSingleton<BackupService>();
        services.AddSingleton<BackupRestorer>();
        services.AddScoped<BackupAdminService>();
        services.AddHostedService<DailyBackupService>();
        return services;
    }
}
