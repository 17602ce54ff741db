using System.Data.Common;
using System.Runtime.CompilerServices;
using HuilongbaMediation.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace HuilongbaMediation.Web.Features.Live;

/// <summary>
/// The one place that announces case changes. Every change of a case, by any service (filing, the workflow, imports,
/// online applications, sweeps), appends a history entry to the case in the same save (DOMAIN.md: "every transition and
/// every recorded action writes one history entry"), so a save that adds history entries is a case change, and nothing
/// else is. The interceptor sits on every context the app makes: after the save it hands the changes to the bus inside
/// the transaction (PostgreSQL's <c>NOTIFY</c> goes with it), and announces them once the transaction commits; a
/// transaction rolled back or abandoned announces nothing. A save outside an explicit transaction has committed by the
/// time EF reports it saved.
/// </summary>
/// <remarks>
/// Steps that do not change the case (revealing personal data, printing an original) are history entries too, but they
/// change nothing another user's page shows: they are not announced (the case's version does not move either).
/// </remarks>
public sealed class CaseChangeInterceptor(CaseChangeBus bus) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> Unchanging = [nameof(CaseAction.RevealPersonalData), nameof(CaseAction.IssueOriginal)];

    /// <summary>What a save is about to add, until it has saved (then the new cases have their ids).</summary>
    private readonly ConditionalWeakTable<DbContext, List<(MediationCase Case, HistoryEntry Entry)>> _saving = [];

    /// <summary>What a transaction has saved, until it commits.</summary>
    private readonly ConditionalWeakTable<DbTransaction, List<CaseChange>> _committing = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _saving.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_committing.TryGetValue(transaction, out var changes))
        {
            _committing.Remove(transaction);
            bus.Committed(changes);
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _committing.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _committing.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _committing.Remove(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _committing.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<HistoryEntry>()
            .Where(e => e.State == EntityState.Added && !Unchanging.Contains(e.Entity.Action))
            .Select(e => e.Entity)
            .ToHashSet();
        if (added.Count == 0)
        {
            _saving.Remove(context);
            return;
        }

        // The first new entry of each case names the step (a filing with its lead mediator adds File, then AssignMediators).
        var steps = context.ChangeTracker.Entries<MediationCase>()
            .Select(e => (Case: e.Entity, Entry: e.Entity.History.FirstOrDefault(added.Contains)))
            .Where(x => x.Entry is not null)
            .Select(x => (x.Case, x.Entry!))
            .ToList();
        _saving.AddOrUpdate(context, steps);
    }

    private async Task SavedAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !_saving.TryGetValue(context, out var steps))
        {
            return;
        }

        _saving.Remove(context);
        List<CaseChange> changes = [.. steps.Select(s => new CaseChange(s.Case.Id, s.Case.VillageId, s.Case.CommitteeId, s.Entry.Action, s.Entry.ActorId, s.Entry.ActorName))];
        if (changes.Count > CaseChange.ManyCases)
        {
            changes = [CaseChange.Many(changes[0])];
        }

        await bus.SendAsync(context, changes, ct);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            var pending = _committing.GetOrCreateValue(transaction);
            pending.AddRange(changes);
            if (pending.Count > CaseChange.ManyCases && pending[0].CaseId is not null)
            {
                var first = pending[0];
                pending.Clear();
                pending.Add(CaseChange.Many(first));
            }
        }
        else
        {
            bus.Committed(changes);
        }
    }
}
