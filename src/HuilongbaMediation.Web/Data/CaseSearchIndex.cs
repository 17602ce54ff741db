using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// The index behind the case list's 搜索 (a case number, words of the summary, a party's name), one implementation per
/// engine: which cases may contain a term, found without reading every case. The caller still applies the exact test
/// (substring of the number, the summary or one party's name, case-sensitive) to what the index returns, so the index may
/// only ever return too many, never too few, and the answers are the same as the scan's they replace.
/// <para>
/// The index is kept by the database itself (triggers on SQLite, index expressions on PostgreSQL), so every write that
/// changes a number, a summary or a name, through EF, <see cref="NewAggregates"/>, the generator or a script, changes
/// the index in the same transaction, and a rolled-back write leaves no entry behind.
/// </para>
/// </summary>
public abstract class CaseSearchIndex
{
    /// <summary>Terms of this many characters or more go through the trigram index; shorter ones through the 1–2-character grams.</summary>
    public const int TrigramLength = 3;

    public static CaseSearchIndex Of(AppDbContext db) => db.Database.IsNpgsql() ? PostgresCaseSearchIndex.Instance : SqliteCaseSearchIndex.Instance;

    /// <summary>The ids of the cases whose number, summary or a party's name may contain <paramref name="term"/> (a superset).</summary>
    public abstract IQueryable<int> CandidateIds(AppDbContext db, string term);

    /// <summary>
    /// Whether <paramref name="term"/> may be in so many cases that the newest 25 of them are found sooner by walking the
    /// cases newest first and keeping those among the candidates than by reading every candidate and sorting them all:
    /// a surname such as 王 is in about 2 % of all cases. Reading and sorting grows with the matches (a million cases: 20,000);
    /// the walk reads about 25 ÷ 2 % = 1,250 cases however large the town. Only an engine whose planner cannot tell says
    /// yes (<see cref="SqliteCaseSearchIndex"/>: SQLite keeps no statistics of a full-text match; PostgreSQL's planner
    /// estimates a GIN match and chooses the walk itself).
    /// </summary>
    public virtual Task<bool> IsCommonAsync(AppDbContext db, string term, CancellationToken ct) => Task.FromResult(false);

    /// <summary>
    /// Whether the index alone proves that more than <paramref name="count"/> cases hold <paramref name="term"/> in their
    /// number or summary (each entry it counts is a case that matches, none counted twice), so that a search seeing every
    /// case may say "more than the cap" without testing a thousand matches. False when it cannot tell cheaply.
    /// </summary>
    public virtual Task<bool> ProvesMoreThanAsync(AppDbContext db, string term, int count, CancellationToken ct) => Task.FromResult(false);

    /// <summary>
    /// The same proof among the cases of <paramref name="among"/> (what a 村负责人 may see, a filtered list): more than
    /// <paramref name="count"/> of them are entries of the index for <paramref name="term"/>. False when it cannot tell cheaply.
    /// </summary>
    public virtual Task<bool> ProvesMoreThanAsync(AppDbContext db, IQueryable<Domain.Cases.MediationCase> among, string term, int count, CancellationToken ct) =>
        Task.FromResult(false);

    /// <summary>The length of <paramref name="term"/> in characters as the database counts them (a CJK Extension B character is one).</summary>
    public static int Characters(string term) => term.EnumerateRunes().Count();
}

/// <summary>
/// SQLite: four FTS5 tables, contentless (they hold only the index, not a second copy of the text), filled by triggers
/// on <c>Cases</c> and <c>CaseParties</c>. Terms of 3+ characters match a phrase in a <c>trigram</c> table
/// (case-sensitive, like the scan it replaces); 1–2-character terms match one token of a <c>grams</c> table, where
/// each text is stored as its single characters and pairs of characters, each written as the hex of its UTF-8 (so the
/// <c>ascii</c> tokenizer keeps it whole: "王" is E78E8B, "王芳" E78E8BE88AB3). Names are indexed per party, so a term
/// never matches across two names.
/// </summary>
internal sealed class SqliteCaseSearchIndex : CaseSearchIndex
{
    public static readonly SqliteCaseSearchIndex Instance = new();

