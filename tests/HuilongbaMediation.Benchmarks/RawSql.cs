using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

/// <summary>
/// The hand-written SQL that answers each question the town benchmark asks the app, on the same SQLite file, each
/// returning its answer in the same form as <see cref="Answers"/> makes of the app's: the harness prints app ÷ raw and
/// refuses a pair whose answers differ. Written as one would by hand against the schema: the same indexes the app's
/// queries may use, no EF, prepared commands reused across runs.
/// </summary>
internal sealed class RawSql(SqliteConnection connection) : IDisposable
{
    private const int PageSize = 25;
    private const int SearchCap = 1000;

    private const string OpenStates = "'Filed', 'Mediating', 'ReferralPending'";
    private const string Concluding = "'Resolve', 'ApproveReferral', 'Terminate', 'Decline'";

    /// <summary>The columns of a case-list row and the names it shows, for the 25 cases of a page.</summary>
    private const string RowColumns = """
        c."Id", c."Number", c."Status", c."Summary", v."Name", k."Name",
        (SELECT m."DisplayName" FROM "CaseMediators" AS m WHERE m."CaseId" = c."Id" AND m."IsLead" LIMIT 1),
        c."RiskLevel", c."FiledOn", c."DueOn"
        """;

    private const string RowJoins = """
        JOIN "Villages" AS v ON v."Id" = c."VillageId" JOIN "DisputeCategories" AS k ON k."Id" = c."CategoryId"
        """;

    private readonly List<SqliteCommand> _commands = [];

    /// <summary>The case list's first page, newest filing first, and how many cases there are.</summary>
    public string ListPage() =>
        Page("SELECT COUNT(*) FROM \"Cases\"", capped: false, $"""SELECT {RowColumns} FROM "Cases" AS c {RowJoins} ORDER BY c."FiledOn" DESC, c."Id" DESC LIMIT {PageSize}""");

    /// <summary>超期: the cases in mediation past their due date, newest filing first.</summary>
    public string Overdue(DateOnly today)
    {
        const string where = """WHERE c."Status" = 'Mediating' AND c."DueOn" < $today""";
        return Page(
            $"""SELECT COUNT(*) FROM "Cases" AS c {where}""",
            capped: false,
            $"""SELECT {RowColumns} FROM "Cases" AS c {RowJoins} {where} ORDER BY c."FiledOn" DESC, c."Id" DESC LIMIT {PageSize}""",
            ("$today", Date(today)));
    }

    /// <summary>
    /// 搜索: the cases whose number, summary or one party's name holds the term, found through the same FTS5 tables the
    /// app keeps (trigrams for 3+ characters, the hex grams for 1–2), tested exactly on those, counted up to 1,000.
    /// </summary>
    public string Search(string term)
    {
        var characters = term.EnumerateRunes().Count();
        var (cases, parties, match) = characters >= 3
            ? ("CaseSearchText", "PartySearchText", '"' + term.Replace("\"", "\"\"", StringComparison.Ordinal) + '"')
            : ("CaseSearchGrams", "PartySearchGrams", '"' + Convert.ToHexString(Encoding.UTF8.GetBytes(term)) + '"');
        var where = $"""
            WHERE c."Id" IN (SELECT rowid FROM "{cases}" WHERE "{cases}" MATCH $match
                             UNION SELECT p."CaseId" FROM "CaseParties" AS p WHERE p."Id" IN (SELECT rowid FROM "{parties}" WHERE "{parties}" MATCH $match))
              AND (instr(c."Number", $term) > 0 OR instr(c."Summary", $term) > 0
                   OR EXISTS (SELECT 1 FROM "CaseParties" AS p WHERE p."CaseId" = c."Id" AND instr(p."Name", $term) > 0))
            """;
        return Page(
            $"""SELECT COUNT(*) FROM (SELECT c."Id" FROM "Cases" AS c {where} ORDER BY c."Id" LIMIT {SearchCap + 1})""",
            capped: true,
            $"""SELECT {RowColumns} FROM "Cases" AS c {RowJoins} {where} ORDER BY c."FiledOn" DESC, c."Id" DESC LIMIT {PageSize}""",
            ("$match", match),
            ("$term", term));
    }

    /// <summary>One case as its page shows it: the case row with its names, its parties, mediators, sessions and history.</summary>
    public string CasePage(int caseId)
    {
        var row = Command($"""
            SELECT c.*, v."Name", k."Name", s."Name", m."Name", (SELECT x."Name" FROM "Venues" AS x WHERE x."Id" = c."VenueId"),
                   (SELECT x."Name" FROM "MediationCommittees" AS x WHERE x."Id" = c."CommitteeId"),
                   (SELECT x."Name" FROM "ReferralTargets" AS x WHERE x."Id" = c."Referral_TargetId")
            FROM "Cases" AS c {RowJoins} JOIN "CaseSources" AS s ON s."Id" = c."SourceId" JOIN "MediationKinds" AS m ON m."Id" = c."MediationKindId"
            WHERE c."Id" = $id
            """, ("$id", caseId));
        string number;
        using (var reader = row.ExecuteReader())
        {
            reader.Read();
            number = reader.GetString(reader.GetOrdinal("Number"));
        }

        // What the app loads with a case; the page shows the parties, mediators, sessions and history, so those are the answer.
        var counts = new[] { "CaseParties", "CaseMediators", "CaseSessions", "CaseHistory", "CaseFollowUps", "CaseScheduledSessions" }
            .Select(table => Rows(Command($"""SELECT * FROM "{table}" WHERE "CaseId" = $id""", ("$id", caseId))))
            .ToList();
        return $"{number}|{string.Join(',', counts.Take(4))}";
    }

