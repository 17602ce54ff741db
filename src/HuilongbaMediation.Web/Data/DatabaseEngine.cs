using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace HuilongbaMediation.Web.Data;

/// <summary>The database engines the app runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app: one town on one machine (the default).</summary>
    Sqlite,

    /// <summary>One server for many towns and several app servers (issue 15).</summary>
    PostgreSQL,
}

/// <summary>
/// The one seam between the app and its database engine: which provider and context, getting the database ready at
/// start-up, whether writers queue in the process, where the files beside the database live and whether the data
/// folder is locked to one process. Everything engine-specific that is not a query's own SQL is decided here.
/// </summary>
public abstract class DatabaseEngine
{
    public const string ProviderKey = "Database:Provider";

    /// <summary>On PostgreSQL the attachments' folder (there is no database file to put it beside).</summary>
    public const string DataFolderKey = "Database:DataFolder";

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The connection string as the app uses it (made absolute and given a busy timeout on SQLite).</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Where the attachments and (on SQLite) the key ring live.</summary>
    public abstract string DataFolder { get; }

    /// <summary>
    /// Writers queue in this process (<see cref="SqliteWriteGate"/>): SQLite allows one writer per file. PostgreSQL
    /// locks rows, and a gate in one process would not hold writers on another server anyway.
    /// </summary>
    public abstract bool QueuesWriters { get; }

    /// <summary>One process per data folder (<see cref="DataFolderLock"/>): SQLite's file, the backups and restores.</summary>
    public abstract bool LocksDataFolder { get; }

    /// <summary>Backups are copies of the database file the app makes itself (SQLite); on PostgreSQL, <c>pg_dump</c>.</summary>
    public bool MakesOwnBackups => Provider == DatabaseProvider.Sqlite;

    public static DatabaseEngine From(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured) || string.Equals(configured, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteEngine(DatabaseStartup.ResolveConnectionString(configuration, contentRoot));
        }

        if (string.Equals(configured, nameof(DatabaseProvider.PostgreSQL), StringComparison.OrdinalIgnoreCase))
        {
            var folder = configuration[DataFolderKey];
            return new PostgresEngine(
                PostgresEngine.ResolveConnectionString(configuration),
                Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "data" : folder, contentRoot));
        }

        throw new StartupException($"设置 {ProviderKey} 须为 Sqlite 或 PostgreSQL（现为 \"{configured}\"）。");
    }

    /// <summary>The database as an operator names it in a message: the SQLite file, or PostgreSQL's host, port and database.</summary>
    public static string Describe(AppDbContext db)
    {
        var connectionString = db.Database.GetConnectionString();
        if (db.Database.IsNpgsql())
        {
            var where = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{where.Host}:{where.Port}/{where.Database}";
        }

        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
    }

    /// <summary>
    /// A save refused by the unique index <paramref name="index"/> because another writer got there first. Only
    /// PostgreSQL lets two writers race to it: on SQLite the write gate queues them, so the second sees the first's row.
    /// </summary>
    public static bool ViolatesUnique(DbUpdateException ex, string index) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique && unique.ConstraintName == index;

    /// <summary>The provider, on the options every context of the app is made with.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>
    /// Makes contexts of the engine's own type, so that EF finds the engine's own migrations, from a pool
    /// (<see cref="EngineDbContextFactory"/>).
    /// </summary>
    public abstract IDbContextFactory<AppDbContext> NewContextPool(DbContextOptions<AppDbContext> options);

    /// <summary>Gets the database ready; says whether it was created now (no migration had been applied before).</summary>
    public abstract Task<DatabasePreparation> PrepareAsync(AppDbContext db, CancellationToken ct = default);

    /// <summary>
    /// Where the Data Protection key ring (sign-in cookies, antiforgery tokens) is kept: beside the SQLite file, where the
    /// backups take it along; in the database on PostgreSQL, so that every app server reads the same keys.
    /// </summary>
    public abstract void PersistKeys(IDataProtectionBuilder dataProtection);

    /// <summary>
    /// The right to run the background job <paramref name="job"/> now, held until disposed; null when it runs elsewhere.
    /// On SQLite the app is one process (the data folder's lock), so a lock in the process is the whole of it; on
    /// PostgreSQL an advisory lock, which every app server on the database sees (<see cref="ClusterJobs"/>).
    /// </summary>
    public abstract Task<IAsyncDisposable?> TryLockJobAsync(string job, CancellationToken ct);

    /// <summary>How committed case changes reach open pages (Features/Live): in this process, or to every server.</summary>
    public abstract Features.Live.CaseChangeBus NewCaseChangeBus(ILoggerFactory logs);
}

