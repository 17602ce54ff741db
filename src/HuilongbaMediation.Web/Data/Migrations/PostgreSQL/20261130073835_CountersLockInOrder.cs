using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class CountersLockInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The counters' triggers made again: their upserts now lock counters in the key's order, and a change to a case's
            // history locks the case's row before any counter (FigureCounterSql.CaseLockCreateSql): writers no longer
            // deadlock. No counter changes value, so nothing is rebuilt.
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.PostgresDropSql);
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.PostgresCreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Without the case's lock (the order of an upsert changes no counter's value).
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.PostgresDropSql);
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.AdditiveCreateSql(postgres: true));
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.DeltaCreateSql(postgres: true));
        }
    }
}
