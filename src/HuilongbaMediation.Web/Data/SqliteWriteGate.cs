namespace HuilongbaMediation.Web.Data;

/// <summary>
/// One writer at a time inside this process. SQLite allows one writer per file anyway; queueing writers here,
/// and opening each write transaction as a writer (Microsoft.Data.Sqlite begins IMMEDIATE), means they wait their
/// turn instead of failing with "database is locked" when a deferred transaction tries to upgrade (PITFALLS.md).
/// The busy timeout of the connection string covers writers of other processes (the CLI).
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