internal sealed class SqliteEngine(string connectionString) : DatabaseEngine
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => connectionString;

    public override string DataFolder => DatabaseStartup.DataFolder(connectionString);

    public override bool QueuesWriters => true;

    public override bool LocksDataFolder => true;

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(connectionString).AddInterceptors(SqliteConnectionPragmas.Instance);

    public override IDbContextFactory<AppDbContext> NewContextPool(DbContextOptions<AppDbContext> options) =>
        new PooledDbContextFactory<AppDbContext>(options);

    public override Task<DatabasePreparation> PrepareAsync(AppDbContext db, CancellationToken ct = default) =>
        DatabaseStartup.PrepareAsync(db, ct);

    public override void PersistKeys(IDataProtectionBuilder dataProtection) =>
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolder, DatabaseStartup.KeysFolderName)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _jobs = new(StringComparer.Ordinal);

    public override async Task<IAsyncDisposable?> TryLockJobAsync(string job, CancellationToken ct)
    {
        var gate = _jobs.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(TimeSpan.Zero, ct) ? new HeldJob(gate) : null;
    }

    private sealed class HeldJob(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }

    // One process serves the town (the data folder's lock sees to it): it tells its own pages.
    public override Features.Live.CaseChangeBus NewCaseChangeBus(ILoggerFactory logs) => new Features.Live.InProcessCaseChangeBus();
}

internal sealed class PostgresEngine(string connectionString, string dataFolder) : DatabaseEngine
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    public override string ConnectionString => connectionString;

    public override string DataFolder => dataFolder;

    public override bool QueuesWriters => false;

    // Several app servers share one database; what they share on disk (attachments) is the operator's folder.
    public override bool LocksDataFolder => false;

    public static string ResolveConnectionString(IConfiguration configuration, string name = DatabaseStartup.ConnectionStringName)
    {
        var configured = configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupException($"缺少数据库连接配置 ConnectionStrings:{name}（例如 \"Host=localhost;Database=huilongba;Username=huilongba\"）。");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            {
                throw new StartupException($"ConnectionStrings:{name} 须写明 Host 与 Database，例如 \"Host=localhost;Database=huilongba;Username=huilongba\"。");
            }

            return builder.ConnectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // Not the string itself: it may hold a password.
            throw new StartupException($"ConnectionStrings:{name} 格式不正确（{ex.Message.ReplaceLineEndings(" ").Trim()}）。");
        }
    }

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(connectionString);

    public override IDbContextFactory<AppDbContext> NewContextPool(DbContextOptions<AppDbContext> options) =>
        new EngineDbContextFactory.Pool<PostgresAppDbContext>(options);

    public override void PersistKeys(IDataProtectionBuilder dataProtection)
    {
        // The key ring's repository asks a scope for the context type that holds the keys: the engine's own context.
        dataProtection.Services.AddScoped(sp => (PostgresAppDbContext)sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        dataProtection.PersistKeysToDbContext<PostgresAppDbContext>();
    }

    /// <summary>The first key of the jobs' advisory locks (the second is the job's: <see cref="ClusterJobs.LockKeyOf"/>).</summary>
    private const int JobsKey = 0x4A6F_6273;

    public override async Task<IAsyncDisposable?> TryLockJobAsync(string job, CancellationToken ct)
    {
        // A connection of its own, outside the pool: a session lock stays with its connection, and a pooled one would keep
        // it while idle in the pool if the unlock were ever missed. Closing this one ends the session and the lock with it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@jobs, @job)", connection);
            command.Parameters.AddWithValue("jobs", JobsKey);
            command.Parameters.AddWithValue("job", ClusterJobs.LockKeyOf(job));
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new HeldJob(connection, ClusterJobs.LockKeyOf(job));
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class HeldJob(NpgsqlConnection connection, int job) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Released now, not when the server notices the closed connection: the next server may ask at once.
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@jobs, @job)", connection);
                unlock.Parameters.AddWithValue("jobs", JobsKey);
                unlock.Parameters.AddWithValue("job", job);
                await unlock.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // A broken connection has lost the lock already.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    // Several servers share the database: they tell each other with LISTEN/NOTIFY.
    public override Features.Live.CaseChangeBus NewCaseChangeBus(ILoggerFactory logs) =>
        new Features.Live.PostgresCaseChangeBus(connectionString, logs.CreateLogger<Features.Live.PostgresCaseChangeBus>());

    public override async Task<DatabasePreparation> PrepareAsync(AppDbContext db, CancellationToken ct = default)
    {
        Directory.CreateDirectory(dataFolder);
        try
        {
            var created = !(await db.Database.GetAppliedMigrationsAsync(ct)).Any();
            await DatabaseStartup.CheckNotNewerThanAppAsync(db, ct);

            // EF Core takes a PostgreSQL advisory lock while it migrates (released with the connection), so two servers
            // starting at once migrate one after the other and a crashed run leaves nothing behind.
            await db.Database.MigrateAsync(ct);

            // The attachments are in the data folder: every server must have the same one (the shared folder).
            await SharedDataFolder.CheckAsync(db, dataFolder, ct);
            return new DatabasePreparation(created);
        }
        catch (NpgsqlException ex)
        {
            throw new StartupException($"无法连接数据库 {Describe(db)}：{ex.Message}");
        }
    }
}

