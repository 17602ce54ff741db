namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// The calendar of the town: China Standard Time, UTC+8 all year (no daylight saving). Every date the domain
/// derives from an instant ("today", accepted on, concluded on) is the China date of that instant, so that a
/// case filed at 07:00 in 回龙坝 is dated today even though it is still yesterday in UTC.
/// </summary>
public static class ChinaClock
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The China calendar date of a UTC instant.</summary>
    /// <exception cref="ArgumentException"><paramref name="nowUtc"/> is not of kind <see cref="DateTimeKind.Utc"/>.</exception>
    public static DateOnly Today(DateTime nowUtc) => DateOnly.FromDateTime(RequireUtc(nowUtc) + Offset);

    /// <summary>The UTC instant a China calendar date begins (00:00 in 回龙坝), for "events on these dates" queries.</summary>
    public static DateTime StartOfDayUtc(DateOnly chinaDate) =>
        DateTime.SpecifyKind(chinaDate.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>Rejects local or unspecified instants: the domain stores and compares UTC only.</summary>
    internal static DateTime RequireUtc(DateTime nowUtc, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(nowUtc))] string? name = null) =>
        nowUtc.Kind == DateTimeKind.Utc ? nowUtc : throw new ArgumentException("The instant must be UTC (DateTimeKind.Utc).", name);
}
