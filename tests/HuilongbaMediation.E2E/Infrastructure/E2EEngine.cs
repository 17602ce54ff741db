using HuilongbaMediation.Tests.Shared;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// The engine every <see cref="AppHost"/> starts its app on: SQLite (a fresh file) unless HM_TEST_ENGINE=PostgreSQL —
/// the same variable as the web tests' — then a fresh database <c>hm_e2e_…</c> on the server PG_CONNECTION names
/// (<see cref="PostgresServer"/>), created before the app starts and dropped when it stops. <c>.ci/run</c> runs the whole
/// E2E suite a second time so, all but the tests marked <see cref="SqliteOnly"/>.
/// </summary>
public static class E2EEngine
{
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

    public static bool IsPostgres => PostgresServer.IsRequested;

    /// <summary>The reason to skip a browser test for the engine, or null to run it.</summary>
    public static string? SkipReason => IsPostgres && !PostgresServer.Required ? PostgresServer.Unavailable : null;

    /// <summary>The settings that put an app on database <paramref name="database"/> of the server, files in <paramref name="dataFolder"/>.</summary>
    public static Dictionary<string, string> PostgresSettings(string database, string dataFolder) => new()
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Default"] = PostgresServer.Connection(database),
        ["Database__DataFolder"] = dataFolder,
    };

    /// <summary>A new empty database for one app (the app migrates it at start-up); its name.</summary>
    public static Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("hm_e2e");

    public static Task DropDatabaseAsync(string name) => PostgresServer.DropDatabaseAsync(name);
}