/// <summary>
/// Makes the engine's own context type for every <see cref="IDbContextFactory{AppDbContext}"/> user, from EF's context
/// pool: a context disposed goes back to the pool with its state reset (its change tracker, its connection closed), so
/// an operation does not build a context's internal services anew (issue 16: a step of a case took a visible share of
/// its CPU there). The interceptors are the options', shared by every context as before; the contexts hold no state of
/// their own. At most 1,024 idle contexts are kept; beyond, a context is made and dropped as without a pool.
/// </summary>
internal sealed class EngineDbContextFactory(DbContextOptions<AppDbContext> options, DatabaseEngine engine) : IDbContextFactory<AppDbContext>
{
    private readonly IDbContextFactory<AppDbContext> _pool = engine.NewContextPool(options);

    public AppDbContext CreateDbContext() => _pool.CreateDbContext();

    public Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => _pool.CreateDbContextAsync(cancellationToken);

    /// <summary>A pool of the engine's own context type <typeparamref name="TContext"/>, made with options of that type.</summary>
    internal sealed class Pool<TContext>(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        private readonly PooledDbContextFactory<TContext> _pool = new(new DbContextOptions<TContext>(options.Extensions.ToDictionary(e => e.GetType())));

        public AppDbContext CreateDbContext() => _pool.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => await _pool.CreateDbContextAsync(cancellationToken);
    }
}

/// <summary>
/// Case numbers are the year's last sequence + 1, read and used inside the filing's transaction. On SQLite that
/// transaction is the file's one writer already (the write gate, BEGIN IMMEDIATE); on PostgreSQL, where writers run
/// side by side on several servers, the transaction first takes an advisory lock on the year, held until it commits
/// or rolls back, so filings of one year take their numbers one after the other: unique and without gaps.
/// </summary>
public static class CaseNumberLock
{
    /// <summary>The first key of the lock (the second is the year): "案号" in no particular encoding, just a constant.</summary>
    private const int Key = 0x6848_53F7;

    public static async Task LockYearAsync(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, int year, CancellationToken ct)
    {
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key}, {year})", ct);
        }
    }
}
