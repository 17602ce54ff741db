using System.Globalization;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;

namespace HuilongbaMediation.Web.Security;

/// <summary>The <c>Security</c> settings: how long a session lives without activity, and how long the security log is kept.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Without activity in the page for this long, the user is signed out (default 30; fractions allowed, for tests).</summary>
    public double IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>The warning in the page comes this long before (default 60 s; at most half the timeout).</summary>
    public double IdleWarningSeconds { get; set; } = 60;

    /// <summary>保持登录: the idle limit of a sign-in that asked to stay signed in (default 12 h).</summary>
    public double RememberMeHours { get; set; } = 12;

    /// <summary>How long the security log is kept; at least 180 days.</summary>
    public int AuditRetentionDays { get; set; } = SecurityLogTriggers.MinimumRetentionDays;

    /// <summary>How often an open page checks that its session is still valid, besides being told at once (default 10 s).</summary>
    public double RevalidationSeconds { get; set; } = 10;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan RememberMe => TimeSpan.FromHours(RememberMeHours);

    /// <summary>The idle limit of one session.</summary>
    public TimeSpan IdleLimit(bool persistent) => persistent ? RememberMe : IdleTimeout;

    /// <summary>How long before the end the page warns: the configured lead, but never more than half the limit.</summary>
    public TimeSpan WarningLead(TimeSpan limit) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(IdleWarningSeconds).Ticks, limit.Ticks / 2));

    /// <summary>
    /// Activity is written to the session row at most this often: a twentieth of the limit, at most every 30 s. (The
    /// page's own clock knows the exact time; the row only has to be close enough for other tabs and page loads.)
    /// </summary>
    public TimeSpan ActivityWriteInterval(TimeSpan limit) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, limit.Ticks / 20));

    public TimeSpan Revalidation => TimeSpan.FromSeconds(RevalidationSeconds);

    /// <summary>The settings, checked: a bad one stops the app with one clear line.</summary>
    public static SecurityOptions Read(IConfiguration configuration)
    {
        var options = new SecurityOptions();
        try
        {
            configuration.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException($"{Section} 配置有误：{ex.InnerException?.Message ?? ex.Message}");
        }

        Require(options.IdleTimeoutMinutes > 0, nameof(IdleTimeoutMinutes), "须大于 0");
        Require(options.IdleWarningSeconds > 0, nameof(IdleWarningSeconds), "须大于 0");
        Require(options.RememberMeHours * 60 >= options.IdleTimeoutMinutes, nameof(RememberMeHours), "不能短于 IdleTimeoutMinutes");
        Require(options.RevalidationSeconds > 0, nameof(RevalidationSeconds), "须大于 0");
        Require(
            options.AuditRetentionDays >= SecurityLogTriggers.MinimumRetentionDays,
            nameof(AuditRetentionDays),
            string.Create(CultureInfo.InvariantCulture, $"不能少于 {SecurityLogTriggers.MinimumRetentionDays} 天"));
        return options;
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition)
        {
            throw new StartupException($"{Section}:{setting} {rule}。");
        }
    }
}
