using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// The additive figures of one village, category and handling committee in one month, kept by the database itself
/// (<see cref="FigureCounterSql"/>): cases filed in the month, and the concluding events that happened in it with what
/// the statistical form adds up over them. The dashboard reads a year as twelve of these per cell instead of counting
/// a year of cases and history, so its cost does not grow with the town (issue 16).
/// </summary>
public sealed class FigureCounter
{
    /// <summary>yyyyMM, e.g. 202611: the month of the filing date or of the event's own date (OccurredOn).</summary>
    public int Month { get; set; }

    public int VillageId { get; set; }

    public int CategoryId { get; set; }

    /// <summary>The handling committee, 0 when the case has none (a key column cannot be null).</summary>
    public int CommitteeId { get; set; }

    public int Filed { get; set; }

    public int Resolved { get; set; }

    public int Referred { get; set; }

    public int Terminated { get; set; }

    public int Declined { get; set; }

    public int WrittenAgreements { get; set; }

    public int OralAgreements { get; set; }

    public long AmountResolvedFen { get; set; }

    public int PeopleResolved { get; set; }

    public int PreventedCriminalCases { get; set; }

    public int PreventedCriminalPeople { get; set; }

    public int Concluded { get; set; }

    public long DaysToConclude { get; set; }

    public static int MonthKey(DateOnly date) => (date.Year * 100) + date.Month;

    public static DateOnly MonthOf(int key) => new(key / 100, key % 100, 1);
}

internal sealed class FigureCounterConfiguration : IEntityTypeConfiguration<FigureCounter>
{
    public void Configure(EntityTypeBuilder<FigureCounter> builder)
    {
        builder.ToTable(FigureCounterSql.Table);
        builder.HasKey(c => new { c.Month, c.VillageId, c.CategoryId, c.CommitteeId });
    }
}

/// <summary>
/// The counters' upkeep, in the database so that every writer keeps them in its own transaction — the services through
/// EF, the ledger import and the generator through <see cref="NewAggregates"/>' prepared INSERTs, bulk updates, the
/// generator's undo — with nothing to forget: triggers on <c>Cases</c> (filed; the fields a figure reads: village,
/// category, committee, filing date, amount, people, risk) and on <c>CaseHistory</c> (the concluding events, their date,
/// kind and case). Each trigger takes away what the old row contributed and adds what the new one does, by one UPSERT
/// over the same row expressions the rebuild uses for the whole town. The same SQL on SQLite and PostgreSQL but for
/// the month and day arithmetic and the trigger syntax.
/// </summary>
public static partial class FigureCounterSql
{
    public const string Table = "FigureCounters";

    private static readonly string[] Sums =
    [
        nameof(FigureCounter.Filed), nameof(FigureCounter.Resolved), nameof(FigureCounter.Referred), nameof(FigureCounter.Terminated),
        nameof(FigureCounter.Declined), nameof(FigureCounter.WrittenAgreements), nameof(FigureCounter.OralAgreements),
        nameof(FigureCounter.AmountResolvedFen), nameof(FigureCounter.PeopleResolved), nameof(FigureCounter.PreventedCriminalCases),
        nameof(FigureCounter.PreventedCriminalPeople), nameof(FigureCounter.Concluded), nameof(FigureCounter.DaysToConclude),
    ];

    private static readonly string[] Key =
        [nameof(FigureCounter.Month), nameof(FigureCounter.VillageId), nameof(FigureCounter.CategoryId), nameof(FigureCounter.CommitteeId)];

    /// <summary>The columns of a case a figure reads: a change to one of them moves the case's contributions.</summary>
    private static readonly string[] CaseColumns =
        ["Id", "VillageId", "CategoryId", "CommitteeId", "FiledOn", "AmountInvolved", "PeopleInvolved", "RiskLevel"];

    private static readonly string[] EventColumns = ["CaseId", "Action", "AgreementKind", "OccurredOn"];

    private static string Concluding => string.Join(", ", FigureDefinitions.Concluding.Select(a => $"'{a}'"));

