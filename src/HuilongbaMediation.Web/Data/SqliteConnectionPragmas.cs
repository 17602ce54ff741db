using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> on every connection the app opens (the setting is the connection's, not the file's).
/// In WAL mode (DatabaseStartup) a commit then appends to the WAL without waiting for the disk, which syncs at each
/// checkpoint instead: on this machine one sync takes ~7 ms, so with FULL every write paid it inside the write gate and
/// the town could not pass ~140 writes a second. The database stays consistent whatever happens, and a crash of the app
/// loses nothing; a power cut or a crash of the operating system may roll back the transactions committed since the WAL
/// was last synced (sqlite.org/pragma.html#pragma_synchronous). README, Benchmarks: Transitions.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
