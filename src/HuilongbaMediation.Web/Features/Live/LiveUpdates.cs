using System.Threading.Channels;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Live;

/// <summary>One case change as this circuit's user may learn of it: the case's number is read only once they may see it.</summary>
/// <param name="Mine">The user's own change (another tab of theirs refreshes; they get no notice of what they just did).</param>
public sealed record LiveChange(int CaseId, string Number, string Action, string ActorName, bool Mine);

/// <summary>What changed since the last refresh, among the cases this user may see.</summary>
/// <param name="Many">Many cases (an import, or notifications that may have been lost): refresh everything, without a notice.</param>
public sealed record LiveBatch(IReadOnlyList<LiveChange> Changes, bool Many)
{
    /// <summary>A page of one case refreshes when that case changed, or when it cannot know.</summary>
    public bool Touches(int caseId) => Many || Changes.Any(c => c.CaseId == caseId);
}

/// <summary>
/// The live updates of one circuit (scoped): it listens to the <see cref="CaseChangeBus"/> from the first page that
/// watches until the circuit ends, gathers a burst of changes for <see cref="Quiet"/> (one refresh per page for a
/// burst), keeps only those of cases the user may read (the same authorization check as every read of a case), and
/// then calls each watching page, which re-reads through its own service. The user learns nothing of a case they may
/// not see: not that it changed, not its number.
/// </summary>
public sealed class LiveUpdates(
    CaseChangeBus bus,
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IAuthorizationService authorization,
    ILogger<LiveUpdates> log) : IDisposable
{
    /// <summary>How long a burst of changes is gathered before the pages refresh once.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private readonly Channel<CaseChange> _inbox = Channel.CreateUnbounded<CaseChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Func<LiveBatch, Task>> _watchers = [];
    private IDisposable? _subscription;
    private bool _disposed;

    /// <summary>How many pages of this circuit watch (a page that has gone must not stay among them).</summary>
    public int Watchers
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>Calls <paramref name="refresh"/> after each burst of changes this user may see, until the handle is disposed.</summary>
    public IDisposable Watch(Func<LiveBatch, Task> refresh)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _watchers.Add(refresh);
            if (_subscription is null)
            {
                _subscription = bus.Subscribe(change => _inbox.Writer.TryWrite(change));
                _ = Task.Run(() => PumpAsync(_stop.Token));
            }
        }

        return new Watching(this, refresh);
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(stop))
            {
                await Task.Delay(Quiet, stop);
                var changes = new List<CaseChange>();
                while (_inbox.Reader.TryRead(out var change))
                {
                    changes.Add(change);
                }

                if (await ScopeAsync(changes, stop) is not { } batch)
                {
                    continue;
                }

                Func<LiveBatch, Task>[] watchers;
                lock (_gate)
                {
                    watchers = [.. _watchers];
                }

                foreach (var watcher in watchers)
                {
                    try
                    {
                        await watcher(batch);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One page failing to refresh must not stop the others, nor the next burst.
                        log.LogWarning(ex, "A page failed to refresh after a case change.");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The circuit ended.
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Live updates stopped for this circuit.");
        }
    }

    /// <summary>The changes this user may learn of; null when there are none.</summary>
    private async Task<LiveBatch?> ScopeAsync(List<CaseChange> changes, CancellationToken ct)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.ToActor() is not { } actor)
        {
            return null;
        }

        var many = changes.Any(c => c.CaseId is null);
        // A village head sees only their village: a change elsewhere is dropped without a query. A mediator may also have
        // been assigned a case of another village, so the database answers for the rest.
        var candidates = changes
            .Where(c => c.CaseId is not null && (actor.Role != UserRole.VillageHead || c.VillageId == actor.VillageId))
            .GroupBy(c => c.CaseId!.Value)
            .ToDictionary(g => g.Key, g => g.Last());
        if (candidates.Count > CaseChange.ManyCases)
        {
            return new LiveBatch([], Many: true);
        }

        List<LiveChange> visible = [];
        if (candidates.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ids = candidates.Keys.ToList();
            var cases = await db.Cases.AsNoTracking().Include(c => c.Mediators).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            foreach (var @case in cases.OrderBy(c => c.Id))
            {
                if ((await authorization.AuthorizeAsync(principal, @case, CaseOperations.Read)).Succeeded)
                {
                    var change = candidates[@case.Id];
                    visible.Add(new LiveChange(@case.Id, @case.Number, change.Action, change.ActorName, change.ActorId == actor.UserId));
                }
            }
        }

        return visible.Count > 0 || many ? new LiveBatch(visible, many) : null;
    }

    private void Unwatch(Func<LiveBatch, Task> refresh)
    {
        lock (_gate)
        {
            _watchers.Remove(refresh);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watchers.Clear();
            _subscription?.Dispose();
        }

        _inbox.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class Watching(LiveUpdates live, Func<LiveBatch, Task> refresh) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                live.Unwatch(refresh);
            }
        }
    }
}