    /// <summary>
    /// Every counter's triggers on SQLite — the additive counters' and the open-state deltas' (<see cref="OpenStateDelta"/>):
    /// what a bulk load drops before and re-creates after.
    /// </summary>
    public static string SqliteCreateSql => Create(Engine.Sqlite) + DeltaCreateSql(postgres: false);

    public static string SqliteDropSql => AdditiveDropSql(postgres: false) + DeltaDropSql(postgres: false);

    /// <summary>The same triggers on PostgreSQL, as trigger functions, and the lock that orders their writers (<see cref="CaseLockCreateSql"/>).</summary>
    public static string PostgresCreateSql => Create(Engine.Postgres) + DeltaCreateSql(postgres: true) + CaseLockCreateSql;

    public static string PostgresDropSql => AdditiveDropSql(postgres: true) + DeltaDropSql(postgres: true) + CaseLockDropSql;

    private const string CaseLockTrigger = "Counters_EntryLocksCase";

    /// <summary>
    /// On PostgreSQL, a change to a case's history first locks the case's row, as an UPDATE of the case would, before any
    /// counter's trigger locks a counter. Without it two writers of one case lock in opposite orders: EF writes a step's
    /// history entry (and with it the counters) before it updates the case, while a change of the case's own fields (its
    /// committee, its village) locks the case's row first and its counters after — and PostgreSQL breaks the circle by
    /// failing one of them (40P01, "deadlock detected", met by the eight-user soak; issue 15). Every writer now takes the
    /// case, then the counters in their key's order (<see cref="Upsert"/>). SQLite lets one writer in at a time: it
    /// needs nothing of the kind.
    /// </summary>
    public static string CaseLockCreateSql =>
        $"""
         CREATE FUNCTION "{CaseLockTrigger}"() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
         IF TG_OP = 'INSERT' THEN
           PERFORM 1 FROM "Cases" WHERE "Id" = NEW."CaseId" FOR NO KEY UPDATE;
           RETURN NEW;
         END IF;
         PERFORM 1 FROM "Cases" WHERE "Id" = OLD."CaseId" FOR NO KEY UPDATE;
         IF TG_OP = 'UPDATE' THEN
           PERFORM 1 FROM "Cases" WHERE "Id" = NEW."CaseId" AND NEW."CaseId" <> OLD."CaseId" FOR NO KEY UPDATE;
           RETURN NEW;
         END IF;
         RETURN OLD;
         END $$;
         CREATE TRIGGER "{CaseLockTrigger}" BEFORE INSERT OR UPDATE OR DELETE ON "CaseHistory" FOR EACH ROW EXECUTE FUNCTION "{CaseLockTrigger}"();

         """;

    public static string CaseLockDropSql =>
        $"DROP TRIGGER IF EXISTS \"{CaseLockTrigger}\" ON \"CaseHistory\"; DROP FUNCTION IF EXISTS \"{CaseLockTrigger}\"();\n";

    /// <summary>Every counter made again from the cases and their history: <c>rebuild-counters</c>.</summary>
    public static string RebuildSql(bool postgres) => AdditiveRebuildSql(postgres) + "\n" + DeltaRebuildSql(postgres);

    /// <summary>The additive counters' triggers alone, for the migration that creates their table.</summary>
    public static string AdditiveCreateSql(bool postgres) => Create(postgres ? Engine.Postgres : Engine.Sqlite);

    public static string AdditiveDropSql(bool postgres) => string.Concat(Triggers.Select(t => postgres
        ? $"DROP TRIGGER IF EXISTS \"{t}\" ON \"{(t.StartsWith("FigureCounters_Case", StringComparison.Ordinal) ? "Cases" : "CaseHistory")}\"; DROP FUNCTION IF EXISTS \"{t}\"();\n"
        : $"DROP TRIGGER IF EXISTS \"{t}\";\n"));

    /// <summary>The additive counters made again from the cases and their history (their migration's first fill).</summary>
    public static string AdditiveRebuildSql(bool postgres)
    {
        var e = postgres ? Engine.Postgres : Engine.Sqlite;
        return $"""
            DELETE FROM "{Table}";
            {Upsert($"{FiledRows(e, "\"Cases\"", 1)} UNION ALL {EventRows(e, "\"Cases\"", "\"CaseHistory\"", 1)}")};
            """;
    }

