using System.Security.Claims;
using Bunit;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Components.Account;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HuilongbaMediation.Web.Tests.Security;

public sealed class IdleClockTests
{
    private static readonly DateTime Last = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(0, IdlePhase.Active, 29 * 60)]
    [InlineData(28 * 60 + 59, IdlePhase.Active, 1)]
    [InlineData(29 * 60, IdlePhase.Warning, 60)]
    [InlineData(29 * 60 + 30, IdlePhase.Warning, 30)]
    [InlineData(30 * 60, IdlePhase.Expired, 0)]
    [InlineData(45 * 60, IdlePhase.Expired, 0)]
    public void A_minute_before_the_end_the_page_warns_and_at_the_end_the_session_expires(int secondsIdle, IdlePhase phase, int nextCheckInSeconds)
    {
        var decision = IdleClock.Decide(Last, Last.AddSeconds(secondsIdle), Limit, Lead);

        Assert.Equal((phase, Last + Limit, TimeSpan.FromSeconds(nextCheckInSeconds)), (decision.Phase, decision.EndsAtUtc, decision.NextCheckIn));
    }

    [Fact]
    public void The_warning_never_takes_more_than_half_the_limit()
    {
        var options = new SecurityOptions { IdleTimeoutMinutes = 0.2, IdleWarningSeconds = 60 };

        Assert.Equal(TimeSpan.FromSeconds(6), options.WarningLead(options.IdleTimeout));
        Assert.Equal(TimeSpan.FromSeconds(60), new SecurityOptions().WarningLead(TimeSpan.FromMinutes(30)));
    }
}

/// <summary>
/// The idle guard of the layout, rendered with bUnit over a real session row and a fake clock: the warning comes a
/// minute before the end, activity or 继续使用 takes it away, and at the end the session is gone from the server and
/// every open page of it is told.
/// </summary>
public sealed class IdleGuardTests : MudTestContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
    private TestApp _app = default!;
    private string _sessionId = "";
    private readonly List<SessionEndReason> _told = [];
    private IDisposable? _listening;

    protected override async Task SetUpAsync()
    {
        _app = await TestApp.StartAsync(demo: true, services: s => s.AddSingleton<TimeProvider>(_clock));
        var key = await SignInAsync("zhangmin");
        _sessionId = SessionStore.IdOf(key);
        var actor = await _app.SignInAsUserAsync("zhangmin");
        _app.Auth.SignInAs(actor, "zhangmin", [new Claim(SessionStore.SessionIdClaim, _sessionId)]);
        _listening = _app.Get<SessionRegistry>().Register(_sessionId, actor.UserId, r =>
        {
            _told.Add(r);
            return Task.CompletedTask;
        });

        Services.AddSingleton(_app.Get<SessionStore>());
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_app.Get<IOptions<SecurityOptions>>());
        Services.AddSingleton(_app.Get<ClientInfo>());
        Services.AddSingleton<AuthenticationStateProvider>(_app.Auth);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected override async Task TearDownAsync()
    {
        _listening?.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Twenty_nine_minutes_without_activity_bring_the_warning_and_thirty_end_the_session_everywhere()
    {
        var cut = Render<IdleGuard>();
        Listening(cut);

        _clock.Advance(TimeSpan.FromMinutes(28));
        Assert.Empty(cut.FindAll("[data-testid=idle-warning]"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        cut.WaitForAssertion(() => Assert.Contains("60 秒后将自动退出登录", cut.Find("[data-testid=idle-warning]").TextContent, StringComparison.Ordinal));

        _clock.Advance(TimeSpan.FromMinutes(1));
        cut.WaitForAssertion(() => Assert.Equal([SessionEndReason.IdleTimeout], _told));
        await using var db = await _app.DbAsync();
        Assert.Empty(db.UserSessions);
        Assert.Equal(SecurityEventKind.IdleSignOut, (await db.SecurityLog.SingleAsync()).Kind);
    }

    [Fact]
    public async Task Continue_takes_the_warning_away_and_keeps_the_session_for_another_thirty_minutes()
    {
        var cut = Render<IdleGuard>();
        Listening(cut);
        _clock.Advance(TimeSpan.FromMinutes(29.5));
        cut.WaitForAssertion(() => cut.Find("[data-testid=idle-warning]"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=idle-keep]").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=idle-warning]")));
        _clock.Advance(TimeSpan.FromMinutes(28));
        Assert.Empty(_told);
        Assert.NotNull(await _app.Get<SessionStore>().GetAsync(_sessionId, null));
        _clock.Advance(TimeSpan.FromMinutes(1));
        cut.WaitForAssertion(() => cut.Find("[data-testid=idle-warning]"));
    }

    [Fact]
    public async Task Activity_in_the_page_is_written_to_the_session_and_postpones_the_warning()
    {
        var cut = Render<IdleGuard>();
        Listening(cut);

        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            await cut.InvokeAsync(() => cut.Instance.OnActivity());
        }

        Assert.Empty(cut.FindAll("[data-testid=idle-warning]"));
        Assert.Empty(_told);
        var session = await _app.Get<SessionStore>().GetAsync(_sessionId, null);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, session!.LastActivityUtc);
    }

    [Fact]
    public async Task Activity_in_another_tab_of_the_session_keeps_this_one_too()
    {
        var cut = Render<IdleGuard>();
        Listening(cut);

        _clock.Advance(TimeSpan.FromMinutes(25));
        await _app.Get<SessionStore>().TouchAsync(_sessionId, _clock.GetUtcNow().UtcDateTime); // the other tab
        _clock.Advance(TimeSpan.FromMinutes(4));

        // The check at 29 minutes finds the other tab's activity: no warning, and the next check at 54 minutes.
        cut.WaitForState(() => cut.Instance.ChecksDone == 1);
        Assert.Empty(cut.FindAll("[data-testid=idle-warning]"));
        _clock.Advance(TimeSpan.FromMinutes(24));
        Assert.Equal(1, cut.Instance.ChecksDone);
        _clock.Advance(TimeSpan.FromMinutes(1));
        cut.WaitForAssertion(() => cut.Find("[data-testid=idle-warning]"));
        Assert.Empty(_told);
    }

    /// <summary>After the first render the guard has read the session, started its clock and loaded its script.</summary>
    private void Listening(IRenderedComponent<IdleGuard> cut) =>
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "import"));

    private Task<string> SignInAsync(string userName) => TestSessions.SignInAsync(_app, _clock, userName);
}
