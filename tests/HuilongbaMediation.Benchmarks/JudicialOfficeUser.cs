using System.Globalization;
using System.Security.Claims;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The benchmark acts as the judicial office, who sees the whole town.</summary>
internal sealed class JudicialOfficeUser : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public async Task SignInAsync(IServiceProvider services, string userName, string role = nameof(UserRole.JudicialOffice))
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Role, role),
            new Claim(AppClaims.DisplayName, user.DisplayName),
        ];
        if (user.VillageId is { } village)
        {
            claims.Add(new Claim(AppClaims.VillageId, village.ToString(CultureInfo.InvariantCulture)));
        }

        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, "benchmark"));
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}
