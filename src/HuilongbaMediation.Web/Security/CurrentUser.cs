using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Security;

/// <summary>What the app bar and the home page show of the signed-in user.</summary>
public sealed record UserProfile(string UserName, string DisplayName, UserRole Role, int? VillageId, string? VillageName, bool LargeText = false);

/// <summary>
/// The signed-in user of this circuit or request, read from <see cref="AuthenticationStateProvider"/>
/// (not IHttpContextAccessor, which is unreliable inside a circuit).
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<Actor?> GetActorAsync() => (await GetPrincipalAsync()).ToActor();

    public async Task<System.Security.Claims.ClaimsPrincipal> GetPrincipalAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The user's current name and village as the database has them (a village may have been renamed).</summary>
    public async Task<UserProfile?> GetProfileAsync(CancellationToken ct = default)
    {
        var actor = await GetActorAsync();
        if (actor is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == actor.UserId)
            .Select(u => new UserProfile(u.UserName!, u.DisplayName, actor.Role, u.VillageId, u.Village == null ? null : u.Village.Name, u.LargeText))
            .SingleOrDefaultAsync(ct);
    }
}