    /// <summary>
    /// With k candidates among n cases, reading them costs k lookups and a sort, the walk about 25·n/k rows: the walk wins
    /// beyond k = 5·√n (166 at 1,100 cases, 1,581 at 100,000, 5,000 at a million). n is the largest case id (the rowid's
    /// end of the table, one read; deleted cases make it a little high). k is estimated from each table's own entries,
    /// counted up to 5·√n (the cases' numbers and summaries, and the parties' names): that reads only the index's lists,
    /// where the exact k (their union, each party looked up for its case) read 20,000 parties for 王 at a million cases,
    /// some 50 ms. A party table's count may count a case twice (two parties named 王); it only chooses the plan.
    /// </summary>
    public override async Task<bool> IsCommonAsync(AppDbContext db, string term, CancellationToken ct)
    {
        var cases = await db.Cases.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        var common = (int)(5 * Math.Sqrt(cases));
        var (sql, match) = Tables(term);
        return await EntriesAsync(db, sql.CaseEntries, match, common + 1, ct) > common
            || await EntriesAsync(db, sql.PartyEntries, match, common + 1, ct) > common;
    }

    /// <summary>
    /// A case's entry in the grams table holds exactly the 1–2-character substrings of its number and summary, and an
    /// FTS5 trigram phrase matches exactly the texts holding it (case-sensitive, within one column), so each entry matched
    /// is one case that the exact test keeps.
    /// </summary>
    public override async Task<bool> ProvesMoreThanAsync(AppDbContext db, string term, int count, CancellationToken ct)
    {
        var (sql, match) = Tables(term);
        return await EntriesAsync(db, sql.CaseEntries, match, count + 1, ct) > count;
    }

    /// <summary>
    /// Counts the cases of <paramref name="among"/> that the cases' table holds for the term, up to <paramref name="count"/> + 1:
    /// the table's entries are read once (their list for one token or phrase, no party looked up), and each case tested
    /// against them in the order SQLite chooses; a village of 170,000 cases of a million has 1,001 of 王's within ~6,000.
    /// </summary>
    public override async Task<bool> ProvesMoreThanAsync(AppDbContext db, IQueryable<Domain.Cases.MediationCase> among, string term, int count, CancellationToken ct)
    {
        var (sql, match) = Tables(term);
        var entries = db.Database.SqlQueryRaw<int>(sql.CaseIds, new SqliteParameter("@hm_match", match));
        return await among.Where(c => entries.Contains(c.Id)).OrderBy(c => c.Id).Take(count + 1).CountAsync(ct) > count;
    }

    /// <summary>How many entries match <paramref name="match"/> in one table (<paramref name="sql"/>), counted up to <paramref name="limit"/>.</summary>
    private static Task<int> EntriesAsync(AppDbContext db, string sql, string match, int limit, CancellationToken ct) =>
        db.Database.SqlQueryRaw<int>(sql, new SqliteParameter("@hm_match", match), new SqliteParameter("@hm_limit", limit)).SingleAsync(ct);

    /// <summary>A term's look-ups (trigram tables for 3+ characters, gram tables for 1–2) and its MATCH expression (a phrase, or one gram's token).</summary>
    private static (Lookups Sql, string Match) Tables(string term) => Characters(term) >= TrigramLength
        ? (Lookups.Trigrams, '"' + term.Replace("\"", "\"\"", StringComparison.Ordinal) + '"')
        : (Lookups.Grams, '"' + Convert.ToHexString(Encoding.UTF8.GetBytes(term)) + '"');

    public override IQueryable<int> CandidateIds(AppDbContext db, string term)
    {
        var (sql, match) = Tables(term);
        return db.Database.SqlQueryRaw<int>(sql.Candidates, new SqliteParameter("@hm_match", match));
    }

    /// <summary>The SQL of one pair of tables (cases', parties'), with the parameters <c>@hm_match</c> and <c>@hm_limit</c>.</summary>
    private sealed record Lookups(string Candidates, string CaseIds, string CaseEntries, string PartyEntries)
    {
        public static readonly Lookups Trigrams = Of("CaseSearchText", "PartySearchText");
        public static readonly Lookups Grams = Of("CaseSearchGrams", "PartySearchGrams");

        private static Lookups Of(string cases, string parties) => new(
            $"""
            SELECT rowid AS "Value" FROM "{cases}" WHERE "{cases}" MATCH @hm_match
            UNION SELECT p."CaseId" FROM "CaseParties" AS p WHERE p."Id" IN (SELECT rowid FROM "{parties}" WHERE "{parties}" MATCH @hm_match) AND p."CaseId" IS NOT NULL
            """,
            $"""SELECT rowid AS "Value" FROM "{cases}" WHERE "{cases}" MATCH @hm_match""",
            Entries(cases),
            Entries(parties));

        private static string Entries(string table) =>
            $"""SELECT count(*) AS "Value" FROM (SELECT rowid FROM "{table}" WHERE "{table}" MATCH @hm_match LIMIT @hm_limit)""";
    }

