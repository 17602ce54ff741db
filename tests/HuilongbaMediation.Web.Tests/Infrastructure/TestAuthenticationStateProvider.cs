using System.Globalization;
using System.Security.Claims;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>The signed-in user of a test, with the same claims the sign-in cookie carries.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    /// <param name="actor">Who.</param>
    /// <param name="userName">Their user name (the principal's name, as the security log records it); the id by default.</param>
    /// <param name="extra">More claims, e.g. the session's id.</param>
    public void SignInAs(Actor actor, string? userName = null, IEnumerable<Claim>? extra = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId),
            new(ClaimTypes.Name, userName ?? actor.UserId),
            new(ClaimTypes.Role, actor.Role.ToString()),
            new(AppClaims.DisplayName, actor.DisplayName),
        };
        if (actor.VillageId is { } village)
        {
            claims.Add(new Claim(AppClaims.VillageId, village.ToString(CultureInfo.InvariantCulture)));
        }

        claims.AddRange(extra ?? []);
        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public void SignOut()
    {
        _user = new ClaimsPrincipal(new ClaimsIdentity());
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}
