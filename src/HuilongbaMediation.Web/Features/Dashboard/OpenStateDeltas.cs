using HuilongbaMediation.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// How the open states of one village, category and handling committee (the cases' current ones) change in one month:
/// each case adds one to <see cref="InMediationDelta"/> in the month it enters an open state and takes it away in the
/// month it leaves it, and likewise for 移交待审核 and 超期. The cases open at the end of a past month M are the sums of the
/// deltas of every month up to M — a few hundred rows per month of the town's life, however many cases — which is
/// <see cref="Cases.CaseQueries.AsOf"/> at M's last day without reading any case's history (issue 16). Kept by the
/// database like <see cref="FigureCounter"/> (<see cref="FigureCounterSql"/>). A table of its own rather than three
/// more columns of <see cref="FigureCounter"/>: its rows are summed over the town's whole life, not a period's months,
/// its triggers fire on other changes (state and due-date entries, not concluding events), and a month's net change
/// is mostly zero, so most of its keys never get a row at all.
/// </summary>
public sealed class OpenStateDelta
{
    /// <summary>yyyyMM: the month of the day on which the change took effect.</summary>
    public int Month { get; set; }

    public int VillageId { get; set; }

    public int CategoryId { get; set; }

    /// <summary>The handling committee, 0 when the case has none.</summary>
    public int CommitteeId { get; set; }

    /// <summary>在办: cases entering an open state (<see cref="FigureDefinitions.OpenStates"/>) less those leaving one.</summary>
    public int InMediationDelta { get; set; }

    /// <summary>移交待审核: cases entering <see cref="CaseStatus.ReferralPending"/> less those leaving it.</summary>
    public int PendingReviewDelta { get; set; }

    /// <summary>超期: cases in mediation whose due date has passed (from the day after it) less those no longer so.</summary>
    public int OverdueDelta { get; set; }
}

internal sealed class OpenStateDeltaConfiguration : IEntityTypeConfiguration<OpenStateDelta>
{
    public void Configure(EntityTypeBuilder<OpenStateDelta> builder)
    {
        builder.ToTable(FigureCounterSql.DeltaTable);
        builder.HasKey(c => new { c.Month, c.VillageId, c.CategoryId, c.CommitteeId });
    }
}

/// <summary>
/// The open-state deltas' upkeep (<see cref="OpenStateDelta"/>), beside the additive counters' and through the same
/// entry points (<see cref="SqliteCreateSql"/>, <see cref="RebuildSql"/>, …), so that whatever drops and re-creates the
/// triggers (the generator's bulk load) and the rebuild take both.
/// <para>
/// A case's contribution is computed from its "schedule": the history entries that change its state or set a due date,
/// in the order <see cref="Cases.CaseQueries.AsOf"/> reads them (OccurredOn, then Id). Entry k, on day d, starts a
/// segment that lasts until the next entry's day (or for ever): the state in it is the last change of state at or before
/// k, its due date the last one set at or before k. An open segment adds one in d's month and takes it away in the next
/// entry's month; one in mediation with a due date D is overdue from s = max(d, D + 1 day) to max(s, next). The end of
/// month M then counts a segment exactly when d ≤ M's last day &lt; next, and it is overdue exactly when D &lt; that day too:
/// <c>AsOf</c> for a day before today.
/// </para>
/// <para>
/// The triggers take away the contribution of the case computed from its history as it was (without the new row, with
/// the old one) and add the one from its history as it is; on <c>Cases</c>, a change of village, category or committee
/// moves the contribution and a case deleted takes it away before the cascade. Both are one expression
/// (<see cref="DeltaRows"/>) over different sets of rows, as the additive counters' are. SQLite has no WITH inside a
/// trigger, so the steps nest as subqueries; PostgreSQL runs the same SQL.
/// </para>
/// </summary>
public static partial class FigureCounterSql
{
    public const string DeltaTable = "OpenStateDeltas";

    /// <summary>The tables the triggers keep: filled by the database, never copied or written by hand.</summary>
    public static readonly IReadOnlyList<string> Tables = [Table, DeltaTable];

    private static readonly string[] Deltas =
        [nameof(OpenStateDelta.InMediationDelta), nameof(OpenStateDelta.PendingReviewDelta), nameof(OpenStateDelta.OverdueDelta)];

    /// <summary>The columns of a history entry the schedule reads.</summary>
    private static readonly string[] ScheduleColumns = ["Id", "CaseId", "OccurredOn", "FromStatus", "ToStatus", "DueOn"];

