using HuilongbaMediation.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>
/// The test run's "now": taken once when the run starts, so every test app's clock (a <see cref="FakeTimeProvider"/>
/// per app) and every test's "today" agree, even when the run crosses midnight in 回龙坝. Each app's clock moves a
/// millisecond each time it is read, so two operations never happen at the same instant (as on a real clock), and
/// a test may move it further (<c>Advance</c>).
/// </summary>
public static class TestClock
{
    public static DateTimeOffset Start { get; } = DateTimeOffset.UtcNow;

    /// <summary>Today in 回龙坝 at <see cref="Start"/>.</summary>
    public static DateOnly Today => ChinaClock.Today(Start.UtcDateTime);

    /// <summary>A clock of its own for one app, at <see cref="Start"/>.</summary>
    public static FakeTimeProvider New() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
}