    private enum Engine
    {
        Sqlite,
        Postgres,
    }

    private static readonly string[] Triggers =
    [
        "FigureCounters_CaseInserted", "FigureCounters_CaseDeleting", "FigureCounters_CaseChanged",
        "FigureCounters_EventInserted", "FigureCounters_EventChanged", "FigureCounters_EventDeleted",
    ];

    private static string Create(Engine e)
    {
        var caseChanged = string.Join(" OR ", CaseColumns.Skip(1).Select(c => Differs(e, c)));
        var eventChanged = string.Join(" OR ", EventColumns.Select(c => Differs(e, c)));
        var oldCase = Row("OLD", CaseColumns);
        var newCase = Row("NEW", CaseColumns);
        var cases = "\"Cases\"";
        return string.Concat(
            Trigger(e, Triggers[0], "AFTER INSERT ON \"Cases\"", null, Upsert(FiledRows(e, newCase, 1))),
            // Before the row goes: its history is still there to take away (a cascade deletes it after, when the
            // history's own trigger no longer finds the case and adds nothing).
            Trigger(e, Triggers[1], "BEFORE DELETE ON \"Cases\"", null,
                Upsert($"{FiledRows(e, oldCase, -1)} UNION ALL {EventRows(e, oldCase, "\"CaseHistory\"", -1)}")),
            Trigger(e, Triggers[2], $"AFTER UPDATE OF {Columns(CaseColumns.Skip(1))} ON \"Cases\"", caseChanged, Upsert(
                $"{FiledRows(e, oldCase, -1)} UNION ALL {FiledRows(e, newCase, 1)} UNION ALL " +
                $"{EventRows(e, oldCase, "\"CaseHistory\"", -1)} UNION ALL {EventRows(e, newCase, "\"CaseHistory\"", 1)}")),
            Trigger(e, Triggers[3], "AFTER INSERT ON \"CaseHistory\"", $"NEW.\"Action\" IN ({Concluding})",
                Upsert(EventRows(e, cases, Row("NEW", EventColumns), 1))),
            Trigger(e, Triggers[4], $"AFTER UPDATE OF {Columns(EventColumns)} ON \"CaseHistory\"", eventChanged,
                Upsert($"{EventRows(e, cases, Row("OLD", EventColumns), -1)} UNION ALL {EventRows(e, cases, Row("NEW", EventColumns), 1)}")),
            Trigger(e, Triggers[5], "AFTER DELETE ON \"CaseHistory\"", $"OLD.\"Action\" IN ({Concluding})",
                Upsert(EventRows(e, cases, Row("OLD", EventColumns), -1))));
    }

    private static string Trigger(Engine e, string name, string when, string? condition, string body) => e == Engine.Sqlite
        ? $"""
           CREATE TRIGGER "{name}" {when} FOR EACH ROW{(condition is null ? "" : $" WHEN {condition}")}
           BEGIN
           {body};
           END;

           """
        : $"""
           CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
           {body};
           RETURN {(when.StartsWith("BEFORE", StringComparison.Ordinal) ? "OLD" : "NULL")};
           END $$;
           CREATE TRIGGER "{name}" {when} FOR EACH ROW{(condition is null ? "" : $" WHEN ({condition})")} EXECUTE FUNCTION "{name}"();

           """;

    /// <summary>
    /// Adds the rows' sums to their counters, creating the counters they lack, in the key's order: two writers that touch
    /// the same counters lock them in the same order, so neither waits for a row the other holds while holding one it
    /// wants (PostgreSQL's deadlock, issue 15; on SQLite, one writer at a time, the order costs a sort of a few rows).
    /// </summary>
    private static string Upsert(string rows) =>
        $"""
         INSERT INTO "{Table}" ({Columns(Key.Concat(Sums))})
         SELECT {Columns(Key)}, {string.Join(", ", Sums.Select(s => $"SUM(\"{s}\")"))}
         FROM ({rows}) AS r
         WHERE 1 = 1
         GROUP BY {Columns(Key)}
         ORDER BY {Columns(Key)}
         ON CONFLICT ({Columns(Key)}) DO UPDATE SET {string.Join(", ", Sums.Select(s => $"\"{s}\" = \"{Table}\".\"{s}\" + excluded.\"{s}\""))}
         """;

