using System.Data.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>
/// <see cref="NewAggregates"/> writes the import's and the demo town's cases with its own prepared INSERTs: every column of
/// every row must be what SaveChanges writes for the same cases — value and SQLite storage class — or a statistic, a
/// search or a document would read an imported case differently from a filed one.
/// </summary>
public sealed class NewAggregatesTests
{
    private static readonly string[] Tables = ["Cases", "CaseParties", "CaseMediators", "CaseSessions", "CaseFollowUps", "CaseHistory"];

    [Fact]
    public async Task The_demo_town_written_by_prepared_inserts_is_stored_exactly_as_SaveChanges_stores_it()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var nowUtc = app.Clock.GetUtcNow().UtcDateTime;

        var bySaveChanges = await WriteAndReadAsync(app, nowUtc, (db, cases) =>
        {
            db.Cases.AddRange(cases);
            db.SaveChanges();
        });
        var byInserts = await WriteAndReadAsync(app, nowUtc, (db, cases) => NewAggregates.Insert(db, cases));

        foreach (var table in Tables)
        {
            Assert.True(bySaveChanges[table].Count > 0, $"the demo town has rows in {table}");
            Assert.Equal(bySaveChanges[table].Count, byInserts[table].Count);
            for (var i = 0; i < bySaveChanges[table].Count; i++)
            {
                Assert.Equal(bySaveChanges[table][i], byInserts[table][i]);
            }
        }

        // The parts kept in the case's own row are there: agreements with their amounts in fen, referrals, court decisions.
        Assert.Contains(byInserts["Cases"], row => row.Contains("Agreement_AgreedAmount = integer ", StringComparison.Ordinal));
        Assert.Contains(byInserts["Cases"], row => row.Contains("Referral_Reason = text ", StringComparison.Ordinal));
        Assert.Contains(byInserts["Cases"], row => row.Contains("JudicialConfirmation_Court = text ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_to_write_outside_a_transaction()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await using var db = await app.DbAsync();
        var cases = await DemoCaseGenerator.BuildAsync(db, 1, app.Clock.GetUtcNow().UtcDateTime, default);

        Assert.Throws<InvalidOperationException>(() => NewAggregates.Insert(db, cases));
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    /// <summary>
    /// The demo town's cases written one way into an empty set of case tables, read back as text (each column as
    /// "name = storage class value"), then removed again with their key counters, so the next way starts where this one did.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> WriteAndReadAsync(TestApp app, DateTime nowUtc, Action<AppDbContext, IReadOnlyList<Domain.Cases.MediationCase>> write)
    {
        await using var db = await app.DbAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            write(db, await DemoCaseGenerator.BuildAsync(db, 1, nowUtc, default));
            await tx.CommitAsync();
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in Tables)
        {
            rows[table] = await ReadAsync(connection, table);
        }

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Cases\"");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence WHERE name IN ('Cases', 'CaseParties', 'CaseMediators', 'CaseSessions', 'CaseFollowUps', 'CaseHistory')");
        Assert.Equal(0, await db.CaseHistory.CountAsync());
        return rows;
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("; ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                $"{reader.GetName(i)} = {Stored(reader.GetValue(i))}")));
        }

        return rows;
    }

    /// <summary>A value with its SQLite storage class (Microsoft.Data.Sqlite reads each class as one CLR type).</summary>
    private static string Stored(object value) => value switch
    {
        DBNull => "null",
        long l => $"integer {l}",
        double d => $"real {d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}",
        string s => $"text {s}",
        byte[] b => $"blob {Convert.ToHexString(b)}",
        _ => $"{value.GetType().Name} {value}",
    };
}
