using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class PostgresSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // pg_trgm and the 1–2-character grams' GIN indexes (see PostgresCaseSearchIndex); no change to the model.
            migrationBuilder.Sql(PostgresCaseSearchIndex.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresCaseSearchIndex.DropSql);
        }
    }
}
