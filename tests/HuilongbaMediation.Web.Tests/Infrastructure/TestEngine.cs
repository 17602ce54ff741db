using HuilongbaMediation.Web.Data;
using Npgsql;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>
/// The engine the tests' <see cref="TestApp"/> runs on: SQLite unless HM_TEST_ENGINE=PostgreSQL, then a fresh
/// database per app on the server PG_CONNECTION names (<c>.ci/run</c> runs the service tests a second time so).
/// </summary>
public static class TestEngine
{
    public const string EngineVariable = "HM_TEST_ENGINE";
    public const string ServerVariable = "PG_CONNECTION";
    public const string RequiredVariable = "PG_REQUIRED";

    public static DatabaseProvider Current { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(EngineVariable), ignoreCase: true, out var engine) ? engine : DatabaseProvider.Sqlite;

    public static bool IsPostgres => Current == DatabaseProvider.PostgreSQL;

    /// <summary>Why the PostgreSQL tests cannot run here, or null when a server is named.</summary>
    public static string? PostgresUnavailable =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServerVariable))
            ? $"No PostgreSQL server: set {ServerVariable} (e.g. .ci/with-postgres starts one), or {RequiredVariable}=1 to fail instead of skipping."
            : null;

    private static string Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(PostgresUnavailable);

    /// <summary>The server's connection string, on one database of it.</summary>
    public static string PostgresConnection(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>A new database, empty or a copy of <paramref name="template"/>; its name.</summary>
    public static async Task<string> CreateDatabaseAsync(string? template)
    {
        var name = $"hm_test_{Guid.NewGuid():N}";
        await ExecuteAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
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
            Skip = $"Runs on PostgreSQL: {TestEngine.EngineVariable}=PostgreSQL with {TestEngine.ServerVariable} (.ci/with-postgres).";
        }
        else if (Environment.GetEnvironmentVariable(TestEngine.RequiredVariable) != "1" && TestEngine.PostgresUnavailable is { } why)
        {
            Skip = why;
        }
    }
}
