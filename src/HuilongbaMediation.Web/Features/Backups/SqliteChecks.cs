using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HuilongbaMediation.Web.Features.Backups;

/// <summary>The checks a backup and a restore run on a database file, on a connection of their own.</summary>
public static class SqliteChecks
{
    /// <summary>Null when <c>PRAGMA integrity_check</c> says ok; its first findings otherwise.</summary>
    public static async Task<string?> IntegrityAsync(SqliteConnection connection, CancellationToken ct)
    {
        var rows = await RowsAsync(connection, "PRAGMA integrity_check(5)", ct);
        return rows is ["ok"] ? null : string.Join("；", rows);
    }

    /// <summary>Null when <c>PRAGMA foreign_key_check</c> finds nothing (integrity_check does not look at foreign keys).</summary>
    public static async Task<string?> ForeignKeysAsync(SqliteConnection connection, CancellationToken ct)
    {
        var rows = await RowsAsync(connection, "SELECT \"table\" || ' 第 ' || rowid || ' 行引用的 ' || parent || ' 不存在' FROM pragma_foreign_key_check LIMIT 5", ct);
        return rows.Count == 0 ? null : string.Join("；", rows);
    }

    public static async Task<BackupCounts> CountsAsync(SqliteConnection connection, CancellationToken ct) => new(
        await CountAsync(connection, "AspNetUsers", ct),
        await CountAsync(connection, "Cases", ct),
        await CountAsync(connection, "CaseHistory", ct),
        await CountAsync(connection, "CaseAttachments", ct));

    public static async Task<T?> ScalarAsync<T>(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return rows;
    }

    private static async Task<int> CountAsync(SqliteConnection connection, string table, CancellationToken ct) =>
        await ScalarAsync<int>(connection, $"SELECT COUNT(*) FROM \"{table}\"", ct);
}