    /// <summary>The columns of a case the deltas' key reads.</summary>
    private static readonly string[] DeltaCaseColumns = ["Id", "VillageId", "CategoryId", "CommitteeId"];

    private static readonly (string Name, string Table)[] DeltaTriggers =
    [
        ("OpenStateDeltas_CaseInserted", "Cases"), ("OpenStateDeltas_CaseDeleting", "Cases"), ("OpenStateDeltas_CaseMoved", "Cases"),
        ("OpenStateDeltas_EntryInserted", "CaseHistory"), ("OpenStateDeltas_EntryChanged", "CaseHistory"),
        ("OpenStateDeltas_EntryDeleted", "CaseHistory"),
    ];

    /// <summary>The open-state deltas' triggers alone, for the migration that creates their table.</summary>
    public static string DeltaCreateSql(bool postgres)
    {
        var e = postgres ? Engine.Postgres : Engine.Sqlite;
        var cases = "\"Cases\"";
        var oldCase = Row("OLD", DeltaCaseColumns);
        var newCase = Row("NEW", DeltaCaseColumns);
        var oldEntry = $"SELECT {string.Join(", ", ScheduleColumns.Select(c => $"OLD.\"{c}\" AS \"{c}\""))}";
        string IsSchedule(string row) => $"({row}.\"FromStatus\" IS NULL OR {row}.\"FromStatus\" <> {row}.\"ToStatus\" OR {row}.\"DueOn\" IS NOT NULL)";
        var entryChanged = string.Join(" OR ", ScheduleColumns.Select(c => Differs(e, c)));
        return string.Concat(
            // A case's history normally comes after the case; whichever row comes second adds what the two make.
            Trigger(e, DeltaTriggers[0].Name, "AFTER INSERT ON \"Cases\"", null,
                DeltaUpsert(DeltaRows(e, newCase, HistoryOf("NEW.\"Id\""), 1))),
            Trigger(e, DeltaTriggers[1].Name, "BEFORE DELETE ON \"Cases\"", null,
                DeltaUpsert(DeltaRows(e, oldCase, HistoryOf("OLD.\"Id\""), -1))),
            Trigger(e, DeltaTriggers[2].Name, "AFTER UPDATE OF \"VillageId\", \"CategoryId\", \"CommitteeId\" ON \"Cases\"",
                string.Join(" OR ", DeltaCaseColumns.Skip(1).Select(c => Differs(e, c))),
                DeltaUpsert($"{DeltaRows(e, oldCase, HistoryOf("OLD.\"Id\""), -1)} UNION ALL {DeltaRows(e, newCase, HistoryOf("NEW.\"Id\""), 1)}")),
            e == Engine.Sqlite ? SqliteEntryTriggers() : PostgresEntryTriggers());

        // SQLite runs a row trigger right after its row changes, so each sees the history as the rows before it left it.
        string SqliteEntryTriggers() => string.Concat(
            Trigger(e, DeltaTriggers[3].Name, "AFTER INSERT ON \"CaseHistory\"", IsSchedule("NEW"),
                DeltaUpsert($"{DeltaRows(e, cases, HistoryOf("NEW.\"CaseId\"", except: "NEW.\"Id\""), -1)} UNION ALL " +
                            $"{DeltaRows(e, cases, HistoryOf("NEW.\"CaseId\""), 1)}")),
            Trigger(e, DeltaTriggers[4].Name, $"AFTER UPDATE OF {Columns(ScheduleColumns)} ON \"CaseHistory\"",
                $"({entryChanged}) AND ({IsSchedule("OLD")} OR {IsSchedule("NEW")})",
                DeltaUpsert($"{DeltaRows(e, cases, HistoryOf("OLD.\"CaseId\", NEW.\"CaseId\"", except: "NEW.\"Id\"", plus: oldEntry), -1)} UNION ALL " +
                            $"{DeltaRows(e, cases, HistoryOf("OLD.\"CaseId\", NEW.\"CaseId\""), 1)}")),
            Trigger(e, DeltaTriggers[5].Name, "AFTER DELETE ON \"CaseHistory\"", IsSchedule("OLD"),
                DeltaUpsert($"{DeltaRows(e, cases, HistoryOf("OLD.\"CaseId\"", plus: oldEntry), -1)} UNION ALL " +
                            $"{DeltaRows(e, cases, HistoryOf("OLD.\"CaseId\""), 1)}")));

        // PostgreSQL runs row triggers at the end of the statement, when every row has changed: one UPDATE of two entries
        // of a case would see the other's new row in "as it was". So one trigger per statement, over its transition tables.
        string PostgresEntryTriggers()
        {
            var newRows = $"SELECT {Columns(ScheduleColumns)} FROM new_rows";
            var oldRows = $"SELECT {Columns(ScheduleColumns)} FROM old_rows";
            string Touched(string table) => $"SELECT \"CaseId\" FROM {table} AS t WHERE {IsSchedule("t")}";
            return string.Concat(
                StatementTrigger(DeltaTriggers[3].Name, "INSERT", "NEW TABLE AS new_rows",
                    DeltaUpsert($"{DeltaRows(e, cases, HistoryOf(Touched("new_rows"), except: "SELECT \"Id\" FROM new_rows"), -1)} UNION ALL " +
                                $"{DeltaRows(e, cases, HistoryOf(Touched("new_rows")), 1)}")),
                StatementTrigger(DeltaTriggers[4].Name, "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                    DeltaUpsert($"{DeltaRows(e, cases, HistoryOf($"{Touched("old_rows")} UNION {Touched("new_rows")}", except: "SELECT \"Id\" FROM new_rows", plus: oldRows), -1)} UNION ALL " +
                                $"{DeltaRows(e, cases, HistoryOf($"{Touched("old_rows")} UNION {Touched("new_rows")}"), 1)}")),
                StatementTrigger(DeltaTriggers[5].Name, "DELETE", "OLD TABLE AS old_rows",
                    DeltaUpsert($"{DeltaRows(e, cases, HistoryOf(Touched("old_rows"), plus: oldRows), -1)} UNION ALL " +
                                $"{DeltaRows(e, cases, HistoryOf(Touched("old_rows")), 1)}")));
        }
    }

    /// <summary>A PostgreSQL trigger that runs once per statement on <c>CaseHistory</c>, with the rows it changed as tables.</summary>
    private static string StatementTrigger(string name, string operation, string transitionTables, string body) =>
        $"""
         CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
         {body};
         RETURN NULL;
         END $$;
         CREATE TRIGGER "{name}" AFTER {operation} ON "CaseHistory" REFERENCING {transitionTables} FOR EACH STATEMENT EXECUTE FUNCTION "{name}"();

         """;

    public static string DeltaDropSql(bool postgres) => string.Concat(DeltaTriggers.Select(t => postgres
        ? $"DROP TRIGGER IF EXISTS \"{t.Name}\" ON \"{t.Table}\"; DROP FUNCTION IF EXISTS \"{t.Name}\"();\n"
        : $"DROP TRIGGER IF EXISTS \"{t.Name}\";\n"));

    /// <summary>Every delta made again from the cases and their whole history.</summary>
    public static string DeltaRebuildSql(bool postgres) =>
        $"""
         DELETE FROM "{DeltaTable}";
         {DeltaUpsert(DeltaRows(postgres ? Engine.Postgres : Engine.Sqlite, "\"Cases\"", "\"CaseHistory\"", 1))};
         """;

    /// <summary>
    /// The history rows of the cases listed (an SQL list or SELECT), without the entries <paramref name="except"/> (Ids) and
    /// with the rows <paramref name="plus"/> (a SELECT of the old entries): the history as it was before the trigger's change.
    /// </summary>
    private static string HistoryOf(string caseIds, string? except = null, string? plus = null) =>
        $"(SELECT {Columns(ScheduleColumns)} FROM \"CaseHistory\" WHERE \"CaseId\" IN ({caseIds})" +
        (except is null ? "" : $" AND \"Id\" NOT IN ({except})") + (plus is null ? "" : $" UNION ALL {plus}") + ")";

    /// <summary>
    /// Adds the rows' sums to their deltas, in the key's order as the counters' upsert does; a key whose sums are all zero (a
    /// change that moves nothing) is left alone.
    /// </summary>
    private static string DeltaUpsert(string rows) =>
        $"""
         INSERT INTO "{DeltaTable}" ({Columns(Key.Concat(Deltas))})
         SELECT {Columns(Key)}, {string.Join(", ", Deltas.Select(s => $"SUM(\"{s}\")"))}
         FROM ({rows}) AS r
         WHERE 1 = 1
         GROUP BY {Columns(Key)}
         HAVING {string.Join(" OR ", Deltas.Select(s => $"SUM(\"{s}\") <> 0"))}
         ORDER BY {Columns(Key)}
         ON CONFLICT ({Columns(Key)}) DO UPDATE SET {string.Join(", ", Deltas.Select(s => $"\"{s}\" = \"{DeltaTable}\".\"{s}\" + excluded.\"{s}\""))}
         """;

    /// <summary>
    /// The deltas, times <paramref name="sign"/>, of the cases of <paramref name="cases"/> (by their key) given the history
    /// rows <paramref name="history"/>: up to four rows per schedule entry — the open segment's start and end, the overdue
    /// part's start and end.
    /// </summary>
    private static string DeltaRows(Engine e, string cases, string history, int sign)
    {
        var postgres = e == Engine.Postgres;
        var changes = "(h.\"FromStatus\" IS NULL OR h.\"FromStatus\" <> h.\"ToStatus\")";
        // The order AsOf reads the history in, as text that sorts the same way: the day, then the Id.
        var order = postgres ? "to_char(h.\"OccurredOn\", 'YYYY-MM-DD') || lpad(h.\"Id\"::text, 20, '0')" : "h.\"OccurredOn\" || printf('%020d', h.\"Id\")";
        var dueText = postgres ? "to_char(h.\"DueOn\", 'YYYY-MM-DD')" : "h.\"DueOn\"";
        const string window = "PARTITION BY h.\"CaseId\" ORDER BY h.\"OccurredOn\", h.\"Id\"";
        var due = postgres ? "CAST(substr(w.\"Du\", 31) AS date)" : "substr(w.\"Du\", 31)";
        var dayAfterDue = postgres ? $"{due} + 1" : $"date({due}, '+1 day')";
        string Later(string a, string b) => postgres ? $"GREATEST({a}, {b})" : $"MAX({a}, {b})";
        var open = string.Join(", ", FigureDefinitions.OpenStates.Select(s => $"'{s}'"));
        var edge = $"CASE p.n WHEN 1 THEN g.\"D\" WHEN 2 THEN g.\"Next\" WHEN 3 THEN g.\"S\" ELSE {Later("g.\"S\"", "g.\"Next\"")} END";
        return $"""
            SELECT {Month(e, edge)} AS "Month", c."VillageId" AS "VillageId", c."CategoryId" AS "CategoryId",
              COALESCE(c."CommitteeId", 0) AS "CommitteeId",
              {sign} * CASE p.n WHEN 1 THEN 1 WHEN 2 THEN -1 ELSE 0 END AS "InMediationDelta",
              {sign} * CASE p.n WHEN 1 THEN g."Pending" WHEN 2 THEN -g."Pending" ELSE 0 END AS "PendingReviewDelta",
              {sign} * CASE p.n WHEN 3 THEN 1 WHEN 4 THEN -1 ELSE 0 END AS "OverdueDelta"
            FROM (
              SELECT w."CaseId", w."D", w."Next",
                CASE WHEN substr(w."St", 31) IN ({open}) THEN 1 ELSE 0 END AS "Open",
                CASE WHEN substr(w."St", 31) = '{CaseStatus.ReferralPending}' THEN 1 ELSE 0 END AS "Pending",
                CASE WHEN substr(w."St", 31) = '{CaseStatus.Mediating}' AND w."Du" IS NOT NULL THEN {Later("w.\"D\"", dayAfterDue)} END AS "S"
              FROM (
                SELECT h."CaseId" AS "CaseId", h."OccurredOn" AS "D",
                  LEAD(h."OccurredOn") OVER ({window}) AS "Next",
                  MAX(CASE WHEN {changes} THEN {order} || h."ToStatus" END) OVER ({window} ROWS UNBOUNDED PRECEDING) AS "St",
                  MAX(CASE WHEN h."DueOn" IS NOT NULL THEN {order} || {dueText} END) OVER ({window} ROWS UNBOUNDED PRECEDING) AS "Du"
                FROM {history} AS h
                WHERE {changes} OR h."DueOn" IS NOT NULL
              ) AS w
            ) AS g
            JOIN {cases} AS c ON c."Id" = g."CaseId"
            JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS p
              ON (p.n = 1 AND g."Open" = 1) OR (p.n = 2 AND g."Open" = 1 AND g."Next" IS NOT NULL)
              OR (p.n = 3 AND g."S" IS NOT NULL) OR (p.n = 4 AND g."S" IS NOT NULL AND g."Next" IS NOT NULL)
            """;
    }
}
