using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HuilongbaMediation.Web.Features.Live;

/// <summary>
/// PostgreSQL: the servers tell each other with <c>LISTEN/NOTIFY</c>. A write sends <c>pg_notify</c> inside its own
/// transaction, so PostgreSQL delivers it only when (and if) it commits, to every server listening, this one included:
/// every server, the writer's too, learns of a change the same way. Each server listens on one dedicated connection of
/// its own (not pooled), opened when its first page subscribes and opened again after a drop; since changes made
/// while it was down are lost, the pages are then told to refresh once (<see cref="CaseChange.Resync"/>).
/// </summary>
public sealed class PostgresCaseChangeBus(string connectionString, ILogger<PostgresCaseChangeBus> log) : CaseChangeBus
{
    /// <summary>The notification channel (one per database: servers on another database hear nothing).</summary>
    public const string Channel = "hm_case_changes";

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listening;
    private int _started;

    public override Task Ready => _ready.Task;

    internal override async Task SendAsync(DbContext db, IReadOnlyList<CaseChange> changes, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            // A payload is a few hundred bytes (PostgreSQL's limit is 8000): ids, an action name and a person's name.
            var payload = change.ToJson();
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    internal override void Committed(IReadOnlyList<CaseChange> changes)
    {
        // Delivered by the LISTEN connection, as to the other servers.
    }

    protected override void StartListening()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _listening = Task.Run(() => ListenAsync(_stop.Token));
        }
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        var listen = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 30, // a connection dropped without a word (a firewall, a failover) is noticed within a minute
            ApplicationName = "huilongba-live-updates",
        }.ConnectionString;
        var wait = TimeSpan.FromSeconds(1);
        var connectedBefore = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == Channel && CaseChange.FromJson(e.Payload) is { } change)
                    {
                        Deliver(change);
                    }
                };
                await connection.OpenAsync(stop);
                await using (var command = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await command.ExecuteNonQueryAsync(stop);
                }

                if (connectedBefore)
                {
                    log.LogInformation("Listening for case changes again.");
                    Deliver(CaseChange.Resync);
                }

                connectedBefore = true;
                wait = TimeSpan.FromSeconds(1);
                _ready.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                log.LogWarning("The connection that listens for case changes failed ({Message}); trying again in {Seconds} s.", ex.Message, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                wait = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds * 2, 30));
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listening is not null)
        {
            await _listening;
        }

        _stop.Dispose();
        await base.DisposeAsync();
    }
}
