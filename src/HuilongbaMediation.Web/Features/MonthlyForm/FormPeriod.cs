using System.Globalization;
using System.Text.RegularExpressions;
using HuilongbaMediation.Web.Features.Dashboard;

namespace HuilongbaMediation.Web.Features.MonthlyForm;

/// <summary>What a statistical form covers: a month (<c>2026-03</c>), a quarter (<c>2026-Q1</c>) or a year (<c>2026</c>).</summary>
public enum FormPeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>The month, quarter or year of a statistical form, with its dates and the text that names it in a URL.</summary>
public sealed partial record FormPeriod(FormPeriodKind Kind, int Year, int Number)
{
    public DateOnly From => Kind switch
    {
        FormPeriodKind.Month => new DateOnly(Year, Number, 1),
        FormPeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly To => Kind switch
    {
        FormPeriodKind.Month => From.AddMonths(1).AddDays(-1),
        FormPeriodKind.Quarter => From.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    public StatisticsPeriod Period => StatisticsPeriod.Between(From, To)!;

    /// <summary>"2026-03", "2026-Q1" or "2026": the <c>period</c> query parameter.</summary>
    public string Code => Kind switch
    {
        FormPeriodKind.Month => $"{Year:D4}-{Number:D2}",
        FormPeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>"2026年3月", "2026年第1季度", "2026年度".</summary>
    public string Label => Kind switch
    {
        FormPeriodKind.Month => $"{Year}年{Number}月",
        FormPeriodKind.Quarter => $"{Year}年第{Number}季度",
        _ => $"{Year}年度",
    };

    public static FormPeriod MonthOf(DateOnly day) => new(FormPeriodKind.Month, day.Year, day.Month);

    /// <summary>The period a code names; null when it names none (or a year outside 2000–9998).</summary>
    public static FormPeriod? Parse(string? code)
    {
        var m = CodePattern().Match(code?.Trim() ?? "");
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 9998)
        {
            return null;
        }

        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new FormPeriod(FormPeriodKind.Month, year, month) : null;
        }

        return m.Groups["q"].Success
            ? new FormPeriod(FormPeriodKind.Quarter, year, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture))
            : new FormPeriod(FormPeriodKind.Year, year, 0);
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:(?<m>\d{2})|Q(?<q>[1-4])))?$")]
    private static partial Regex CodePattern();
}
