using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Tests.Common;

public sealed class ChinaClockTests
{
    [Theory]
    [InlineData("2026-03-01T15:59:59Z", "2026-03-01")]
    [InlineData("2026-03-01T16:00:00Z", "2026-03-02")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void Today_is_the_date_in_china(string utc, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), ChinaClock.Today(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)));

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void Only_utc_is_accepted(DateTimeKind kind) =>
        Assert.Throws<ArgumentException>(() => ChinaClock.Today(new DateTime(2026, 3, 2, 0, 0, 0, kind)));
}
