using HuilongbaMediation.Tests.Shared;
using HuilongbaMediation.Web.Data;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>
/// The engine the tests' <see cref="TestApp"/> runs on: SQLite unless HM_TEST_ENGINE=PostgreSQL, then a fresh
/// database per app on the server PG_CONNECTION names (<see cref="PostgresServer"/>; <c>.ci/run</c> runs the service
/// tests a second time so).
/// </summary>
public static class TestEngine
{
    public static DatabaseProvider Current { get; } = PostgresServer.IsRequested ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;

    public static bool IsPostgres => Current == DatabaseProvider.PostgreSQL;

    /// <summary>The server's connection string, on one database of it.</summary>
    public static string PostgresConnection(string database) => PostgresServer.Connection(database);

    /// <summary>A new database, empty or a copy of <paramref name="template"/>; its name.</summary>
    public static Task<string> CreateDatabaseAsync(string? template) => PostgresServer.CreateDatabaseAsync("hm_test", template);

    public static Task DropDatabaseAsync(string name) => PostgresServer.DropDatabaseAsync(name);
}

/// <summary>
/// A test of the PostgreSQL engine itself, run in the PostgreSQL run (HM_TEST_ENGINE=PostgreSQL) and skipped with the
/// reason in the SQLite one. In the PostgreSQL run without a server (PG_CONNECTION) it is skipped too, unless
/// PG_REQUIRED=1 (CI), in which case it runs and fails with the reason. xunit 2 has no dynamic skip, hence the attribute.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestEngine.IsPostgres)
        {
            Skip = $"Runs on PostgreSQL: {PostgresServer.EngineVariable}=PostgreSQL with {PostgresServer.ServerVariable} (.ci/with-postgres).";
        }
        else if (!PostgresServer.Required && PostgresServer.Unavailable is { } why)
        {
            Skip = why;
        }
    }
}
