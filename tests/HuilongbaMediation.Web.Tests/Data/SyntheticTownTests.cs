using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>
/// The synthetic town of any size (<c>generate --cases N --years Y</c>): cases filed over the whole span, numbered per year
/// in filing order across batches, in every state a town has on a given day, with valid ID numbers and a committee each.
/// </summary>
public sealed class SyntheticTownTests
{
    [Fact]
    public async Task A_case_filed_minutes_before_now_whose_lead_would_be_assigned_after_now_stays_filed()
    {
        // At 10:14 in 回龙坝 a few of the day's cases were filed minutes ago: before the fix a story could accept one whose
        // assignment (10–90 minutes after filing) had been skipped as being in the future, the domain refused the accept
        // as forbidden, and `generate --cases 5000` died half-way (seen at this time of day with these seeds).
        await using var app = await TestApp.StartAsync(demo: true);
        var clock = (Microsoft.Extensions.Time.Testing.FakeTimeProvider)app.Clock;
        clock.SetUtcNow(new DateTimeOffset(TestClock.Start.UtcDateTime.Date.AddDays(1).AddHours(2).AddMinutes(14).AddSeconds(58), TimeSpan.Zero));

        var written = await app.Get<DemoCaseGenerator>().GenerateSpanAsync(5000, 3, 1000, null, default);

        Assert.Equal(5000, written);
        await using var db = await app.DbAsync();
        var accepted = nameof(CaseTrigger.Accept);
        Assert.Equal(0, await db.Cases.CountAsync(c => c.History.Any(h => h.Action == accepted) && !c.Mediators.Any(m => m.IsLead)));
    }

    [Fact]
    public async Task A_town_over_years_is_numbered_per_year_in_filing_order_and_is_in_every_state()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var heard = new List<int>();

        // Dense enough that the rarest state is there whatever the day: 移交待审核 is about 3 % of the cases 16–40 days
        // old, so 4,000 cases over a year leave about 8 in that window, where 1,200 over three
        // years left less than one, and the state was there or not by the day the span ended.
        var written = await app.Get<DemoCaseGenerator>().GenerateSpanAsync(4000, 1, 250, heard.Add, default);

        Assert.Equal(4000, written);
        Assert.True(heard.Count >= 12, "the progress is reported after each batch");
        Assert.Equal(4000, heard[^1]);
        await using var db = await app.DbAsync();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.History).AsSplitQuery().ToListAsync();
        Assert.Equal(4000, cases.Count);

        // Spread over the year up to today (across a new year's day), every year numbered 1, 2, 3… in the order of filing.
        Assert.InRange(cases.Min(c => c.FiledOn), app.Today.AddYears(-1), app.Today.AddYears(-1).AddDays(2));
        Assert.InRange(cases.Max(c => c.FiledOn), app.Today.AddDays(-3), app.Today);
        foreach (var year in cases.GroupBy(c => c.Year))
        {
            var inFilingOrder = year.OrderBy(c => c.History.Min(h => h.AtUtc)).Select(c => c.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, year.Count()), inFilingOrder);
            Assert.All(year, c => Assert.Equal(c.FiledOn.Year, c.Year));
        }

        // Old cases are concluded; what is open is recent; some are overdue, some high-risk; every state is there.
        var today = app.Today;
        Assert.All(cases.Where(c => c.FiledOn < today.AddDays(-130)), c => Assert.NotEqual(CaseStatus.Filed, c.Status));
        Assert.Contains(cases, c => c.Status == CaseStatus.Mediating && c.DueOn < today);
        Assert.Contains(cases, c => c.RiskLevel == RiskLevel.High);
        foreach (var status in new[] { CaseStatus.Filed, CaseStatus.Mediating, CaseStatus.Resolved, CaseStatus.Terminated, CaseStatus.Declined, CaseStatus.ReferralPending, CaseStatus.ReferralApproved })
        {
            Assert.True(cases.Any(c => c.Status == status), $"no case is {status}: {string.Join(", ", cases.GroupBy(c => c.Status).Select(g => $"{g.Key} {g.Count()}"))}");
        }

        Assert.All(cases.SelectMany(c => c.Parties).Where(p => p.IdNumber is not null), p => Assert.True(IdNumber.IsValid(p.IdNumber!, today), p.IdNumber));
        Assert.All(cases, c => Assert.NotNull(c.CommitteeId));
        Assert.All(cases, c => Assert.Equal(c.History.Count - 1, c.Version));
    }

    [Fact]
    public async Task A_load_that_fails_half_way_leaves_no_case_behind()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            app.Get<DemoCaseGenerator>().GenerateSpanAsync(400, 2, 40, done => stop.CancelIf(done >= 120), stop.Token));

        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.CaseHistory.CountAsync());
    }

    [Fact]
    public async Task The_command_fills_an_empty_demo_database_and_refuses_one_with_cases()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var (code, output, error) = await RunAsync(app, "generate", "--cases", "120", "--years", "2");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("已生成：120 件案件", output, StringComparison.Ordinal);

        var again = await RunAsync(app, "generate", "--cases", "10");
        Assert.Equal(1, again.Code);
        Assert.Contains("数据库中已有案件", again.Error, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        Assert.Equal(120, await db.Cases.CountAsync());
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("generate", "--years", "3")]
    [InlineData("generate", "--cases", "0")]
    [InlineData("generate", "--cases", "10", "--years")]
    [InlineData("generate", "--cases", "ten")]
    [InlineData("generate", "--cases", "10", "--append", "1")]
    public void Wrong_options_are_a_usage_error(params string[] args) =>
        Assert.IsType<UsageCommand>(CliCommand.Parse(args));

    [Fact]
    public async Task Outside_demo_mode_the_command_refuses()
    {
        await using var app = await TestApp.StartAsync();
        var (code, _, error) = await RunAsync(app, "generate", "--cases", "10");

        Assert.Equal(1, code);
        Assert.Contains("只在演示模式下运行", error, StringComparison.Ordinal);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestApp app, params string[] args)
    {
        var command = Assert.IsType<GenerateCommand>(CliCommand.Parse(args));
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await command.WithConsole(output, error).RunAsync(app.Get<IServiceProvider>());
        return (code, output.ToString(), error.ToString());
    }
}

file static class CancellationExtensions
{
    public static void CancelIf(this CancellationTokenSource source, bool condition)
    {
        if (condition)
        {
            source.Cancel();
        }
    }
}
