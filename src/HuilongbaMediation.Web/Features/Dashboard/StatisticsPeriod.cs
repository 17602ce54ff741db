using System.Globalization;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// The China dates a dashboard covers, both inclusive: a calendar year, or any range within <see cref="MaxDays"/>.
/// Filed counts filing dates in it; events count the history entries that happened on its dates (their
/// <c>OccurredOn</c>, whenever they were entered); states are read at the end of <see cref="To"/>.
/// </summary>
public sealed record StatisticsPeriod
{
    /// <summary>A range longer than this (about ten years) is refused: nobody reads a trend of more months.</summary>
    public const int MaxDays = 3660;

    private StatisticsPeriod(DateOnly from, DateOnly to) => (From, To) = (from, to);

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The calendar year, when the period is exactly one.</summary>
    public int? Year => From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31) ? From.Year : null;

    /// <summary>The first day of each month the period touches, in order.</summary>
    public IEnumerable<DateOnly> Months
    {
        get
        {
            for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1))
            {
                yield return month;
            }
        }
    }

    public static StatisticsPeriod OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The range, or null when it is reversed or too long.</summary>
    public static StatisticsPeriod? Between(DateOnly from, DateOnly to) =>
        from <= to && to.DayNumber - from.DayNumber < MaxDays ? new StatisticsPeriod(from, to) : null;

    /// <summary>
    /// The period a request names: <c>from</c> and <c>to</c> (yyyy-MM-dd) when both are given, else <c>year</c>, else
    /// the year of <paramref name="today"/>. Null when what is given does not make a period.
    /// </summary>
    public static StatisticsPeriod? Parse(string? year, string? from, string? to, DateOnly today)
    {
        if (from is not null || to is not null)
        {
            return Date(from) is { } f && Date(to) is { } t ? Between(f, t) : null;
        }

        if (year is null)
        {
            return OfYear(today.Year);
        }

        return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 9998 ? OfYear(y) : null;
    }

    /// <summary>The query string that names this period, the inverse of <see cref="Parse"/>: "year=2025" or "from=…&amp;to=…".</summary>
    public string ToQuery() => Year is { } year
        ? $"year={year.ToString(CultureInfo.InvariantCulture)}"
        : $"from={Iso(From)}&to={Iso(To)}";

    /// <summary>"2025" or "2025-03-01_2025-06-30", for file names.</summary>
    public string FileName => Year is { } year ? year.ToString(CultureInfo.InvariantCulture) : $"{Iso(From)}_{Iso(To)}";

    private static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
