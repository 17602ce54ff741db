using System.Collections.Concurrent;

namespace HuilongbaMediation.Web.Security.Sessions;

/// <summary>Why a session ended, for the message on the sign-in page.</summary>
public enum SessionEndReason
{
    /// <summary>退出 (in this or another tab or device).</summary>
    SignedOut,

    /// <summary>No activity for the idle limit.</summary>
    IdleTimeout,

    /// <summary>A password change or reset, a change of role, village or status.</summary>
    Revoked,

    /// <summary>The sign-in's own lifetime ran out.</summary>
    Expired,
}

/// <summary>
/// The open circuits of this process by session and user, so that ending a session reaches its open pages at once
/// (not at their next revalidation). In-process only: another process (the CLI) relies on the revalidation.
/// </summary>
public sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private long _next;

    /// <summary>How many circuits listen (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>Listens for the end of a session; dispose the result to stop.</summary>
    public IDisposable Register(string sessionId, string userId, Func<SessionEndReason, Task> onEnded)
    {
        var id = Interlocked.Increment(ref _next);
        _entries[id] = new Entry(sessionId, userId, onEnded);
        return new Registration(this, id);
    }

    public Task SessionEndedAsync(string sessionId, SessionEndReason reason) => NotifyAsync(e => e.SessionId == sessionId, reason);

    public Task UserSessionsEndedAsync(string userId, SessionEndReason reason) => NotifyAsync(e => e.UserId == userId, reason);

    private async Task NotifyAsync(Func<Entry, bool> which, SessionEndReason reason)
    {
        // A snapshot: a listener unregisters itself as it is told.
        foreach (var entry in _entries.Values.Where(which).ToList())
        {
            await entry.OnEnded(reason);
        }
    }

    private sealed record Entry(string SessionId, string UserId, Func<SessionEndReason, Task> OnEnded);

    private sealed class Registration(SessionRegistry registry, long id) : IDisposable
    {
        public void Dispose() => registry._entries.TryRemove(id, out _);
    }
}
