using Npgsql;

namespace HuilongbaMediation.Tests.Shared;

/// <summary>
/// The PostgreSQL run of the tests (HM_TEST_ENGINE=PostgreSQL) and the server it makes its databases on (PG_CONNECTION,
/// e.g. from <c>.ci/with-postgres</c>): one fresh database per test app, dropped at its end. Shared by the web tests'
/// <c>TestEngine</c> and the browser tests' <c>E2EEngine</c>.
/// </summary>
public static class PostgresServer
{
    public const string EngineVariable = "HM_TEST_ENGINE";
    public const string ServerVariable = "PG_CONNECTION";
    public const string RequiredVariable = "PG_REQUIRED";

    /// <summary>HM_TEST_ENGINE=PostgreSQL: this run puts its test apps on PostgreSQL.</summary>
    public static bool IsRequested { get; } =
        string.Equals(Environment.GetEnvironmentVariable(EngineVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>PG_REQUIRED=1 (CI): a missing server fails the PostgreSQL run instead of skipping it.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>Why the PostgreSQL tests cannot run here, or null when a server is named.</summary>
    public static string? Unavailable =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServerVariable))
            ? $"No PostgreSQL server: set {ServerVariable} (e.g. .ci/with-postgres starts one), or {RequiredVariable}=1 to fail instead of skipping."
            : null;

    private static string Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(Unavailable);

    /// <summary>The server's connection string, on one database of it.</summary>
    public static string Connection(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>A new database named <paramref name="prefix"/>_&lt;guid&gt;, empty or a copy of <paramref name="template"/>; its name.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, string? template = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
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
