using System.Globalization;
using System.Text.RegularExpressions;
using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>
/// The values of a ledger's cells, in the forms offices type them: dates as 2022-01-03, 2022/1/3, 2022.01.03,
/// 2022年1月3日, 20220103, a date cell or an Excel serial number; amounts as 12000, 1.2万, 12,000元, ¥3500.50.
/// Each reader gives the value, or null for an empty cell, or a problem in Chinese.
/// </summary>
public static partial class LedgerValues
{
    /// <summary>Excel's serial day numbers of 1950 and 2100: a number between them in a date column is a date.</summary>
    private const double FirstSerial = 18264;
    private const double LastSerial = 73051;

    private static readonly string[] Blanks = ["无", "-", "—", "/", "／", "——", "空", "暂无"];

    public static (DateOnly? Value, string? Problem) Date(object? cell)
    {
        switch (cell)
        {
            case null:
                return (null, null);
            case DateTime dateTime:
                return (DateOnly.FromDateTime(dateTime), null);
            case DateOnly date:
                return (date, null);
            case double or float or decimal or int or long:
                return Serial(Convert.ToDouble(cell, CultureInfo.InvariantCulture), cell);
        }

        var text = LedgerText.Key(LedgerText.Clean(cell));
        if (text.Length == 0 || Blanks.Contains(text))
        {
            return (null, null);
        }

        if (DatePattern().Match(text) is { Success: true } m)
        {
            return Ymd(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, text);
        }

        if (CompactDate().Match(text) is { Success: true } c)
        {
            return Ymd(c.Groups["y"].Value, c.Groups["m"].Value, c.Groups["d"].Value, text);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            ? Serial(serial, text)
            : (null, $"无法识别的日期「{LedgerText.Clean(cell)}」");
    }

    /// <param name="tenThousands">The column is headed in 万元: a plain number is in ten thousands of yuan.</param>
    public static (decimal? Value, string? Problem) Amount(object? cell, bool tenThousands = false)
    {
        if (cell is double or float or decimal or int or long)
        {
            var number = Convert.ToDecimal(cell, CultureInfo.InvariantCulture) * (tenThousands ? 10000m : 1m);
            return Checked(number, cell);
        }

        var text = LedgerText.Key(LedgerText.Clean(cell));
        if (text.Length == 0 || Blanks.Contains(text))
        {
            return (null, null);
        }

        var unit = tenThousands ? 10000m : 1m;
        var digits = text.Replace("人民币", "", StringComparison.Ordinal).TrimStart('¥', '￥').Replace(",", "", StringComparison.Ordinal);
        if (digits.EndsWith('元'))
        {
            digits = digits[..^1];
        }

        if (digits.EndsWith('万'))
        {
            (digits, unit) = (digits[..^1], 10000m);
        }

        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? Checked(amount * unit, cell)
            : (null, $"无法识别的金额「{LedgerText.Clean(cell)}」");
    }

    /// <summary>A count of people: 5, 5人.</summary>
    public static (int? Value, string? Problem) People(object? cell)
    {
        var text = LedgerText.Key(LedgerText.Clean(cell)).TrimEnd('人');
        if (text.Length == 0)
        {
            return (null, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var people) || (double.TryParse(text, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && (people = (int)d) >= 0)
            ? (people, null)
            : (null, $"无法识别的人数「{LedgerText.Clean(cell)}」");
    }

    /// <summary>书面 / 口头; an empty cell is a written agreement, as the statistical form counts most.</summary>
    public static (AgreementKind Value, string? Problem) Agreement(object? cell)
    {
        var text = LedgerText.Key(LedgerText.Clean(cell));
        return text switch
        {
            "" => (AgreementKind.Written, null),
            _ when text.Contains("口头", StringComparison.Ordinal) => (AgreementKind.Oral, null),
            _ when text.Contains("书面", StringComparison.Ordinal) || text.Contains("协议书", StringComparison.Ordinal) => (AgreementKind.Written, null),
            _ => (AgreementKind.Written, $"无法识别的协议形式「{LedgerText.Clean(cell)}」（应为书面或口头）"),
        };
    }

    /// <summary>高 / 中 / 低 (…风险); empty is 低.</summary>
    public static (RiskLevel Value, string? Problem) Risk(object? cell)
    {
        var text = LedgerText.Key(LedgerText.Clean(cell)).Replace("风险", "", StringComparison.Ordinal);
        return text switch
        {
            "" or "低" or "一般" or "无" => (RiskLevel.Low, null),
            "中" or "较高" => (RiskLevel.Medium, null),
            "高" => (RiskLevel.High, null),
            _ => (RiskLevel.Low, $"无法识别的风险等级「{LedgerText.Clean(cell)}」（应为高、中或低）"),
        };
    }

    private static (decimal? Value, string? Problem) Checked(decimal amount, object? cell) =>
        amount < 0 ? (null, $"金额不能为负数「{LedgerText.Clean(cell)}」")
        : (decimal.Round(amount, 2), null);

    private static (DateOnly? Value, string? Problem) Serial(double serial, object? cell)
    {
        if (serial >= FirstSerial && serial <= LastSerial)
        {
            return (DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))), null);
        }

        var whole = (long)serial;
        return whole == serial && whole is >= 19500101 and <= 21001231
            ? Ymd((whole / 10000).ToString(CultureInfo.InvariantCulture), (whole / 100 % 100).ToString(CultureInfo.InvariantCulture), (whole % 100).ToString(CultureInfo.InvariantCulture), cell)
            : (null, $"无法识别的日期「{LedgerText.Clean(cell)}」");
    }

    private static (DateOnly? Value, string? Problem) Ymd(string y, string m, string d, object? cell) =>
        int.TryParse(y, CultureInfo.InvariantCulture, out var year) && int.TryParse(m, CultureInfo.InvariantCulture, out var month) && int.TryParse(d, CultureInfo.InvariantCulture, out var day)
        && year is >= 1950 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? (new DateOnly(year, month, day), null)
            : (null, $"无法识别的日期「{LedgerText.Clean(cell)}」");

    /// <summary>2022-01-03, 2022/1/3, 2022.01.03, 2022年1月3日, with or without a time after it.</summary>
    [GeneratedRegex(@"^(?<y>\d{4})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})(日|号)?(\d{1,2}:\d{2}(:\d{2})?(\.\d+)?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex CompactDate();
}
