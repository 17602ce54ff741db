using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>
/// How SQLite reads the case list's page: in the list's order by an index, stopping at the page, or by reading every case
/// the user may see and sorting them for 25 rows. The demo town is too small for the difference to show in time (a
/// million cases: 0.1 ms against 500 ms), so this asks SQLite for the plan of the very statement the list ran
/// (<c>EXPLAIN QUERY PLAN</c>, same parameters). "For right part of order by" is allowed: the ties of one value sorted.
/// SQLite only (the folder <c>Data</c> is not in the PostgreSQL run): PostgreSQL's planner costs a small town's sort lower
/// than an index walk, so its plan here says nothing of a large one.
/// </summary>
public sealed class CaseListPlanTests
{
    /// <summary>The orders that still sort every visible case (README "The list's orders on a large town").</summary>
    private static readonly HashSet<(string Who, CaseSort Sort)> Sorting =
    [
        // The office's order by village: the village's place is in another table, which SQLite does not walk in order.
        ("wangfang", CaseSort.Village),
        // A village's list has indexes by filing date and by status only; by number or deadline it sorts the village's cases.
        ("liqiang", CaseSort.Number),
        ("liqiang", CaseSort.DueOn),
        // A mediator sees the village's cases and those they mediate elsewhere (an OR): by village, as the office.
        ("zhangmin", CaseSort.Village),
    ];

    [Fact]
    public async Task Each_order_of_the_list_walks_an_index_to_its_first_page_but_the_named_few()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var list = app.Get<CaseListService>();
        var (expected, found, plans) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var who in new[] { "wangfang", "liqiang", "zhangmin" })
        {
            await app.SignInAsUserAsync(who);
            foreach (var sort in Enum.GetValues<CaseSort>())
            {
                foreach (var descending in new[] { false, true })
                {
                    var plan = await PlanOfPageAsync(app, () => list.ListAsync(new CaseListRequest(new CaseFilter(), Sort: sort, Descending: descending)));
                    var order = $"{who} {sort} {(descending ? "desc" : "asc")}";
                    expected.Add($"{order}: {(Sorting.Contains((who, sort)) ? "sorts" : "walks")}");
                    found.Add($"{order}: {(SortsAll(plan) ? "sorts" : "walks")}");
                    plans.Add($"{found[^1]} ({string.Join("; ", plan)})");
                }
            }
        }

        Assert.True(expected.SequenceEqual(found), string.Join('\n', plans));
    }

    [Fact]
    public async Task A_village_head_s_search_for_a_common_term_walks_the_village_s_cases_newest_first()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.Get<DemoCaseGenerator>().GenerateAsync(scale: 1);
        await app.SignInAsUserAsync("liqiang");
        // 调 is in every case number (回龙坝人调字), so it is common (CaseSearchIndex.IsCommonAsync): the list walks the
        // village's cases newest first and looks each up among the candidates, where a rare term's few candidates lead.
        var plan = await PlanOfPageAsync(app, () => app.Get<CaseListService>().ListAsync(new CaseListRequest(new CaseFilter { Search = "调" })));
        Assert.False(SortsAll(plan), string.Join('\n', plan));
        Assert.Contains(plan, step => step.Detail.Contains("IX_Cases_ListOfVillage", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the page's cases are found by sorting all of them: a whole sort ("USE TEMP B-TREE FOR ORDER BY") inside the
    /// subquery that picks the page. The outer query sorts the page's 25 rows again with their parties; that is not counted.
    /// </summary>
    private static bool SortsAll(IReadOnlyList<Step> plan) =>
        plan.Where(step => step.Detail.StartsWith("CO-ROUTINE", StringComparison.Ordinal))
            .Any(page => plan.Any(step => step.Parent == page.Id && step.Detail == "USE TEMP B-TREE FOR ORDER BY"));

    /// <summary>A line of <c>EXPLAIN QUERY PLAN</c>: its node, its parent node, what SQLite does there.</summary>
    private sealed record Step(int Id, int Parent, string Detail)
    {
        public override string ToString() => Detail;
    }

    /// <summary>The plan of the page's statement (the one with LIMIT and OFFSET) that <paramref name="list"/> runs on this app's file.</summary>
    private static async Task<List<Step>> PlanOfPageAsync(TestApp app, Func<Task<CasePage>> list)
    {
        var commands = new ConcurrentQueue<(string Sql, (string Name, object Value)[] Parameters)>();
        using (new CommandCapture(app.DataFolder, commands))
        {
            await list();
        }

        var (sql, parameters) = commands.Single(c => c.Sql.Contains("LIMIT", StringComparison.Ordinal) && c.Sql.Contains("OFFSET", StringComparison.Ordinal));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "huilongba.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value);
        }

        var plan = new List<Step>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(new Step(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        }

        return plan;
    }

    /// <summary>The statements EF runs on one data folder's database while it lives (EF's diagnostic events, not a mock).</summary>
    private sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _folder;
        private readonly ConcurrentQueue<(string, (string, object)[])> _commands;
        private readonly List<IDisposable> _subscriptions = [];

        public CommandCapture(string folder, ConcurrentQueue<(string, (string, object)[])> commands)
        {
            (_folder, _commands) = (folder, commands);
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: DbCommand command }
                && command.Connection?.DataSource is { } source && source.StartsWith(_folder, StringComparison.Ordinal))
            {
                _commands.Enqueue((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
