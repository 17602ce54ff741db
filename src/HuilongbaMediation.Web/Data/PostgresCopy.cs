using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace HuilongbaMediation.Web.Data;

/// <summary>A copy refused or failed; nothing was written to the target (one line for the operator).</summary>
public sealed class PostgresCopyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What was copied: each table's rows and its checksum (the same on both sides).</summary>
public sealed record CopiedTable(string Table, long Rows, string Sha256);

/// <summary>
/// Moves a town up (issue 15): everything in the SQLite database — every table of the model, users with their password
/// hashes, roles, reference data, cases and their history, attachments' rows, app state, the security log — and the
/// key ring of the data folder into an empty PostgreSQL database, in one transaction. The target is migrated first and
/// refused unless it is empty. Rows keep their ids (binary COPY of every column); identity sequences are set past the
/// largest id; then every table is read back on both sides and compared by row count and by the SHA-256 of its rows'
/// canonical text, before anything is committed. The attachments' files stay in the data folder, which becomes (or is
/// copied to) the shared folder of the PostgreSQL servers (README).
/// </summary>
public sealed class PostgresCopy(AppDbContext source, string dataFolder, Action<string> progress)
{
    /// <summary>The pseudo-table of the key ring's files in the report (the table of the same name on PostgreSQL).</summary>
    public const string KeyRingTable = "DataProtectionKeys";

    public async Task<IReadOnlyList<CopiedTable>> RunAsync(string targetConnectionString, CancellationToken ct = default)
    {
        if (source.Database.IsNpgsql())
        {
            throw new PostgresCopyException("copy-to-postgres 从 SQLite 数据库复制，但当前配置的数据库已是 PostgreSQL（Database:Provider）。");
        }

        string target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(targetConnectionString).ConnectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new PostgresCopyException($"目标连接字符串格式不正确（{ex.Message.ReplaceLineEndings(" ").Trim()}）。");
        }

