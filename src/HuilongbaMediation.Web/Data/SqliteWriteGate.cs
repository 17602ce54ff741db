namespace HuilongbaMediation.Web.Data;

/// <summary>
/// One writer at a time inside this process. SQLite allows one writer per file anyway; queueing writers here,
/// and opening each write transaction as a writer (Microsoft.Data.Sqlite begins IMMEDIATE), means they wait their
/// turn instead of failing with "database is locked" when a deferred transaction tries to upgrade (PITFALLS.md).
/// The busy timeout of the connection string covers writers of other processes (the CLI).
/// On an engine that does not need it (<see cref="DatabaseEngine.QueuesWriters"/>: PostgreSQL locks rows, and a gate
/// in one process would not hold another server's writers) entering is free and holds no one back.
/// </summary>
public sealed class SqliteWriteGate(DatabaseEngine engine)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    private static readonly IDisposable Open = new Release(null);

    private int _waiting;

    /// <summary>How many writers wait for their turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!engine.QueuesWriters)
        {
            ct.ThrowIfCancellationRequested();
            return Open;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim? gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (gate is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