    /// <summary>The grams (single characters and pairs) of the texts of <paramref name="texts"/>, a subquery with a column T.</summary>
    private static string Grams(string texts) => $"""
        (SELECT group_concat(hex(substr(t.T, n."N", 1)) || ' ' || hex(substr(t.T, n."N", 2)), ' ')
         FROM ({texts}) AS t JOIN "CaseSearchPositions" AS n ON n."N" <= length(t.T))
        """;

    private static readonly string CaseRows = $"""
        INSERT INTO "CaseSearchText"(rowid, "Number", "Summary") VALUES (NEW."Id", NEW."Number", NEW."Summary");
        INSERT INTO "CaseSearchGrams"(rowid, "Grams") VALUES (NEW."Id", {Grams("SELECT NEW.\"Number\" AS T UNION ALL SELECT NEW.\"Summary\"")});
        """;

    private static readonly string PartyRows = $"""
        INSERT INTO "PartySearchText"(rowid, "Name") VALUES (NEW."Id", NEW."Name");
        INSERT INTO "PartySearchGrams"(rowid, "Grams") VALUES (NEW."Id", {Grams("SELECT NEW.\"Name\" AS T")});
        """;

    private const string NoCaseRows = """
        DELETE FROM "CaseSearchText" WHERE rowid = OLD."Id";
        DELETE FROM "CaseSearchGrams" WHERE rowid = OLD."Id";
        """;

    private const string NoPartyRows = """
        DELETE FROM "PartySearchText" WHERE rowid = OLD."Id";
        DELETE FROM "PartySearchGrams" WHERE rowid = OLD."Id";
        """;

    /// <summary>The index's entries for every case and party there, in one statement per table (on empty tables).</summary>
    private static readonly string FillSql = $"""
        INSERT INTO "CaseSearchText"(rowid, "Number", "Summary") SELECT "Id", "Number", "Summary" FROM "Cases";
        INSERT INTO "CaseSearchGrams"(rowid, "Grams") SELECT c."Id", {Grams("SELECT c.\"Number\" AS T UNION ALL SELECT c.\"Summary\"")} FROM "Cases" AS c;
        INSERT INTO "PartySearchText"(rowid, "Name") SELECT "Id", "Name" FROM "CaseParties";
        INSERT INTO "PartySearchGrams"(rowid, "Grams") SELECT p."Id", {Grams("SELECT p.\"Name\" AS T")} FROM "CaseParties" AS p;
        """;

    /// <summary>The triggers that keep the index in the transaction of every write to <c>Cases</c> and <c>CaseParties</c>.</summary>
    public static readonly string TriggersSql = $"""
        CREATE TRIGGER "CaseSearch_CaseFiled" AFTER INSERT ON "Cases" BEGIN
        {CaseRows}
        END;
        CREATE TRIGGER "CaseSearch_CaseChanged" AFTER UPDATE OF "Number", "Summary" ON "Cases" BEGIN
        {NoCaseRows}
        {CaseRows}
        END;
        CREATE TRIGGER "CaseSearch_CaseDeleted" AFTER DELETE ON "Cases" BEGIN
        {NoCaseRows}
        END;
        CREATE TRIGGER "CaseSearch_PartyAdded" AFTER INSERT ON "CaseParties" BEGIN
        {PartyRows}
        END;
        CREATE TRIGGER "CaseSearch_PartyChanged" AFTER UPDATE OF "Name" ON "CaseParties" BEGIN
        {NoPartyRows}
        {PartyRows}
        END;
        CREATE TRIGGER "CaseSearch_PartyRemoved" AFTER DELETE ON "CaseParties" BEGIN
        {NoPartyRows}
        END;
        """;

    /// <summary>
    /// The tables, filled from the cases already there, and the triggers that keep them (the migration <c>SearchIndex</c>).
    /// <c>CaseSearchPositions</c> holds 1…2000 (the longest summary), so that a trigger, where SQLite allows no recursive
    /// query, can walk a text.
    /// </summary>
    public static readonly string CreateSql = $"""
        CREATE TABLE "CaseSearchPositions" ("N" INTEGER NOT NULL PRIMARY KEY);
        WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {Domain.Cases.CaseValidator.SummaryMaxLength})
        INSERT INTO "CaseSearchPositions" SELECT n FROM p;

        CREATE VIRTUAL TABLE "CaseSearchText" USING fts5("Number", "Summary", content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
        CREATE VIRTUAL TABLE "PartySearchText" USING fts5("Name", content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
        CREATE VIRTUAL TABLE "CaseSearchGrams" USING fts5("Grams", content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
        CREATE VIRTUAL TABLE "PartySearchGrams" USING fts5("Grams", content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');

        {FillSql}
        {TriggersSql}
        """;