        await using var targetDb = new PostgresAppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(target).Options);
        var where = DatabaseEngine.Describe(targetDb);
        var model = targetDb.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var sourceModel = source.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        try
        {
            await RefuseUnlessEmptyAsync(targetDb, model, where, ct);
            progress($"迁移目标数据库 {where} …");
            await targetDb.Database.MigrateAsync(ct);
            await RefuseUnlessEmptyAsync(targetDb, model, where, ct);
            return await CopyAsync(targetDb, model, sourceModel, ct);
        }
        catch (NpgsqlException ex)
        {
            throw new PostgresCopyException($"复制到 {where} 失败，未写入任何数据：{ex.Message}", ex);
        }
    }

    private async Task<IReadOnlyList<CopiedTable>> CopyAsync(PostgresAppDbContext targetDb, IRelationalModel model, IRelationalModel sourceModel, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(ct);
        using var snapshot = sqlite.BeginTransaction(deferred: true); // one consistent read of the source
        var postgres = (NpgsqlConnection)targetDb.Database.GetDbConnection();
        await targetDb.Database.OpenConnectionAsync(ct);
        await using var transaction = await postgres.BeginTransactionAsync(ct);

        // The dashboard's counters last: the triggers build them as the cases and history go in, so they are emptied
        // and copied as they were, which the checksum below then compares like any table.
        var tables = InOrderOfForeignKeys(model.Tables.Where(t => t.Schema is null or "public").ToList())
            .OrderBy(t => Features.Dashboard.FigureCounterSql.Tables.Contains(t.Name)).ToList();
        var copied = new List<CopiedTable>();
        foreach (var table in tables)
        {
            if (sourceModel.FindTable(table.Name, table.Schema) is null)
            {
                continue; // only PostgreSQL has it: the key ring, copied from the folder below
            }

            if (Features.Dashboard.FigureCounterSql.Tables.Contains(table.Name))
            {
                await using var empty = new NpgsqlCommand($"DELETE FROM {Quote(table.Name)}", postgres, transaction);
                await empty.ExecuteNonQueryAsync(ct);
            }

            var columns = table.Columns.ToList();
            var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
            long rows = 0;
            await using (var read = sqlite.CreateCommand())
            {
                read.Transaction = snapshot;
                read.CommandText = $"SELECT {list} FROM {Quote(table.Name)}";
                await using var reader = await read.ExecuteReaderAsync(ct);
                await using var import = await postgres.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
                while (await reader.ReadAsync(ct))
                {
                    await import.StartRowAsync(ct);
                    for (var i = 0; i < columns.Count; i++)
                    {
                        var value = Read(reader, i, columns[i]);
                        if (value is null)
                        {
                            await import.WriteNullAsync(ct);
                        }
                        else
                        {
                            await import.WriteAsync(value, TypeOf(columns[i]), ct);
                        }
                    }

                    rows++;
                }

                await import.CompleteAsync(ct);
            }

            progress($"  {table.Name}：{rows} 行");
            copied.Add(new CopiedTable(table.Name, rows, ""));
        }

        copied.Add(await CopyKeyRingAsync(postgres, transaction, ct));
        await SetSequencesAsync(postgres, transaction, ct);

        progress("校验行数与校验和 …");
        var verified = new List<CopiedTable>();
        foreach (var table in tables.Where(t => sourceModel.FindTable(t.Name, t.Schema) is not null))
        {
            var columns = table.Columns.ToList();
            var from = await ChecksumAsync(sqlite, snapshot, table.Name, columns, ct);
            var to = await ChecksumAsync(postgres, transaction, table.Name, columns, ct);
            if (from != to)
            {
                throw new PostgresCopyException(
                    $"校验未通过，已全部撤销：表 {table.Name} 在 SQLite 中 {from.Rows} 行（{from.Sha256[..12]}），在 PostgreSQL 中 {to.Rows} 行（{to.Sha256[..12]}）。");
            }

            verified.Add(new CopiedTable(table.Name, from.Rows, from.Sha256));
        }

        var keys = copied.Single(c => c.Table == KeyRingTable);
        await using (var count = new NpgsqlCommand($"SELECT count(*) FROM {Quote(KeyRingTable)}", postgres, transaction))
        {
            if ((long)(await count.ExecuteScalarAsync(ct))! != keys.Rows)
            {
                throw new PostgresCopyException($"校验未通过，已全部撤销：密钥 {keys.Rows} 个，PostgreSQL 中数目不同。");
            }
        }

        await transaction.CommitAsync(ct);
        verified.Add(keys);
        return verified;
    }

    /// <summary>
    /// Empty: no table outside PostgreSQL's own, or only this model's tables, all without rows (a migrated database, or
    /// a copy that failed and was rolled back). Anything else is refused before anything is written.
    /// </summary>
    private static async Task RefuseUnlessEmptyAsync(PostgresAppDbContext targetDb, IRelationalModel model, string where, CancellationToken ct)
    {
        var ours = model.Tables.Select(t => t.Name).Append("__EFMigrationsHistory").Append("__EFMigrationsLock").ToHashSet(StringComparer.Ordinal);
        var existing = await targetDb.Database
            .SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'")
            .ToListAsync(ct);
        var foreign = existing.Where(t => !ours.Contains(t)).ToList();
        if (foreign.Count > 0)
        {
            throw new PostgresCopyException($"目标数据库 {where} 不是空的（已有 {foreign.Count} 张其他表，如 {foreign[0]}），未做任何复制：请指定一个新建的空数据库。");
        }

        foreach (var table in existing.Where(t => model.FindTable(t, null) is not null))
        {
            // The name is one of the model's own tables (checked above), quoted: nothing a user typed.
#pragma warning disable EF1002
            var any = await targetDb.Database.SqlQueryRaw<bool>($"SELECT EXISTS (SELECT 1 FROM {Quote(table)}) AS \"Value\"").SingleAsync(ct);
#pragma warning restore EF1002
            if (any)
            {
                throw new PostgresCopyException($"目标数据库 {where} 不是空的（表 {table} 已有数据），未做任何复制：请指定一个新建的空数据库。");
            }
        }
    }

    /// <summary>The key ring's files (<c>keys/*.xml</c>) as rows of the table PostgreSQL's servers read it from.</summary>
    private async Task<CopiedTable> CopyKeyRingAsync(NpgsqlConnection postgres, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var folder = Path.Combine(dataFolder, DatabaseStartup.KeysFolderName);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList() : [];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file, ct);
            await using var insert = new NpgsqlCommand($"INSERT INTO {Quote(KeyRingTable)} (\"FriendlyName\", \"Xml\") VALUES (@name, @xml)", postgres, transaction);
            insert.Parameters.AddWithValue("name", Path.GetFileNameWithoutExtension(file));
            insert.Parameters.AddWithValue("xml", xml);
            await insert.ExecuteNonQueryAsync(ct);
            hash.AppendData(Encoding.UTF8.GetBytes(xml));
        }

        progress($"  {KeyRingTable}：{files.Count} 个密钥（{folder}）");
        return new CopiedTable(KeyRingTable, files.Count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Every identity column's sequence continues after the largest id copied.</summary>
    private static async Task SetSequencesAsync(NpgsqlConnection postgres, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand(
                         "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
                         postgres,
                         transaction))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            var sql = $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}";
            await using var set = new NpgsqlCommand(sql, postgres, transaction);
            set.Parameters.AddWithValue("table", Quote(table));
            set.Parameters.AddWithValue("column", column);
            await set.ExecuteScalarAsync(ct);
        }
    }

    /// <summary>The table's rows as canonical text (one JSON array a row), sorted, hashed: the same on either engine.</summary>
    private static async Task<(long Rows, string Sha256)> ChecksumAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<IColumn> columns, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table)}";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            var values = new string?[columns.Count];
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    values[i] = Canonical(Read(reader, i, columns[i]));
                }

                rows.Add(JsonSerializer.Serialize(values));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(row));
            hash.AppendData("\n"u8);
        }

        return (rows.Count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A column's value as the model's provider type (what EF itself reads and writes), on either engine.</summary>
    private static object? Read(DbDataReader reader, int ordinal, IColumn column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
        return type switch
        {
            _ when type == typeof(string) => reader.GetString(ordinal),
            _ when type == typeof(int) => reader.GetInt32(ordinal),
            _ when type == typeof(long) => reader.GetInt64(ordinal),
            _ when type == typeof(short) => reader.GetInt16(ordinal),
            _ when type == typeof(bool) => reader.GetBoolean(ordinal),
            _ when type == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when type == typeof(double) => reader.GetDouble(ordinal),
            _ when type == typeof(float) => reader.GetFloat(ordinal),
            _ when type == typeof(Guid) => reader.GetGuid(ordinal),
            _ when type == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when type == typeof(TimeOnly) => reader.GetFieldValue<TimeOnly>(ordinal),
            _ when type == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(ordinal),
            _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime(),

            // Stored as UTC on both engines (the model's converter); SQLite's text has no kind, PostgreSQL insists on it.
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc),
            _ => throw new PostgresCopyException($"列 {column.Table.Name}.{column.Name} 的类型 {type.Name} 无法复制。"),
        };
    }

    private static NpgsqlDbType TypeOf(IColumn column)
    {
        var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
        return type switch
        {
            _ when type == typeof(string) => NpgsqlDbType.Text, // text and varchar are the same on the wire
            _ when type == typeof(int) => NpgsqlDbType.Integer,
            _ when type == typeof(long) => NpgsqlDbType.Bigint,
            _ when type == typeof(short) => NpgsqlDbType.Smallint,
            _ when type == typeof(bool) => NpgsqlDbType.Boolean,
            _ when type == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when type == typeof(double) => NpgsqlDbType.Double,
            _ when type == typeof(float) => NpgsqlDbType.Real,
            _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when type == typeof(byte[]) => NpgsqlDbType.Bytea,
            _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when type == typeof(TimeOnly) => NpgsqlDbType.Time,
            _ when type == typeof(TimeSpan) => NpgsqlDbType.Interval,
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => column.StoreType.StartsWith("timestamp with", StringComparison.Ordinal)
                ? NpgsqlDbType.TimestampTz
                : NpgsqlDbType.Timestamp,
            _ => throw new PostgresCopyException($"列 {column.Table.Name}.{column.Name} 的类型 {type.Name} 无法复制。"),
        };
    }

    /// <summary>A value as text that does not depend on the engine: times to the microsecond (PostgreSQL's precision), numbers invariant.</summary>
    private static string? Canonical(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "1" : "0",
        byte[] bytes => Convert.ToHexStringLower(bytes),
        DateTime t => new DateTime(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset t => new DateTime(t.UtcTicks - (t.UtcTicks % 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => new TimeOnly(t.Ticks - (t.Ticks % 10)).ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        TimeSpan t => TimeSpan.FromTicks(t.Ticks - (t.Ticks % 10)).ToString("c", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Guid g => g.ToString("N"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Principal tables before the tables that point to them (a table pointing to itself is one COPY: checked at its end).</summary>
    private static List<ITable> InOrderOfForeignKeys(IReadOnlyList<ITable> tables)
    {
        var ordered = new List<ITable>();
        var placed = new HashSet<ITable>();
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || placed.Contains(fk.PrincipalTable) || !tables.Contains(fk.PrincipalTable))).ToList();
            if (ready.Count == 0)
            {
                throw new PostgresCopyException($"表之间的外键成环，无法排定复制顺序：{string.Join("、", remaining.Select(t => t.Name))}。");
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready);
            remaining.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
