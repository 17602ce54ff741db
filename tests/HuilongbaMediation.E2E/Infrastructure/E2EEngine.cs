using Npgsql;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// The engine every <see cref="AppHost"/> starts its app on: SQLite (a fresh file) unless HM_TEST_ENGINE=PostgreSQL —
/// the same variable as the web tests' — then a fresh database <c>hm_e2e_…</c> on the server PG_CONNECTION names, created
/// before the app starts and dropped when it stops. <c>.ci/run</c> runs the whole E2E suite a second time so, all but the
/// tests marked <see cref="SqliteOnly"/>.
/// </summary>
public static class E2EEngine
{
    public const string EngineVariable = "HM_TEST_ENGINE";
    public const string ServerVariable = "PG_CONNECTION";
    public const string RequiredVariable = "PG_REQUIRED";

    /// <summary>
    /// The trait of the tests left out of the PostgreSQL run (<c>Engine!=SqliteOnly</c>): they are about the SQLite file
    /// itself, so they start their own app on one whatever the run's engine — the backup page and <c>backup</c>/<c>restore</c>
    /// (they copy the SQLite file; on PostgreSQL the backup is <c>pg_dump</c>, README "What does not yet work on PostgreSQL"),
    /// the crash safety of the file, demo mode's checks of the file, and the start-up errors and hosting checks that start
    /// an app of their own on a SQLite file. Running them twice would test SQLite twice.
    /// </summary>
    public const string Trait = "Engine";

    /// <summary>The value of <see cref="Trait"/> for a test about SQLite only (see there why).</summary>
    public const string SqliteOnly = "SqliteOnly";

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable(EngineVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>PG_REQUIRED=1 (CI): a missing server fails the PostgreSQL run instead of skipping it.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>Why the PostgreSQL run cannot start its apps here, or null when a server is named.</summary>
    public static string? PostgresUnavailable =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServerVariable))
            ? $"{EngineVariable}=PostgreSQL but no PostgreSQL server: set {ServerVariable} (e.g. .ci/with-postgres starts one), or {RequiredVariable}=1 to fail instead of skipping."
            : null;

    /// <summary>The reason to skip a browser test for the engine, or null to run it.</summary>
    public static string? SkipReason => IsPostgres && !Required ? PostgresUnavailable : null;

    private static string Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(PostgresUnavailable);

    /// <summary>The settings that put an app on database <paramref name="database"/> of the server, files in <paramref name="dataFolder"/>.</summary>
    public static Dictionary<string, string> PostgresSettings(string database, string dataFolder) => new()
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString,
        ["Database__DataFolder"] = dataFolder,
    };

    /// <summary>A new empty database for one app (the app migrates it at start-up); its name.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"hm_e2e_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
