using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Cli;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>
/// The generator loads first and indexes after (on SQLite it drops the counters' and the search's triggers and the case
/// tables' indexes for the load, <c>SqliteBulkLoad</c>): what it leaves must be what a load row by row through the triggers
/// would have left — the same triggers and indexes, counters equal to a rebuild and to direct counts, a search index that
/// answers as the scan — and a load that fails must leave the database as it was, triggers and indexes included.
/// </summary>
public sealed class GeneratedTownIndexTests
{
    [Fact]
    public async Task A_generated_town_has_its_triggers_and_indexes_back_counters_equal_to_direct_counts_and_a_search_that_answers_as_the_scan()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("wangfang");
        var before = await SchemaAsync(app);

        Assert.Equal(1500, await app.Get<DemoCaseGenerator>().GenerateSpanAsync(1500, 3, 200, null, default));

        Assert.Equal(before, await SchemaAsync(app));
        Assert.Equal(0, (await app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
        List<MediationCase> cases;
        await using (var db = await app.DbAsync())
        {
            cases = await db.Cases.AsNoTracking().Include(c => c.History).ToListAsync();
        }

        var statistics = app.Get<StatisticsService>();
        foreach (var period in new[] { StatisticsPeriod.OfYear(app.Today.Year - 2), StatisticsPeriod.OfYear(app.Today.Year - 1), StatisticsPeriod.OfYear(app.Today.Year) })
        {
            var stats = (await statistics.GetAsync(period))!;
            new DirectCount(cases, period.From, period.To, stats.Today).AssertEqual(stats.Town, $"{period.From}–{period.To}");
            Assert.True(stats.Town.Filed.Value > 100, $"{period.From}: {stats.Town.Filed.Value} filed");
            foreach (var village in stats.Villages)
            {
                new DirectCount(cases.Where(c => c.VillageId == village.VillageId), period.From, period.To, stats.Today)
                    .AssertEqual(village.Figures, $"{village.Name} {period.From}–{period.To}");
            }
        }

        await using (var db = await app.DbAsync())
        {
            // The search index holds the loaded town: names, parts of names and summaries, numbers find what the scan finds.
            var office = await app.ActorAsync("wangfang");
            var random = new Random(4);
            var names = await db.Set<Party>().AsNoTracking().Select(p => p.Name).ToListAsync();
            var texts = await db.Cases.AsNoTracking().Select(c => new { c.Number, c.Summary }).ToListAsync();
            var terms = new List<string> { "王", "纠纷", "无此当事人" };
            for (var i = 0; i < 20; i++)
            {
                var name = names[random.Next(names.Count)];
                var text = texts[random.Next(texts.Count)];
                terms.AddRange([name, name[..1], name[..Math.Min(2, name.Length)], text.Number, text.Summary.Substring(random.Next(text.Summary.Length - 4), 4)]);
            }

            var found = 0;
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                var scanned = await CaseSearchTests.ScannedAsync(db, office, term);
                Assert.Equal(scanned, await CaseSearchTests.SearchedAsync(db, office, term));
                found += scanned.Count;
            }

            Assert.True(found > 100, "the terms found cases");

            // And the triggers are back at work: a case moved by hand to another category moves its counters, a party
            // renamed by hand is found by the new name.
            var moved = cases.First(c => c.Status == CaseStatus.Resolved);
            var otherCategory = await db.Categories.Where(c => c.Id != moved.CategoryId).Select(c => c.Id).FirstAsync();
            await db.Cases.Where(c => c.Id == moved.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CategoryId, otherCategory));
            await db.Set<Party>().Where(p => EF.Property<int>(p, "CaseId") == moved.Id).OrderBy(p => p.Id).Take(1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "欧阳改名"));
            Assert.Equal([moved.Id], await CaseSearchTests.SearchedAsync(db, office, "欧阳改名"));
        }

        Assert.Equal(0, (await app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
    }

    [Fact]
    public async Task A_load_that_fails_half_way_leaves_the_database_as_it_was_triggers_and_indexes_included()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var before = await SchemaAsync(app);
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            app.Get<DemoCaseGenerator>().GenerateSpanAsync(600, 2, 50, done => { if (done >= 300) { stop.Cancel(); } }, stop.Token));

        Assert.Equal(before, await SchemaAsync(app));
        await using (var db = await app.DbAsync())
        {
            Assert.Equal(0, await db.Cases.CountAsync());
            Assert.Equal(0, await db.CaseHistory.CountAsync());
            Assert.Equal(0, await db.Set<Party>().CountAsync());
            // No counter counts anything (on PostgreSQL, which loads row by row, the undo leaves counters at zero behind).
            Assert.False(await db.FigureCounters.AnyAsync(c => c.Filed != 0 || c.Concluded != 0 || c.Resolved != 0 || c.DaysToConclude != 0));
        }

        // The database works as before: the demo town, written row by row through the triggers, is counted and found.
        Assert.Equal(DemoCaseGenerator.CaseCount, await app.Get<DemoCaseGenerator>().GenerateAsync());
        Assert.Equal(0, (await app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
        await using (var db = await app.DbAsync())
        {
            var office = await app.ActorAsync("wangfang");
            var name = await db.Set<Party>().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Name).FirstAsync();
            var found = await CaseSearchTests.SearchedAsync(db, office, name);
            Assert.NotEmpty(found);
            Assert.Equal(await CaseSearchTests.ScannedAsync(db, office, name), found);
        }
    }

    [Fact]
    public async Task A_load_whose_process_died_half_way_is_undone_by_the_next_start_or_the_next_generate()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("wangfang");
        var before = await SchemaAsync(app);

        // Killed after its first cases were written: nothing built back, its mark left behind.
        await DieHalfWayAsync(app);
        Assert.NotEqual(before, await SchemaAsync(app));

        // The serving app, which holds the data folder, undoes it at start-up.
        await using (var restarted = await TestApp.StartAsync(demo: true, dataFolder: app.DataFolder, serving: true))
        {
            Assert.Equal(before, await SchemaAsync(restarted));
            await using var db = await restarted.DbAsync();
            Assert.Equal(0, await db.Cases.CountAsync());
            Assert.False(await db.AppState.AnyAsync(s => s.Key == AppStateKeys.UnfinishedLoad));
            Assert.False(await db.FigureCounters.AnyAsync(c => c.Filed != 0 || c.Resolved != 0));
        }

        // Killed again; this time the next `generate` undoes it, then loads its own town.
        await DieHalfWayAsync(app);
        var command = Assert.IsType<GenerateCommand>(CliCommand.Parse(["generate", "--cases", "200", "--years", "1"]));
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await command.WithConsole(output, error).RunAsync(app.Get<IServiceProvider>()));
        var said = output.ToString().ReplaceLineEndings(""); // the console wraps its lines
        Assert.Contains("上次生成在载入中途停止：已删除它载入的 3 件案件", said, StringComparison.Ordinal);
        Assert.Contains("已生成：200 件案件", said, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaAsync(app));
        Assert.Equal(0, (await app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
    }

    [Fact]
    public async Task Generate_refuses_while_the_app_holds_the_data_folder()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        using (var serving = DataFolderLock.TryAcquire(app.DataFolder))
        {
            Assert.NotNull(serving);
            var command = Assert.IsType<GenerateCommand>(CliCommand.Parse(["generate", "--cases", "10"]));
            var (output, error) = (new StringWriter(), new StringWriter());
            Assert.Equal(1, await command.WithConsole(output, error).RunAsync(app.Get<IServiceProvider>()));
            Assert.Contains("正被运行中的系统", error.ToString(), StringComparison.Ordinal);
        }

        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    /// <summary>A bulk load begun, three cases written through it, and its process gone without building anything back.</summary>
    private static async Task DieHalfWayAsync(TestApp app)
    {
        await using (var db = await app.DbAsync())
        {
            Assert.NotNull(await SqliteBulkLoad.BeginAsync(db, NewAggregates.Tables<MediationCase>(db), default));
        }

        var town = await BackdatedCases.CreateAsync(app);
        town.File("wuyunshan", "neighbour", BackdatedCases.D(2025, 3, 1)).Accept(BackdatedCases.D(2025, 3, 2)).Session(BackdatedCases.D(2025, 3, 3)).Resolve(BackdatedCases.D(2025, 3, 9), AgreementKind.Oral);
        town.File("wuyunshan", "contract", BackdatedCases.D(2025, 4, 1)).Accept(BackdatedCases.D(2025, 4, 2));
        town.File("huilongba", "neighbour", BackdatedCases.D(2025, 5, 1));
        await town.SaveAsync();
    }

    /// <summary>The triggers and indexes of the database with their SQL (SQLite: its catalogue; PostgreSQL: pg_indexes and pg_trigger).</summary>
    private static async Task<List<string>> SchemaAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var sql = db.Database.IsSqlite()
            ? """SELECT "type" || ' ' || "name" || ' ' || coalesce("sql", '') AS "Value" FROM "sqlite_master" WHERE "type" IN ('index', 'trigger') ORDER BY "type", "name" """
            : """
              SELECT indexname || ' ' || indexdef AS "Value" FROM pg_indexes WHERE schemaname = current_schema()
              UNION ALL SELECT tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
              ORDER BY 1
              """;
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}
