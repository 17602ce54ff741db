using System.Data.Common;
using System.Text.Json;
using HuilongbaMediation.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// Load, then index (SQLite): for a load of many rows into empty tables (the generator's town), the work the database does
/// per row is moved to the end, where it is done once over the whole table. <see cref="BeginAsync"/> drops the triggers that
/// keep the dashboard's counters (<see cref="FigureCounterSql"/>) and the search index (<see cref="SqliteCaseSearchIndex"/>)
/// and the secondary indexes of the tables loaded, and writes without waiting for the disk (<c>synchronous = OFF</c>, a
/// bigger page cache); <see cref="FinishAsync"/> builds the indexes again, fills the search index and the counters from
/// what is there in one statement each, creates the triggers again and gives the planner fresh statistics.
/// <para>
/// Every piece of DDL comes from where the migrations take it: the triggers and the fills from <see cref="FigureCounterSql"/>
/// and <see cref="SqliteCaseSearchIndex"/> (the migrations run the same strings), the indexes from the database's own
/// <c>sqlite_master</c> (the statement the migration ran, as SQLite stored it), so a load restores exactly what was there.
/// </para>
/// <para>
/// A load that fails is undone with <c>FinishAsync(undo: true)</c>: the tables were empty when it began (checked), so
/// emptying them again and rebuilding leaves the database as it was, triggers and indexes included. A load whose process
/// was killed cannot undo itself: the drop writes a mark (<see cref="AppStateKeys.UnfinishedLoad"/>, with the indexes'
/// statements) in its own transaction, the build removes it in its, and whoever next holds the data folder — the serving
/// app at start-up, or <c>generate</c> — finds the mark and undoes the load (<see cref="UndoUnfinishedAsync"/>). The price of
/// <c>synchronous = OFF</c>: a power cut (not a crash of the process) during the load may corrupt the file. The database
/// is a new one that the load is filling, and the setting is put back before the indexes are built.
/// </para>
/// </summary>
internal sealed class SqliteBulkLoad
{
    /// <summary>The page cache during the load, in KiB (SQLite's negative cache_size): 256 MiB.</summary>
    private const int LoadCacheKib = 256 * 1024;

    private readonly AppDbContext _db;
    private readonly IReadOnlyList<string> _tables;
    private readonly IReadOnlyList<string> _indexes;
    private readonly long _synchronous;
    private readonly long _cacheSize;

    private SqliteBulkLoad(AppDbContext db, IReadOnlyList<string> tables, IReadOnlyList<string> indexes, long synchronous, long cacheSize) =>
        (_db, _tables, _indexes, _synchronous, _cacheSize) = (db, tables, indexes, synchronous, cacheSize);

