using System.Security.Claims;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Components.Account;

/// <summary>
/// The signed-in user of a circuit, for as long as their session lives. When the session ends in this process (退出 in
/// another tab, a password change, an admin's change of the user, the idle timeout) the circuit is told at once
/// through <see cref="SessionRegistry"/> and becomes anonymous, which sends the page to the sign-in page. As a
/// backstop (a change made by another process, a missed notice) the session is checked every few seconds
/// (<see cref="SecurityOptions.RevalidationSeconds"/>).
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly SessionStore _sessions;
    private readonly SessionRegistry _registry;
    private readonly ClientInfo _client;
    private readonly TimeSpan _interval;
    private IDisposable? _registration;
    private bool _inCircuit;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, SessionStore sessions, SessionRegistry registry, ClientInfo client, IOptions<SecurityOptions> options)
        : base(loggerFactory)
    {
        _sessions = sessions;
        _registry = registry;
        _client = client;
        _interval = options.Value.Revalidation;
        AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    /// <summary>Why the circuit's session ended, once it has; the sign-in page says so.</summary>
    public SessionEndReason? EndReason { get; private set; }

    protected override TimeSpan RevalidationInterval => _interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.FindFirstValue(SessionStore.SessionIdClaim) is not { } sessionId)
        {
            return false;
        }

        var alive = await _sessions.GetAsync(sessionId, _client.Address, cancellationToken) is not null;
        if (!alive)
        {
            EndReason ??= SessionEndReason.Revoked;
        }

        return alive;
    }

    /// <summary>
    /// Called when the circuit opens (<see cref="SessionCircuitHandler"/>): from now on this provider stands for an open
    /// page and listens for its session's end. (The same provider also serves plain requests, which must not listen:
    /// a page that ends the user's sessions and opens a new one, as 修改密码 does, would otherwise sign itself out.)
    /// </summary>
    internal async Task AttachToCircuitAsync()
    {
        _inCircuit = true;
        Listen((await GetAuthenticationStateAsync()).User);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= OnAuthenticationStateChanged;
            _registration?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> task)
    {
        try
        {
            if (_inCircuit)
            {
                Listen((await task).User);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The circuit is going away.
        }
    }

    private void Listen(ClaimsPrincipal user)
    {
        _registration?.Dispose();
        _registration = user.FindFirstValue(SessionStore.SessionIdClaim) is { } sessionId
                        && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? _registry.Register(sessionId, userId, EndAsync)
            : null;
    }

    private Task EndAsync(SessionEndReason reason)
    {
        EndReason = reason;
        SetAuthenticationState(Task.FromResult(Anonymous));
        return Task.CompletedTask;
    }
}

/// <summary>Tells the circuit's authentication state provider that it now stands for an open page.</summary>
internal sealed class SessionCircuitHandler(AuthenticationStateProvider authentication) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken) =>
        authentication is IdentityRevalidatingAuthenticationStateProvider provider ? provider.AttachToCircuitAsync() : Task.CompletedTask;
}
