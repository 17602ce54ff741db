using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security.Sessions;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace HuilongbaMediation.Web.Tests.Security;

/// <summary>Sessions as the sign-in cookie handler makes them, for the tests of the store and the idle guard.</summary>
public static class TestSessions
{
    /// <summary>The user's principal as a ticket (good for two days), stored; the cookie's key back.</summary>
    public static async Task<string> SignInAsync(TestApp app, TimeProvider clock, string userName, bool persistent = false)
    {
        await using var scope = app.NewScope();
        var users = scope.Get<UserManager<AppUser>>();
        var principal = await scope.Get<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByNameAsync(userName))!);
        var properties = new AuthenticationProperties { IsPersistent = persistent, ExpiresUtc = clock.GetUtcNow().AddDays(2) };
        return await app.Get<SessionStore>().StoreAsync(new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme));
    }
}
