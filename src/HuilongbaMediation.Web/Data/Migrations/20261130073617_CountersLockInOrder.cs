using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CountersLockInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The counters' triggers made again with their upserts in the key's order, as on PostgreSQL (where the order keeps
            // two writers from deadlocking; here it only keeps one SQL for both engines). No counter changes value.
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.SqliteDropSql);
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.SqliteCreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the triggers as the code makes them (the order of an upsert changes no counter's value).
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.SqliteDropSql);
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.SqliteCreateSql);
        }
    }
}
