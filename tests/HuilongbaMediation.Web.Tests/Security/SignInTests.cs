using System.Net;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuilongbaMediation.Web.Tests.Security;

/// <summary>
/// The sign-in itself (AppSignInManager) on a real database with the demo users, as the sign-in page calls it. Its
/// timing is measured in the benchmarks; here, that every attempt does the same password-hash work.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Password = "hshs-demo-2026";
    private readonly CountingHasher _hasher = new();
    private TestApp _app = default!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(demo: true, services: s => s.AddSingleton<IPasswordHasher<AppUser>>(_hasher));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("nobody", "whatever-password")] // no such user
    [InlineData("zhangmin", "wrong-password")]
    [InlineData("zhangmin", Password)]
    [InlineData("deactivated", Password)]
    [InlineData("locked", Password)]
    public async Task Every_attempt_costs_one_password_hash_check_so_the_time_does_not_tell_which_names_exist(string userName, string password)
    {
        await using (var db = await _app.DbAsync())
        {
            await db.Users.Where(u => u.UserName == "liqiang").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false).SetProperty(x => x.UserName, "deactivated").SetProperty(x => x.NormalizedUserName, "DEACTIVATED"));
            await db.Users.Where(u => u.UserName == "wangfang").ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(5)).SetProperty(x => x.UserName, "locked").SetProperty(x => x.NormalizedUserName, "LOCKED"));
        }

        _hasher.Checks = 0;
        await SignInAsync(userName, password);

        Assert.Equal(1, _hasher.Checks);
    }

    [Fact]
    public async Task Every_attempt_is_logged_with_the_name_tried_and_the_clients_address()
    {
        var unknown = await SignInAsync("nobody", "whatever-password");
        var wrong = await SignInAsync("liqiang", "wrong-password");
        var right = await SignInAsync("liqiang", Password, persistent: true);
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync("wangfang", "wrong-password");
        }

        var locking = await SignInAsync("wangfang", "wrong-password");
        var whileLocked = await SignInAsync("wangfang", Password);

        Assert.Equal((false, false, true), (unknown.Succeeded, wrong.Succeeded, right.Succeeded));
        Assert.True(locking.IsLockedOut && whileLocked.IsLockedOut);
        await using var db = await _app.DbAsync();
        var lines = await db.SecurityLog.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                (SecurityEventKind.SignInFailed, "nobody", "用户名不存在", false),
                (SecurityEventKind.SignInFailed, "liqiang", "密码错误", true),
                (SecurityEventKind.SignIn, "liqiang", "保持登录", true),
                (SecurityEventKind.SignInFailed, "wangfang", "密码错误", true),
                (SecurityEventKind.SignInFailed, "wangfang", "密码错误", true),
                (SecurityEventKind.SignInFailed, "wangfang", "密码错误", true),
                (SecurityEventKind.SignInFailed, "wangfang", "密码错误", true),
                (SecurityEventKind.LockedOut, "wangfang", "连续输错密码，账户已锁定", true),
                (SecurityEventKind.LockedOut, "wangfang", "账户锁定期间尝试登录", true),
            ],
            lines.Select(e => (e.Kind, e.UserName, e.Detail!, e.UserId is not null)));
        Assert.All(lines, e => Assert.Equal("203.0.113.9", e.ClientAddress));
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_and_the_log_says_why()
    {
        await using (var db = await _app.DbAsync())
        {
            await db.Users.Where(u => u.UserName == "liqiang").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        var result = await SignInAsync("liqiang", Password);

        Assert.True(result.IsNotAllowed);
        await using var after = await _app.DbAsync();
        Assert.Equal((SecurityEventKind.SignInFailed, "账户已停用"), await after.SecurityLog.Select(e => new ValueTuple<SecurityEventKind, string>(e.Kind, e.Detail!)).SingleAsync());
    }

    [Fact]
    public async Task A_successful_sign_in_opens_a_session_on_the_server()
    {
        await SignInAsync("zhangmin", Password);

        await using var db = await _app.DbAsync();
        var session = await db.UserSessions.SingleAsync();
        Assert.Equal((await _app.UserIdAsync("zhangmin"), "203.0.113.9", false), (session.UserId, session.ClientAddress, session.IsPersistent));
    }

    /// <summary>As the sign-in page does it: in a request of its own, from 203.0.113.9.</summary>
    private async Task<SignInResult> SignInAsync(string userName, string password, bool persistent = false)
    {
        await using var scope = _app.NewScope();
        var http = new DefaultHttpContext { RequestServices = scope.Get<IServiceProvider>() };
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        scope.Get<IHttpContextAccessor>().HttpContext = http;
        try
        {
            return await scope.Get<SignInManager<AppUser>>().PasswordSignInAsync(userName, password, persistent, lockoutOnFailure: true);
        }
        finally
        {
            scope.Get<IHttpContextAccessor>().HttpContext = null;
        }
    }

    /// <summary>Identity's own hasher, counting the password checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _checks;

        public int Checks
        {
            get => _checks;
            set => _checks = value;
        }

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
