using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Backups;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>The two engines' migration sets, and what PostgreSQL must do as SQLite does (issue 15).</summary>
public sealed class DatabaseEngineTests
{
    [Fact]
    public void Each_engine_has_its_own_migrations_and_each_set_matches_the_model()
    {
        using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresAppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=none").Options);

        // No server is needed: the model is compared with each set's snapshot.
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: dotnet ef migrations add … --context AppDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: dotnet ef migrations add … --context PostgresAppDbContext --output-dir Data/Migrations/PostgreSQL");
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();
        Assert.Equal("20261126213926_InitialSchema", sqliteMigrations[0]); // existing SQLite databases keep their history
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
        Assert.NotEmpty(postgresMigrations);
    }

    [Fact]
    public void The_provider_is_read_from_the_settings_and_a_wrong_one_is_refused_in_one_line()
    {
        var postgres = DatabaseEngine.From(Settings(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:Default", "Host=db;Database=huilongba;Username=app")), "/srv/app");
        Assert.Equal((DatabaseProvider.PostgreSQL, false, false, "/srv/app/data"), (postgres.Provider, postgres.QueuesWriters, postgres.MakesOwnBackups, postgres.DataFolder));

        var sqlite = DatabaseEngine.From(Settings(("ConnectionStrings:Default", "Data Source=data/huilongba.db")), "/srv/app");
        Assert.Equal((DatabaseProvider.Sqlite, true, "/srv/app/data"), (sqlite.Provider, sqlite.QueuesWriters, sqlite.DataFolder));

        var wrong = Assert.Throws<StartupException>(() => DatabaseEngine.From(Settings(("Database:Provider", "MySQL"), ("ConnectionStrings:Default", "x")), "/srv/app"));
        Assert.Contains("Sqlite 或 PostgreSQL", wrong.Message, StringComparison.Ordinal);
        var noDatabase = Assert.Throws<StartupException>(() => DatabaseEngine.From(Settings(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:Default", "Host=db")), "/srv/app"));
        Assert.Contains("Database", noDatabase.Message, StringComparison.Ordinal);
    }

    /// <summary>The 数据备份 page crashed on PostgreSQL (it read the connection string as a SQLite file's); it says how backups are made there.</summary>
    [PostgresFact]
    public async Task On_postgres_the_backup_page_says_the_backup_is_pg_dump_and_backs_up_nothing_itself()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("admin");
        var service = app.Get<BackupAdminService>();

        var (read, overview) = await service.GetAsync();
        var (write, run) = await service.BackupNowAsync();

        Assert.False(service.MakesOwnBackups);
        Assert.Equal((Outcome.Done, Outcome.Conflict), (read.Outcome, write.Outcome));
        Assert.Null(overview);
        Assert.Null(run);
        Assert.Contains("pg_dump", write.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataFolder, "backups")));
    }

    [PostgresFact]
    public async Task On_postgres_a_filed_case_keeps_its_dates_times_and_money_exactly()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(app);

        var filed = await app.Get<CaseService>().FileAsync(draft);

        Assert.True(filed.Succeeded, filed.Message);
        await using var db = await app.DbAsync();
        Assert.IsType<PostgresAppDbContext>(db); // the run is on PostgreSQL, not SQLite by mistake
        Assert.True(db.Database.IsNpgsql());
        var stored = await db.Cases.Include(c => c.History).SingleAsync();
        var entry = stored.History.OrderBy(h => h.Id).First();
        Assert.Equal(app.Today, stored.FiledOn);
        Assert.Equal(DateTimeKind.Utc, entry.AtUtc.Kind);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.AtUtc, TimeSpan.FromSeconds(5));
        Assert.Equal(draft.AmountInvolved, stored.AmountInvolved);

        // A UTC time to the microsecond (PostgreSQL's precision) comes back exactly, as UTC, late in a China day.
        var at = new DateTime(2026, 3, 1, 16, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560);
        db.AppState.Add(new AppStateEntry { Key = "engine-test", Value = "x", UpdatedAtUtc = at });
        await db.SaveChangesAsync();
        await using var again = await app.DbAsync();
        var read = await again.AppState.Where(s => s.Key == "engine-test").Select(s => s.UpdatedAtUtc).SingleAsync();
        Assert.Equal((at, DateTimeKind.Utc), (read, read.Kind));
    }

    [PostgresFact]
    public async Task On_postgres_eight_workers_on_two_servers_file_at_once_and_numbers_run_1_to_n_without_gaps()
    {
        await using var first = await TestApp.StartAsync(demo: true);
        await using var second = await TestApp.StartAsync(demo: true, dataFolder: first.DataFolder);
        await first.SignInAsUserAsync("zhangmin");
        await second.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(first);

        // 8 workers, 4 on each app (no write gate between them on PostgreSQL), 5 filings each.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var app = worker % 2 == 0 ? first : second;
            var filed = new List<bool>();
            for (var i = 0; i < 5; i++)
            {
                await using var scope = app.NewScope();
                var result = await scope.Get<CaseService>().FileAsync(draft with { Summary = $"{draft.Summary}（{worker}-{i}）" });
                Assert.True(result.Succeeded, result.Message);
                filed.Add(result.Succeeded);
            }

            return filed.Count;
        }));

        Assert.Equal(40, results.Sum());
        await using var db = await first.DbAsync();
        var numbers = await db.Cases.OrderBy(c => c.Sequence).Select(c => new { c.Year, c.Sequence, c.Number }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 40), numbers.Select(n => n.Sequence));
        Assert.All(numbers, n => Assert.Equal(CaseNumber.Format(n.Year, n.Sequence), n.Number));
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