    /// <summary>
    /// Prepares <paramref name="tables"/> (the root's first) for a load on <paramref name="db"/>'s connection, which it opens
    /// and keeps open until <see cref="FinishAsync"/>; null, with nothing changed, when one of them already holds rows (the
    /// load then goes row by row through the triggers, and is undone by deleting what it wrote).
    /// </summary>
    public static async Task<SqliteBulkLoad?> BeginAsync(AppDbContext db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        foreach (var table in tables)
        {
            if (await ScalarAsync(connection, $"SELECT EXISTS (SELECT 1 FROM \"{table}\")", ct) != 0)
            {
                await db.Database.CloseConnectionAsync();
                return null;
            }
        }

        var (names, indexes) = (new List<string>(), new List<string>());
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT "name", "sql" FROM "sqlite_master"
                WHERE "type" = 'index' AND "sql" IS NOT NULL AND "tbl_name" IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
                indexes.Add(reader.GetString(1));
            }
        }

        var load = new SqliteBulkLoad(db, tables, indexes,
            await ScalarAsync(connection, "PRAGMA synchronous", ct), await ScalarAsync(connection, "PRAGMA cache_size", ct));
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var mark = JsonSerializer.Serialize(new Mark(tables, names, indexes));
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AppState" ("Key", "Value", "UpdatedAtUtc") VALUES ({AppStateKeys.UnfinishedLoad}, {mark}, {DateTime.UtcNow})""", ct);
            await ExecuteAsync(db, FigureCounterSql.SqliteDropSql + SqliteCaseSearchIndex.DropTriggersSql, ct);
            await ExecuteAsync(db, string.Concat(names.Select(n => $"DROP INDEX \"{n}\";\n")), ct);
            await transaction.CommitAsync(ct);
        }

        await ExecuteAsync(db, $"PRAGMA synchronous = OFF; PRAGMA cache_size = -{LoadCacheKib};", CancellationToken.None);
        return load;
    }

    /// <summary>
    /// Builds the indexes, the search index and the counters again and creates the triggers, in one transaction; with
    /// <paramref name="undo"/>, first empties the loaded tables (a failed load). Then gives the planner statistics of the
    /// new tables and puts the connection's settings back. Not cancellable: the database must not stay without its triggers.
    /// </summary>
    public async Task FinishAsync(bool undo)
    {
        var connection = _db.Database.GetDbConnection();
        try
        {
            await ExecuteAsync(_db, $"PRAGMA synchronous = {_synchronous}; PRAGMA cache_size = {_cacheSize};");
            await using (var transaction = await _db.Database.BeginTransactionAsync())
            {
                if (undo)
                {
                    // Children first; the tables held nothing when the load began, so empty is as they were.
                    await ExecuteAsync(_db, string.Concat(_tables.Reverse().Select(t => $"DELETE FROM \"{t}\";\n")));
                }

                await ExecuteAsync(_db, string.Concat(_indexes.Select(sql => sql + ";\n")));
                await ExecuteAsync(_db, SqliteCaseSearchIndex.RebuildSql);
                await ExecuteAsync(_db, FigureCounterSql.RebuildSql(postgres: false));
                await ExecuteAsync(_db, FigureCounterSql.SqliteCreateSql + SqliteCaseSearchIndex.TriggersSql);
                await ExecuteAsync(_db, $"DELETE FROM \"AppState\" WHERE \"Key\" = '{AppStateKeys.UnfinishedLoad}';");
                await transaction.CommitAsync();
            }

            // Statistics for the planner from a sample of each index (analysis_limit), so that this takes seconds on a
            // million cases; PRAGMA optimize keeps them from then on.
            await ExecuteAsync(_db, "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize;");
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Undoes a load whose process ended before it could (killed, or the machine went down): empties the loaded tables and
    /// builds back what the load had dropped, as <see cref="FinishAsync"/> with undo does. Only for a process that holds the
    /// data folder (<see cref="DataFolderLock"/>; a loader holds it while it loads), so the load is surely not running.
    /// The number of cases it removed, or null when no load was left unfinished.
    /// </summary>
    public static async Task<int?> UndoUnfinishedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var value = await db.AppState.AsNoTracking().Where(s => s.Key == AppStateKeys.UnfinishedLoad).Select(s => s.Value).SingleOrDefaultAsync(ct);
        if (value is null)
        {
            return null;
        }

        var mark = JsonSerializer.Deserialize<Mark>(value)!;
        var cases = await db.Cases.CountAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        // A migration since may have made some triggers or indexes again: those are dropped first and made with the rest.
        await ExecuteAsync(db, FigureCounterSql.SqliteDropSql + SqliteCaseSearchIndex.DropTriggersSql, ct);
        await ExecuteAsync(db, string.Concat(mark.IndexNames.Select(n => $"DROP INDEX IF EXISTS \"{n}\";\n")), ct);
        await new SqliteBulkLoad(db, mark.Tables, mark.Indexes,
            await ScalarAsync(connection, "PRAGMA synchronous", ct), await ScalarAsync(connection, "PRAGMA cache_size", ct)).FinishAsync(undo: true);
        return cases;
    }

    /// <summary>What <see cref="AppStateKeys.UnfinishedLoad"/> keeps: the tables loaded (the root's first), the indexes dropped and their statements.</summary>
    private sealed record Mark(IReadOnlyList<string> Tables, IReadOnlyList<string> IndexNames, IReadOnlyList<string> Indexes);

    /// <summary>
    /// Runs DDL made of the constants above and the database's own statements (nothing from a user), in the current
    /// transaction, through ADO.NET rather than EF: EF would log each statement, pages of DDL, on the command's console.
    /// </summary>
    private static async Task ExecuteAsync(AppDbContext db, string sql, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