    /// <summary>
    /// The dashboard's village rows for a period that includes today, by GROUP BY over the cases and their history:
    /// filed in the period, the concluding events that happened in it, and the open states now.
    /// </summary>
    public string DashboardNow(DateOnly from, DateOnly to, DateOnly today) => Dashboard(
        $"""
         SELECT c."VillageId", 0, 0, 0, 0, 0, 1, c."Status" = 'ReferralPending', c."Status" = 'Mediating' AND c."DueOn" < $today
         FROM "Cases" AS c WHERE c."Status" IN ({OpenStates})
         """,
        from,
        to,
        ("$today", Date(today)));

    /// <summary>
    /// The same for a period that has ended: the open states at its end from each case's history, as
    /// <c>CaseQueries.AsOf</c> defines them (the last change of status and the last due date by the steps' own dates).
    /// </summary>
    public string DashboardPast(DateOnly from, DateOnly to) => Dashboard(
        $"""
         SELECT s."VillageId", 0, 0, 0, 0, 0, 1, s."State" = 'ReferralPending', s."State" = 'Mediating' AND s."DueOn" < $to
         FROM (SELECT c."VillageId",
                 (SELECT h."ToStatus" FROM "CaseHistory" AS h WHERE h."CaseId" = c."Id" AND h."OccurredOn" <= $to
                    AND (h."FromStatus" IS NULL OR h."FromStatus" <> h."ToStatus") ORDER BY h."OccurredOn" DESC, h."Id" DESC LIMIT 1) AS "State",
                 (SELECT h."DueOn" FROM "CaseHistory" AS h WHERE h."CaseId" = c."Id" AND h."OccurredOn" <= $to AND h."DueOn" IS NOT NULL
                    ORDER BY h."OccurredOn" DESC, h."Id" DESC LIMIT 1) AS "DueOn"
               FROM "Cases" AS c WHERE c."FiledOn" <= $to) AS s
         WHERE s."State" IN ({OpenStates})
         """,
        from,
        to);

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }

    private string Dashboard(string openRows, DateOnly from, DateOnly to, params (string Name, object Value)[] more)
    {
        var command = Command(
            $"""
             SELECT "VillageId", SUM(f), SUM(r), SUM(rf), SUM(t), SUM(d), SUM(o), SUM(p), SUM(od) FROM (
               SELECT c."VillageId" AS "VillageId", 1 AS f, 0 AS r, 0 AS rf, 0 AS t, 0 AS d, 0 AS o, 0 AS p, 0 AS od
               FROM "Cases" AS c WHERE c."FiledOn" BETWEEN $from AND $to
               UNION ALL
               SELECT c."VillageId", 0, h."Action" = 'Resolve', h."Action" = 'ApproveReferral', h."Action" = 'Terminate', h."Action" = 'Decline', 0, 0, 0
               FROM "CaseHistory" AS h JOIN "Cases" AS c ON c."Id" = h."CaseId"
               WHERE h."Action" IN ({Concluding}) AND h."OccurredOn" BETWEEN $from AND $to
               UNION ALL
               {openRows})
             GROUP BY "VillageId" ORDER BY "VillageId"
             """,
            [("$from", Date(from)), ("$to", Date(to)), .. more]);
        var villages = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            villages.Add(Answers.Village(reader.GetInt32(0), [.. Enumerable.Range(1, 8).Select(reader.GetInt32)]));
        }

        return Answers.Dashboard(villages);
    }

    /// <param name="capped">The count stops at 1,001: more than 1,000 is said as "1,000+", as the app's search says it.</param>
    private string Page(string countSql, bool capped, string rowsSql, params (string Name, object Value)[] parameters)
    {
        var total = Convert.ToInt32(Command(countSql, parameters).ExecuteScalar(), CultureInfo.InvariantCulture);
        var ids = new List<int>();
        var rows = Command(rowsSql, parameters);
        using (var reader = rows.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        // The parties of the page's cases, as the list shows them (by role, then as entered).
        if (ids.Count > 0)
        {
            Rows(Command($"""SELECT p."CaseId", p."Name" FROM "CaseParties" AS p WHERE p."CaseId" IN ({string.Join(',', ids)}) ORDER BY p."CaseId", p."Role", p."Id" """));
        }

        return capped && total > SearchCap ? Answers.Page(SearchCap, capped: true, ids) : Answers.Page(total, capped: false, ids);
    }

    /// <summary>A prepared command for the SQL, made once and reused with new parameter values.</summary>
    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _commands.FirstOrDefault(c => c.CommandText == sql);
        if (command is null)
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            _commands.Add(command);
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value;
        }

        return command;
    }

    private static int Rows(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The answers of the app and of the raw SQL, each written the same way so that the harness can compare them.</summary>
internal static class Answers
{
    public static string Page(int total, bool capped, IEnumerable<int> ids) =>
        $"{total}{(capped ? "+" : "")}: {string.Join(',', ids)}";

    /// <summary>A village's filed, resolved, referred, terminated, declined, in mediation, pending review and overdue.</summary>
    public static string Village(int villageId, IReadOnlyList<int> figures) => $"{villageId}={string.Join('/', figures)}";

    /// <summary>The villages with any figure, in id order.</summary>
    public static string Dashboard(IEnumerable<string> villages) =>
        string.Join("; ", villages.Where(v => v.Split('=')[1].Split('/').Any(f => f != "0")));
}