    /// <summary>One row per case of <paramref name="cases"/>: filed in its month.</summary>
    private static string FiledRows(Engine e, string cases, int sign) =>
        $"""
         SELECT {Month(e, "c.\"FiledOn\"")} AS "Month", c."VillageId" AS "VillageId", c."CategoryId" AS "CategoryId",
           COALESCE(c."CommitteeId", 0) AS "CommitteeId", {sign} AS "Filed", {string.Join(", ", Sums.Skip(1).Select(s => $"0 AS \"{s}\""))}
         FROM {cases} AS c
         """;

    /// <summary>One row per concluding event of <paramref name="events"/> on its case in <paramref name="cases"/>.</summary>
    private static string EventRows(Engine e, string cases, string events, int sign)
    {
        const string resolve = nameof(CaseTrigger.Resolve);
        string If(string condition, string value = "1") => $"{sign} * CASE WHEN {condition} THEN {value} ELSE 0 END";
        var high = $"h.\"Action\" = '{resolve}' AND c.\"RiskLevel\" = '{FigureDefinitions.PreventedCriminalRisk}'";
        return $"""
            SELECT {Month(e, "h.\"OccurredOn\"")} AS "Month", c."VillageId" AS "VillageId", c."CategoryId" AS "CategoryId",
              COALESCE(c."CommitteeId", 0) AS "CommitteeId", 0 AS "Filed",
              {If($"h.\"Action\" = '{resolve}'")} AS "Resolved",
              {If($"h.\"Action\" = '{nameof(CaseTrigger.ApproveReferral)}'")} AS "Referred",
              {If($"h.\"Action\" = '{nameof(CaseTrigger.Terminate)}'")} AS "Terminated",
              {If($"h.\"Action\" = '{nameof(CaseTrigger.Decline)}'")} AS "Declined",
              {If($"h.\"Action\" = '{resolve}' AND h.\"AgreementKind\" = '{AgreementKind.Written}'")} AS "WrittenAgreements",
              {If($"h.\"Action\" = '{resolve}' AND h.\"AgreementKind\" = '{AgreementKind.Oral}'")} AS "OralAgreements",
              {If($"h.\"Action\" = '{resolve}'", "COALESCE(c.\"AmountInvolved\", 0)")} AS "AmountResolvedFen",
              {If($"h.\"Action\" = '{resolve}'", "c.\"PeopleInvolved\"")} AS "PeopleResolved",
              {If(high)} AS "PreventedCriminalCases",
              {If(high, "c.\"PeopleInvolved\"")} AS "PreventedCriminalPeople",
              {sign} AS "Concluded",
              {sign} * {Days(e, "h.\"OccurredOn\"", "c.\"FiledOn\"")} AS "DaysToConclude"
            FROM {events} AS h JOIN {cases} AS c ON c."Id" = h."CaseId"
            WHERE h."Action" IN ({Concluding})
            """;
    }

    /// <summary>A trigger's OLD or NEW row as a one-row table with the given columns.</summary>
    private static string Row(string which, IEnumerable<string> columns) =>
        $"(SELECT {string.Join(", ", columns.Select(c => $"{which}.\"{c}\" AS \"{c}\""))})";

    private static string Differs(Engine e, string column) =>
        e == Engine.Sqlite ? $"OLD.\"{column}\" IS NOT NEW.\"{column}\"" : $"OLD.\"{column}\" IS DISTINCT FROM NEW.\"{column}\"";

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    /// <summary>yyyyMM of a date column: SQLite keeps DateOnly as 'yyyy-MM-dd' text, PostgreSQL as date.</summary>
    private static string Month(Engine e, string date) => e == Engine.Sqlite
        ? $"CAST(substr({date}, 1, 4) || substr({date}, 6, 2) AS INTEGER)"
        : $"CAST(EXTRACT(YEAR FROM {date}) * 100 + EXTRACT(MONTH FROM {date}) AS integer)";

    private static string Days(Engine e, string to, string from) => e == Engine.Sqlite
        ? $"CAST(julianday({to}) - julianday({from}) AS INTEGER)"
        : $"({to} - {from})";
}
