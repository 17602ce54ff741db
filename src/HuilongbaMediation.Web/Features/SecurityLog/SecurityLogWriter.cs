using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>
/// Writes the security log. Endpoints pass their request (the user and address are the request's); the circuit's
/// use cases name only what happened (the user comes from <see cref="CurrentUser"/>, the address from
/// <see cref="ClientInfo"/>). A use case that writes data adds its line to its own context with <see cref="NewAsync"/>,
/// so that the line and the change are saved in one transaction, or neither.
/// </summary>
public sealed class SecurityLogWriter(
    IDbContextFactory<AppDbContext> dbFactory, SqliteWriteGate writeGate, TimeProvider clock, CurrentUser currentUser, ClientInfo client)
{
    /// <summary>A line about the request's user (or the user name typed at a sign-in).</summary>
    public Task WriteAsync(HttpContext http, SecurityEventKind kind, string? subject, string? detail, CancellationToken ct = default) =>
        WriteAsync(SecurityEvent.Create(kind, Now(), SecurityActor.Of(http.User, http.Connection.RemoteIpAddress), subject, detail), ct);

    /// <summary>A line about the circuit's user.</summary>
    public async Task WriteAsync(SecurityEventKind kind, string? subject, string? detail, CancellationToken ct = default) =>
        await WriteAsync(await NewAsync(kind, subject, detail), ct);

    /// <summary>A line about the circuit's user, for the caller to add to its own context and transaction.</summary>
    public async Task<SecurityEvent> NewAsync(SecurityEventKind kind, string? subject, string? detail) =>
        SecurityEvent.Create(kind, Now(), SecurityActor.Of(await currentUser.GetPrincipalAsync(), null) with { ClientAddress = client.Address }, subject, detail);

    public async Task WriteAsync(SecurityEvent line, CancellationToken ct = default)
    {
        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SecurityLog.Add(line);
        await db.SaveChangesAsync(ct);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
