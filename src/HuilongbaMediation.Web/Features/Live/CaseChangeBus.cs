using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Live;

/// <summary>
/// Carries <see cref="CaseChange"/>s from the write that committed them to every open page that listens, on this server
/// and (on PostgreSQL) on the others. One per process (a singleton); the engine decides which
/// (<see cref="Data.DatabaseEngine.NewCaseChangeBus"/>): in memory on SQLite, <c>LISTEN/NOTIFY</c> on PostgreSQL.
/// Writes reach it only through <see cref="CaseChangeInterceptor"/>; pages only through <see cref="LiveUpdates"/>.
/// </summary>
public abstract class CaseChangeBus : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private ImmutableArray<Action<CaseChange>> _subscribers = [];

    /// <summary>How many listeners this process has (a circuit that has gone must not stay among them).</summary>
    public int Subscribers => _subscribers.Length;

    /// <summary>Completes once changes committed by others reach this process (PostgreSQL: its <c>LISTEN</c> is in place).</summary>
    public virtual Task Ready => Task.CompletedTask;

    /// <summary>
    /// Calls <paramref name="receive"/> with every change from now on, until the returned handle is disposed. It is called on
    /// whatever thread delivers, so it must only hand the change on (to a channel), never block or throw.
    /// </summary>
    public IDisposable Subscribe(Action<CaseChange> receive)
    {
        StartListening();
        lock (_gate)
        {
            _subscribers = _subscribers.Add(receive);
        }

        return new Subscription(this, receive);
    }

    /// <summary>Inside the writing transaction, after its changes were saved (PostgreSQL sends its <c>NOTIFY</c> here, delivered on commit).</summary>
    internal abstract Task SendAsync(DbContext db, IReadOnlyList<CaseChange> changes, CancellationToken ct);

    /// <summary>After the transaction that carried <paramref name="changes"/> committed.</summary>
    internal abstract void Committed(IReadOnlyList<CaseChange> changes);

    /// <summary>Hands a change to every subscriber of this process.</summary>
    protected void Deliver(CaseChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber(change);
        }
    }

    protected virtual void StartListening()
    {
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private void Unsubscribe(Action<CaseChange> receive)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(receive);
        }
    }

    private sealed class Subscription(CaseChangeBus bus, Action<CaseChange> receive) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Unsubscribe(receive);
            }
        }
    }
}

/// <summary>SQLite: one process serves the town, so a committed change goes straight to this process's subscribers.</summary>
public sealed class InProcessCaseChangeBus : CaseChangeBus
{
    internal override Task SendAsync(DbContext db, IReadOnlyList<CaseChange> changes, CancellationToken ct) => Task.CompletedTask;

    internal override void Committed(IReadOnlyList<CaseChange> changes)
    {
        foreach (var change in changes)
        {
            Deliver(change);
        }
    }
}
