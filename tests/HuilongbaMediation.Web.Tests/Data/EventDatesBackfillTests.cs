using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Tests.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>The migration that added the typed history columns fills them for the rows already there, from what they hold.</summary>
public sealed class EventDatesBackfillTests
{
    [Fact]
    public async Task Rows_written_before_the_columns_existed_get_the_dates_their_json_carries()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await TownScenario.BuildAsync(app);
        await using var db = await app.DbAsync();
        var written = await db.CaseHistory.AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.OccurredOn, h.DueOn, h.AgreementKind }).ToListAsync();
        var concluded = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.ConcludedOn }).ToListAsync();

        // As the rows stood before the migration: the columns' defaults, and a resolution concluded on the day it was recorded.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "CaseHistory" SET "OccurredOn" = '0001-01-01', "DueOn" = NULL, "AgreementKind" = NULL;
            UPDATE "Cases" SET "ConcludedOn" = '2099-01-01' WHERE "Status" = 'Resolved';
            """);
        await db.Database.ExecuteSqlRawAsync(EventDatesBackfill.Sql);

        db.ChangeTracker.Clear();
        Assert.Equal(written, await db.CaseHistory.AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.OccurredOn, h.DueOn, h.AgreementKind }).ToListAsync());
        Assert.Equal(concluded, await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.ConcludedOn }).ToListAsync());
    }

    [Fact]
    public async Task A_step_that_carried_no_date_is_dated_the_China_day_it_was_recorded()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await TownScenario.BuildAsync(app);
        await using var db = await app.DbAsync();

        // A late-evening recording in UTC is the next morning in 回龙坝.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "CaseHistory" SET "AtUtc" = '2025-03-20 17:30:00', "Data" = '{{}}' WHERE "Action" = 'AssignMediators';
            """);
        await db.Database.ExecuteSqlRawAsync(EventDatesBackfill.Sql);

        db.ChangeTracker.Clear();
        Assert.All(await db.CaseHistory.AsNoTracking().Where(h => h.Action == "AssignMediators").ToListAsync(), h => Assert.Equal(new DateOnly(2025, 3, 21), h.OccurredOn));
    }
}
