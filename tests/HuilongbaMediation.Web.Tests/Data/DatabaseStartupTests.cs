using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HuilongbaMediation.Web.Tests.Data;

public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_file_and_turn_on_WAL()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = await app.DbAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(6, await db.Villages.CountAsync());
        var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", journal);
    }

    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        // Several branches add migrations; a merged snapshot that lost one of them would let the next migration
        // recreate or drop its columns. The model the code builds must be the one the migrations end in.
        await using var app = await TestApp.StartAsync();
        await using var db = await app.DbAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration holds: add a migration.");
    }

    [Fact]
    public void A_relative_data_source_is_resolved_against_the_content_root_with_a_busy_timeout()
    {
        var config = Config("Data Source=data/huilongba.db");

        var resolved = new SqliteConnectionStringBuilder(DatabaseStartup.ResolveConnectionString(config, "/srv/app"));

        Assert.Equal("/srv/app/data/huilongba.db", resolved.DataSource);
        Assert.Equal(30, resolved.DefaultTimeout);
    }

    [Fact]
    public void A_missing_connection_string_is_a_one_line_startup_error()
    {
        var ex = Assert.Throws<StartupException>(() => DatabaseStartup.ResolveConnectionString(Config(null), "/srv/app"));
        Assert.Contains("ConnectionStrings:Default", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task A_missing_data_folder_stops_start_up_with_one_line()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"hm-missing-{Guid.NewGuid():N}");

        var ex = await Assert.ThrowsAsync<StartupException>(() => PrepareAsync(Path.Combine(folder, "db.sqlite")));

        Assert.Contains("数据目录不存在", ex.Message, StringComparison.Ordinal);
        Assert.Contains(folder, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "start-up must not create a folder the operator named wrongly");
    }

    [Fact]
    public async Task An_unwritable_data_folder_stops_start_up_with_one_line()
    {
        // /proc refuses new files even to root, unlike a chmod-ed folder.
        var ex = await Assert.ThrowsAsync<StartupException>(() => PrepareAsync("/proc/huilongba.db"));

        Assert.Contains("数据目录不可写", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_newer_than_the_app_is_refused()
    {
        await using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "db.sqlite");
        await PrepareAsync(file);
        await ExecuteAsync(file, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '99.0.0');");

        var ex = await Assert.ThrowsAsync<StartupException>(() => PrepareAsync(file));

        Assert.Contains("数据库比本程序新", ex.Message, StringComparison.Ordinal);
        Assert.Contains("29990101000000_FromTheFuture", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_orphaned_migration_lock_is_reported_instead_of_waiting_forever()
    {
        await using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "db.sqlite");
        await PrepareAsync(file);
        await ExecuteAsync(file, "CREATE TABLE IF NOT EXISTS __EFMigrationsLock (Id INTEGER PRIMARY KEY, Timestamp TEXT NOT NULL); INSERT INTO __EFMigrationsLock VALUES (1, '2026-01-01');");

        var ex = await Assert.ThrowsAsync<StartupException>(() => PrepareAsync(file));

        Assert.Contains("__EFMigrationsLock", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_a_one_line_error()
    {
        await using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "db.sqlite");
        await File.WriteAllTextAsync(file, new string('x', 4096));

        var ex = await Assert.ThrowsAsync<StartupException>(() => PrepareAsync(file));

        Assert.Contains("无法打开数据库", ex.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(string? connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString }).Build();

    private static async Task PrepareAsync(string file)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file}").Options;
        await using var db = new AppDbContext(options);
        await DatabaseStartup.PrepareAsync(db);
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
