using System.Security.Claims;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security.Sessions;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HuilongbaMediation.Web.Tests.Security;

/// <summary>
/// The server-side sessions on a real SQLite file, with a fake clock: a session lives while its row exists, its user is
/// active with the same security stamp, and it has seen activity within its idle limit (30 minutes; 12 hours when the
/// user ticked 保持登录).
/// </summary>
public sealed class SessionStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
    private TestApp _app = default!;

    private SessionStore Store => _app.Get<SessionStore>();

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(demo: true, services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_stored_session_gives_back_its_ticket_with_the_session_claim_and_the_cookie_key_is_not_in_the_table()
    {
        var key = await SignInAsync("zhangmin");

        var ticket = await Store.RetrieveAsync(key);

        Assert.NotNull(ticket);
        Assert.Equal(await _app.UserIdAsync("zhangmin"), ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(SessionStore.IdOf(key), ticket.Principal.FindFirstValue(SessionStore.SessionIdClaim));
        await using var db = await _app.DbAsync();
        var row = await db.UserSessions.SingleAsync();
        Assert.NotEqual(key, row.Id);
        Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString(row.Ticket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thirty_minutes_without_activity_end_the_session_and_the_log_says_so()
    {
        var key = await SignInAsync("zhangmin");
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await Store.RetrieveAsync(key)); // a page load is activity

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await Store.RetrieveAsync(key)); // 29 minutes after the last activity

        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(await Store.RetrieveAsync(key));

        await using var db = await _app.DbAsync();
        Assert.Empty(db.UserSessions);
        var line = await db.SecurityLog.SingleAsync();
        Assert.Equal((SecurityEventKind.IdleSignOut, "zhangmin", "超过 30 分钟未操作"), (line.Kind, line.UserName, line.Detail));
    }

    [Fact]
    public async Task Keep_me_signed_in_extends_the_idle_limit_to_twelve_hours_and_no_further()
    {
        var key = await SignInAsync("zhangmin", persistent: true);

        _clock.Advance(TimeSpan.FromHours(11.9));
        Assert.NotNull(await Store.RetrieveAsync(key));
        _clock.Advance(TimeSpan.FromHours(12));
        Assert.Null(await Store.RetrieveAsync(key));
    }

    [Fact]
    public async Task Activity_in_the_page_keeps_the_session()
    {
        var key = await SignInAsync("zhangmin");
        var id = SessionStore.IdOf(key);
        for (var i = 0; i < 6; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            await Store.TouchAsync(id, _clock.GetUtcNow().UtcDateTime);
        }

        Assert.NotNull(await Store.RetrieveAsync(key)); // two hours in, never 30 minutes idle
    }

    [Fact]
    public async Task A_new_security_stamp_or_a_deactivated_user_ends_every_session_of_the_user()
    {
        var first = await SignInAsync("zhangmin");
        var second = await SignInAsync("zhangmin");
        var other = await SignInAsync("liqiang");

        await using (var scope = _app.NewScope())
        {
            var users = scope.Get<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("zhangmin"))!);
        }

        Assert.Null(await Store.RetrieveAsync(first));
        Assert.Null(await Store.RetrieveAsync(second));
        Assert.NotNull(await Store.RetrieveAsync(other));

        await using (var db = await _app.DbAsync())
        {
            await db.Users.Where(u => u.UserName == "liqiang").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        Assert.Null(await Store.RetrieveAsync(other));
    }

    [Fact]
    public async Task Ending_all_sessions_of_a_user_removes_them_and_tells_their_open_pages_at_once()
    {
        var first = await SignInAsync("zhangmin");
        var second = await SignInAsync("zhangmin");
        var other = await SignInAsync("liqiang");
        var registry = _app.Get<SessionRegistry>();
        var told = new List<(string Session, SessionEndReason Reason)>();
        var zhangmin = await _app.UserIdAsync("zhangmin");
        using var a = registry.Register(SessionStore.IdOf(first), zhangmin, r => Told(told, first, r));
        using var b = registry.Register(SessionStore.IdOf(second), zhangmin, r => Told(told, second, r));
        using var c = registry.Register(SessionStore.IdOf(other), await _app.UserIdAsync("liqiang"), r => Told(told, other, r));

        await Store.EndAllAsync(zhangmin, SessionEndReason.SignedOut);

        Assert.Equal([(first, SessionEndReason.SignedOut), (second, SessionEndReason.SignedOut)], told);
        Assert.Null(await Store.RetrieveAsync(first));
        Assert.Null(await Store.RetrieveAsync(second));
        Assert.NotNull(await Store.RetrieveAsync(other));
    }

    [Fact]
    public async Task Signing_out_removes_the_session_and_its_key_no_longer_works()
    {
        var key = await SignInAsync("zhangmin");

        await Store.RemoveAsync(key);

        Assert.Null(await Store.RetrieveAsync(key));
    }

    [Fact]
    public async Task A_renewal_never_brings_an_ended_session_back_and_never_hands_it_to_another_user()
    {
        var key = await SignInAsync("zhangmin");
        var ticket = (await Store.RetrieveAsync(key))!;
        var other = await SignInAsync("liqiang");
        var othersTicket = (await Store.RetrieveAsync(other))!;

        await Store.RenewAsync(other, ticket); // zhangmin's ticket under liqiang's key
        await Store.EndAllAsync(await _app.UserIdAsync("zhangmin"), SessionEndReason.SignedOut);
        await Store.RenewAsync(key, ticket); // a late sliding renewal of the ended session

        Assert.Null(await Store.RetrieveAsync(other));
        Assert.Null(await Store.RetrieveAsync(key));
        Assert.NotNull(othersTicket);
    }

    [Fact]
    public async Task On_the_sign_in_page_no_session_is_recognised_so_a_sign_in_there_always_gets_a_new_key()
    {
        var key = await SignInAsync("zhangmin");
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Path = "/account/login";

        Assert.Null(await Store.RetrieveAsync(key, http, CancellationToken.None));
        http.Request.Path = "/cases";
        Assert.NotNull(await Store.RetrieveAsync(key, http, CancellationToken.None));
    }

    [Fact]
    public async Task The_clean_up_removes_only_sessions_that_can_no_longer_be_used()
    {
        await SignInAsync("zhangmin", persistent: true);
        _clock.Advance(TimeSpan.FromHours(13));
        var fresh = await SignInAsync("liqiang");

        Assert.Equal(1, await Store.PurgeAsync());

        await using var db = await _app.DbAsync();
        Assert.Equal(SessionStore.IdOf(fresh), (await db.UserSessions.SingleAsync()).Id);
    }

    [Fact]
    public async Task The_security_stamp_validator_keeps_the_session_claim_when_it_refreshes_the_principal()
    {
        var options = _app.Get<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var current = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionStore.SessionIdClaim, "abc")], "test"));
        var fresh = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "zhangmin")], "test"));

        await options.OnRefreshingPrincipal!(new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = fresh });

        Assert.Equal("abc", fresh.FindFirstValue(SessionStore.SessionIdClaim));
    }

    private static Task Told(List<(string, SessionEndReason)> told, string key, SessionEndReason reason)
    {
        lock (told)
        {
            told.Add((key, reason));
        }

        return Task.CompletedTask;
    }

    private Task<string> SignInAsync(string userName, bool persistent = false) => TestSessions.SignInAsync(_app, _clock, userName, persistent);
}
