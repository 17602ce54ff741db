using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>A database made before the open-state deltas gets them, filled from its history, by their migration (each engine).</summary>
public sealed class OpenStateDeltasMigrationTests
{
    [Fact]
    public async Task A_town_from_before_the_deltas_gets_them_filled_from_its_history_by_the_migration()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await TownScenario.BuildAsync(app);
        await using var db = await app.DbAsync();
        var migrator = db.GetService<IMigrator>();
        var latest = (await db.Database.GetAppliedMigrationsAsync()).Last();

        // Back to the migration before the deltas, then history written while nothing kept them: a case gone, a step moved.
        await migrator.MigrateAsync("FigureCounters");
        await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM "Cases" WHERE "Id" = (SELECT MIN("Id") FROM "Cases");
            UPDATE "CaseHistory" SET "OccurredOn" = "OccurredOn" - 20 WHERE "Action" = 'Refer';
            """.Replace("\"OccurredOn\" - 20", TestEngine.IsPostgres ? "\"OccurredOn\" - 20" : "date(\"OccurredOn\", '-20 days')", StringComparison.Ordinal));
        await migrator.MigrateAsync(latest);

        Assert.NotEmpty(await db.OpenStateDeltas.ToListAsync());
        var checkedCounts = await FigureCounterTests.DeltasEqualAsOfAsync(app, new DateOnly(TownScenario.Year - 1, 1, 1));
        Assert.True(checkedCounts.InMediation > 0 && checkedCounts.PendingReview > 0 && checkedCounts.Overdue > 0);
        Assert.Equal(0, (await app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
    }
}
