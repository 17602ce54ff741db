namespace HuilongbaMediation.Web.Data;

/// <summary>
/// The indexes of the case list's sort by 办结期限, which EF's model cannot state: the list puts the cases without a
/// deadline last in either direction (<c>ORDER BY "DueOn" IS NULL, "DueOn"</c>), an order no index of the column alone
/// gives, so without these the first page sorted every case (about 500 ms at a million). One index per direction: SQLite
/// and PostgreSQL both read an index backwards, but not one column forwards and the next backwards. The same statements
/// on both engines (each the migration <c>ListOrderIndexes</c> runs).
/// </summary>
public static class CaseListIndexes
{
    public const string CreateSql = """
        CREATE INDEX "IX_Cases_DueSoonestFirst" ON "Cases" (("DueOn" IS NULL), "DueOn");
        CREATE INDEX "IX_Cases_DueLatestFirst" ON "Cases" (("DueOn" IS NULL), "DueOn" DESC);
        """;

    public const string DropSql = """
        DROP INDEX "IX_Cases_DueSoonestFirst";
        DROP INDEX "IX_Cases_DueLatestFirst";
        """;
}
