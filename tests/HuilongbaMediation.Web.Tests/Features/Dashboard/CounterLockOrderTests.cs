using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static HuilongbaMediation.Web.Tests.Infrastructure.BackdatedCases;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>
/// Two writers of one case on PostgreSQL, in the orders EF gives them: one changes the case's history first (its
/// counters locked by the triggers) and the case after, the other changes the case's committee (the case's row first,
/// then its counters). Without the case's lock (<see cref="FigureCounterSql.CaseLockCreateSql"/>) they wait for each
/// other in a circle and PostgreSQL fails one with 40P01 — what the eight-user soak met (issue 15); with it, the second
/// waits for the first and both go through.
/// </summary>
public sealed class CounterLockOrderTests
{
    [PostgresFact]
    public async Task A_history_change_and_a_committee_change_of_one_case_deadlock_without_the_case_lock_and_both_commit_with_it()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var (caseId, committee) = await ResolvedCaseAndOtherCommitteeAsync(app);

        await ExecuteAsync(app, FigureCounterSql.CaseLockDropSql);
        var without = await Assert.ThrowsAsync<PostgresException>(() => CrossAsync(app, caseId, committee));
        Assert.Equal(PostgresErrorCodes.DeadlockDetected, without.SqlState);

        await ExecuteAsync(app, FigureCounterSql.CaseLockCreateSql);
        await CrossAsync(app, caseId, committee);

        await using var db = await app.DbAsync();
        Assert.Equal(committee, await db.Cases.Where(c => c.Id == caseId).Select(c => c.CommitteeId).SingleAsync());
        Assert.Equal(0, (await app.Get<FigureCounterRebuilder>().RebuildAsync()).Differing);
    }

    /// <summary>
    /// The first writer moves the case's concluding entry by a day (its counters locked), waits until the second has
    /// begun to change the case's committee and is blocked, then updates the case and commits; the second commits after.
    /// </summary>
    private static async Task CrossAsync(TestApp app, int caseId, int committee)
    {
        await using var first = await OpenAsync(app);
        await using var second = await OpenAsync(app);
        await using var firstTx = await first.BeginTransactionAsync();
        await ExecuteAsync(first, $"""
            UPDATE "CaseHistory" SET "OccurredOn" = "OccurredOn" + 1
            WHERE "CaseId" = {caseId} AND "Action" = '{nameof(CaseTrigger.Resolve)}'
            """);

        var committeeChange = Task.Run(async () =>
        {
            await using var secondTx = await second.BeginTransactionAsync();
            await ExecuteAsync(second, $"""UPDATE "Cases" SET "CommitteeId" = {committee}, "Version" = "Version" + 1 WHERE "Id" = {caseId}""");
            await secondTx.CommitAsync();
        });
        await WaitUntilBlockedAsync(app, second.ProcessID, committeeChange);

        try
        {
            await ExecuteAsync(first, $"""UPDATE "Cases" SET "Version" = "Version" + 1 WHERE "Id" = {caseId}""");
            await firstTx.CommitAsync();
        }
        catch (PostgresException)
        {
            await committeeChange; // PostgreSQL failed the first writer: the second goes through
            throw;
        }

        await committeeChange;
    }

    /// <summary>Until the server says the session waits for a lock (or it has already ended, with its exception).</summary>
    private static async Task WaitUntilBlockedAsync(TestApp app, int session, Task running)
    {
        await using var watcher = await OpenAsync(app);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(20))
        {
            if (running.IsCompleted)
            {
                await running;
                Assert.Fail("the committee change went through at once: the test did not make the two writers meet");
            }

            await using var command = new NpgsqlCommand($"SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = {session}", watcher);
            if (await command.ExecuteScalarAsync() is true)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("the committee change never waited for a lock");
    }

    /// <summary>A case resolved on 9 March 2025 (its concluding entry counted in March's counters), and a committee it is not handled by.</summary>
    private static async Task<(int CaseId, int Committee)> ResolvedCaseAndOtherCommitteeAsync(TestApp app)
    {
        await app.SignInAsUserAsync("wangfang");
        var town = await BackdatedCases.CreateAsync(app);
        var resolved = town.File("wuyunshan", "neighbour", D(2025, 3, 1), amount: 500m)
            .Accept(D(2025, 3, 2)).Session(D(2025, 3, 3)).Resolve(D(2025, 3, 9), AgreementKind.Written);
        await town.SaveAsync();

        await using var db = await app.DbAsync();
        var handledBy = await db.Cases.Where(c => c.Id == resolved.Case.Id).Select(c => c.CommitteeId).SingleAsync();
        var committee = await db.Committees.Where(c => c.Id != handledBy).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        return (resolved.Case.Id, committee);
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(TestApp app, string sql)
    {
        await using var connection = await OpenAsync(app);
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
