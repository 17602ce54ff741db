using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Security.Sessions;

/// <summary>What the server knows about a live session, for the page's idle clock.</summary>
public sealed record SessionState(string UserId, DateTime LastActivityUtc, TimeSpan IdleLimit);

/// <summary>
/// The sign-in sessions, held in the database (<see cref="ITicketStore"/> of the sign-in cookie). The cookie carries a
/// random key; every request looks its session up, and a session is alive only while its row exists, its user is
/// active and still has the security stamp the session was made with, it has not expired, and it has seen activity
/// within its idle limit. Ending a session deletes its row and tells its open pages (<see cref="SessionRegistry"/>).
/// </summary>
public sealed class SessionStore(
    IDbContextFactory<AppDbContext> dbFactory,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    IOptionsMonitor<SecurityOptions> options,
    IOptions<IdentityOptions> identity,
    SessionRegistry registry) : ITicketStore
{
    /// <summary>The claim that names the session (the row's id, not the cookie's key) in the signed-in principal.</summary>
    public const string SessionIdClaim = "hm:sid";

    /// <summary>The sign-in page, where no session is recognised (see <see cref="RetrieveAsync(string, HttpContext, CancellationToken)"/>).</summary>
    public const string SignInPath = "/account/login";

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var id = IdOf(key);
        SetSessionClaim(ticket.Principal, id);
        var now = Now();
        var session = new UserSession
        {
            Id = id,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
                     ?? throw new InvalidOperationException("A session needs a signed-in user."),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            SecurityStamp = ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType),
            IsPersistent = ticket.Properties.IsPersistent,
            CreatedUtc = now,
            LastActivityUtc = now,
            ExpiresUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
            ClientAddress = SecurityActor.Address(httpContext?.Connection.RemoteIpAddress),
        };
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.UserSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);

        }

        return key;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    /// <summary>
    /// The session's ticket, or null when it is gone or dead (a dead one is removed on the way). On the sign-in page no
    /// session is recognised: a sign-in there always starts a new session under a new key (the cookie handler would
    /// otherwise put the new sign-in into the old key, which someone else may hold: session fixation).
    /// </summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (httpContext?.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase) == true)
        {
            return null;
        }

        var id = IdOf(key);
        var (session, dead) = await FindAsync(id, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (dead is { } reason)
        {
            await EndAsync(id, reason, SecurityActor.Address(httpContext?.Connection.RemoteIpAddress), cancellationToken);
            return null;
        }

        // A page load or a download is activity; the circuit's own traffic is not (the page reports activity itself).
        if (httpContext is null || !httpContext.Request.Path.StartsWithSegments("/_blazor"))
        {
            await TouchAsync(session, Now(), cancellationToken);
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    /// <summary>
    /// The cookie's sliding renewal, or Identity's refreshed claims: the live session keeps its key and gets the new
    /// ticket. A session that has ended is never brought back, and a ticket of another user ends the session.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        SetSessionClaim(ticket.Principal, id);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var stamp = ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        using var writer = await writeGate.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.Id == id && s.UserId != userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.SecurityStamp, stamp).SetProperty(s => s.ExpiresUtc, expires),
            cancellationToken);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        EndAsync(IdOf(key), SessionEndReason.SignedOut, SecurityActor.Address(httpContext?.Connection.RemoteIpAddress), cancellationToken);

    /// <summary>The live session's activity and idle limit; null when it is gone or dead (then it is removed).</summary>
    public async Task<SessionState?> GetAsync(string sessionId, string? clientAddress, CancellationToken ct = default)
    {
        var (session, dead) = await FindAsync(sessionId, ct);
        if (session is null)
        {
            return null;
        }

        if (dead is { } reason)
        {
            await EndAsync(sessionId, reason, clientAddress, ct);
            return null;
        }

        return new SessionState(session.UserId, session.LastActivityUtc, options.CurrentValue.IdleLimit(session.IsPersistent));
    }

    /// <summary>Records activity in the page (the circuit's idle clock calls it, at most every few seconds).</summary>
    public async Task TouchAsync(string sessionId, DateTime atUtc, CancellationToken ct = default)
    {
        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.UserSessions.Where(s => s.Id == sessionId && s.LastActivityUtc < atUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastActivityUtc, atUtc), ct);
    }

    /// <summary>
    /// Ends one session: removes it and tells its open pages. An idle timeout is written to the security log (退出 and
    /// revocations are logged by what caused them). True when this call ended it (false: it was gone already).
    /// </summary>
    public async Task<bool> EndAsync(string sessionId, SessionEndReason reason, string? clientAddress, CancellationToken ct = default)
    {
        int removed;
        using (await writeGate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var owner = await db.UserSessions.Where(s => s.Id == sessionId)
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { u.Id, u.UserName })
                .SingleOrDefaultAsync(ct);
            removed = await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
            if (removed > 0 && reason == SessionEndReason.IdleTimeout && owner is not null)
            {
                var minutes = options.CurrentValue.IdleTimeoutMinutes;
                db.SecurityLog.Add(SecurityEvent.Create(
                    SecurityEventKind.IdleSignOut, Now(), new SecurityActor(owner.Id, owner.UserName ?? "", clientAddress), detail: $"超过 {minutes:0.##} 分钟未操作"));
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        await registry.SessionEndedAsync(sessionId, reason);
        return removed > 0;
    }

    /// <summary>Ends every session of a user, on every device, and tells their open pages.</summary>
    public async Task EndAllAsync(string userId, SessionEndReason reason, CancellationToken ct = default)
    {
        using (await writeGate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await DeleteAllAsync(db, userId, ct);
        }

        await registry.UserSessionsEndedAsync(userId, reason);
    }

    /// <summary>
    /// Deletes a user's sessions inside the caller's transaction (an admin's change of the user); the caller tells the
    /// open pages with <see cref="SessionRegistry.UserSessionsEndedAsync"/> once it has committed.
    /// </summary>
    public static Task<int> DeleteAllAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Removes sessions that can no longer be used (idle beyond the longest limit, or expired).</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var now = Now();
        var idleBefore = now - options.CurrentValue.IdleLimit(persistent: true);
        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserSessions.Where(s => s.LastActivityUtc < idleBefore || s.ExpiresUtc < now).ExecuteDeleteAsync(ct);
    }

    /// <summary>The session's row id for the cookie's key.</summary>
    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Why a session is dead, or null while it lives.</summary>
    internal static SessionEndReason? Dead(UserSession session, string? userStamp, bool userActive, DateTime nowUtc, SecurityOptions options)
    {
        if (!userActive || !string.Equals(session.SecurityStamp, userStamp, StringComparison.Ordinal))
        {
            return SessionEndReason.Revoked;
        }

        if (session.ExpiresUtc is { } expires && expires <= nowUtc)
        {
            return SessionEndReason.Expired;
        }

        return nowUtc - session.LastActivityUtc >= options.IdleLimit(session.IsPersistent) ? SessionEndReason.IdleTimeout : null;
    }

    private async Task<(UserSession? Session, SessionEndReason? Dead)> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, u.SecurityStamp, u.IsActive })
            .SingleOrDefaultAsync(ct);
        return found is null
            ? (null, null)
            : (found.Session, Dead(found.Session, found.SecurityStamp, found.IsActive, Now(), options.CurrentValue));
    }

    private async Task TouchAsync(UserSession session, DateTime now, CancellationToken ct)
    {
        if (now - session.LastActivityUtc >= options.CurrentValue.ActivityWriteInterval(options.CurrentValue.IdleLimit(session.IsPersistent)))
        {
            await TouchAsync(session.Id, now, ct);
        }
    }

    private static void SetSessionClaim(ClaimsPrincipal principal, string sessionId)
    {
        var identity = principal.Identities.First();
        foreach (var old in identity.FindAll(SessionIdClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(SessionIdClaim, sessionId));
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Wires the store into the sign-in cookie and keeps the session claim when Identity refreshes the principal.</summary>
public static class SessionRegistration
{
    public static IServiceCollection AddServerSessions(this IServiceCollection services)
    {
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<SessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((cookie, store) => cookie.SessionStore = store);
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(SessionStore.SessionIdClaim) is { } session
                && context.NewPrincipal?.Identities.FirstOrDefault() is { } identity)
            {
                identity.AddClaim(new Claim(SessionStore.SessionIdClaim, session.Value));
            }

            return Task.CompletedTask;
        });
        return services;
    }
}
