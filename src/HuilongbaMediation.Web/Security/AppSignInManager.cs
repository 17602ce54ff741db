using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Security;

/// <summary>
/// Identity's sign-in, with what a town office needs on top: deactivated users (停用) are refused; every attempt is
/// written to the security log (user name tried, client address); and an attempt costs the same password-hash work
/// whether the user name exists, is deactivated, is locked out or not, so the response time does not tell an attacker
/// which user names exist.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    IPasswordHasher<AppUser> passwordHasher,
    SecurityLogWriter securityLog,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash made with this app's hasher (same algorithm and iterations as real ones) of a password nobody has.</summary>
    private static string? s_decoyHash;

    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendHashWork(password);
            await LogAsync(SecurityEventKind.SignInFailed, null, userName, "用户名不存在");
            return SignInResult.Failed;
        }

        var wasLockedOut = await UserManager.IsLockedOutAsync(user);
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (result.Succeeded)
        {
            await LogAsync(SecurityEventKind.SignIn, user.Id, user.UserName!, isPersistent ? "保持登录" : null);
        }
        else if (result.IsLockedOut)
        {
            await LogAsync(SecurityEventKind.LockedOut, user.Id, user.UserName!, wasLockedOut ? "账户锁定期间尝试登录" : "连续输错密码，账户已锁定");
        }
        else
        {
            await LogAsync(SecurityEventKind.SignInFailed, user.Id, user.UserName!, result.IsNotAllowed ? "账户已停用" : "密码错误");
        }

        return result;
    }

    /// <summary>
    /// Identity refuses a locked-out or deactivated user before it checks the password, which answers faster than a
    /// wrong password would; the decoy check evens that out.
    /// </summary>
    protected override async Task<SignInResult?> PreSignInCheck(AppUser user)
    {
        var refused = await base.PreSignInCheck(user);
        if (refused is not null)
        {
            SpendHashWork("");
        }

        return refused;
    }

    private void SpendHashWork(string password)
    {
        s_decoyHash ??= passwordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));
        _ = passwordHasher.VerifyHashedPassword(new AppUser(), s_decoyHash, password ?? "");
    }

    private Task LogAsync(SecurityEventKind kind, string? userId, string userName, string? detail) =>
        Context is { } http
            ? securityLog.WriteAsync(
                SecurityEvent.Create(kind, clock.GetUtcNow().UtcDateTime, new SecurityActor(userId, userName, SecurityActor.Address(http.Connection.RemoteIpAddress)), null, detail),
                http.RequestAborted)
            : Task.CompletedTask;
}