    public const string DropTriggersSql = """
        DROP TRIGGER IF EXISTS "CaseSearch_CaseFiled";
        DROP TRIGGER IF EXISTS "CaseSearch_CaseChanged";
        DROP TRIGGER IF EXISTS "CaseSearch_CaseDeleted";
        DROP TRIGGER IF EXISTS "CaseSearch_PartyAdded";
        DROP TRIGGER IF EXISTS "CaseSearch_PartyChanged";
        DROP TRIGGER IF EXISTS "CaseSearch_PartyRemoved";
        """;

    public const string DropSql = $"""
        {DropTriggersSql}
        DROP TABLE "CaseSearchText";
        DROP TABLE "PartySearchText";
        DROP TABLE "CaseSearchGrams";
        DROP TABLE "PartySearchGrams";
        DROP TABLE "CaseSearchPositions";
        """;

    /// <summary>
    /// The whole index made again from the cases and parties there (after a load with <see cref="DropTriggersSql"/>):
    /// emptied (<c>delete-all</c>, the way to empty a contentless table) and filled as the migration fills it.
    /// </summary>
    public static readonly string RebuildSql = $"""
        INSERT INTO "CaseSearchText"("CaseSearchText") VALUES ('delete-all');
        INSERT INTO "PartySearchText"("PartySearchText") VALUES ('delete-all');
        INSERT INTO "CaseSearchGrams"("CaseSearchGrams") VALUES ('delete-all');
        INSERT INTO "PartySearchGrams"("PartySearchGrams") VALUES ('delete-all');
        {FillSql}
        """;
}

/// <summary>
/// PostgreSQL: <c>pg_trgm</c> GIN indexes on the columns themselves (no second copy, no trigger: an index changes with
/// its row, in its transaction), which serve <c>LIKE '%term%'</c> of 3+ characters; and for 1–2 characters, GIN indexes
/// on <c>hm_search_grams(column)</c>, the column's single characters and pairs of characters as an array, which serve
/// <c>@&gt; ARRAY[term]</c>. pg_trgm rather than a tsvector: PostgreSQL ships no Chinese parser (a tsvector would need
/// zhparser, not in contrib), and trigrams answer substrings, which is what the search promises.
/// </summary>
internal sealed class PostgresCaseSearchIndex : CaseSearchIndex
{
    public static readonly PostgresCaseSearchIndex Instance = new();

    public override IQueryable<int> CandidateIds(AppDbContext db, string term)
    {
        if (Characters(term) >= TrigramLength)
        {
            var pattern = "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            return db.Database.SqlQuery<int>($"""
                SELECT "Id" AS "Value" FROM "Cases" WHERE "Number" LIKE {pattern} OR "Summary" LIKE {pattern}
                UNION SELECT "CaseId" FROM "CaseParties" WHERE "Name" LIKE {pattern} AND "CaseId" IS NOT NULL
                """);
        }

        var grams = new[] { term };
        return db.Database.SqlQuery<int>($"""
            SELECT "Id" AS "Value" FROM "Cases" WHERE hm_search_grams("Number") @> {grams} OR hm_search_grams("Summary") @> {grams}
            UNION SELECT "CaseId" FROM "CaseParties" WHERE hm_search_grams("Name") @> {grams} AND "CaseId" IS NOT NULL
            """);
    }

    public const string CreateSql = """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE FUNCTION hm_search_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT coalesce(array_agg(DISTINCT g), '{}')
            FROM (SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
                  UNION ALL SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i) AS grams
        $$;
        CREATE INDEX "IX_Cases_SearchNumber" ON "Cases" USING gin ("Number" gin_trgm_ops);
        CREATE INDEX "IX_Cases_SearchSummary" ON "Cases" USING gin ("Summary" gin_trgm_ops);
        CREATE INDEX "IX_CaseParties_SearchName" ON "CaseParties" USING gin ("Name" gin_trgm_ops);
        CREATE INDEX "IX_Cases_SearchNumberGrams" ON "Cases" USING gin (hm_search_grams("Number"));
        CREATE INDEX "IX_Cases_SearchSummaryGrams" ON "Cases" USING gin (hm_search_grams("Summary"));
        CREATE INDEX "IX_CaseParties_SearchNameGrams" ON "CaseParties" USING gin (hm_search_grams("Name"));
        """;

    public const string DropSql = """
        DROP INDEX "IX_Cases_SearchNumber";
        DROP INDEX "IX_Cases_SearchSummary";
        DROP INDEX "IX_CaseParties_SearchName";
        DROP INDEX "IX_Cases_SearchNumberGrams";
        DROP INDEX "IX_Cases_SearchSummaryGrams";
        DROP INDEX "IX_CaseParties_SearchNameGrams";
        DROP FUNCTION hm_search_grams(text);
        """;
}
