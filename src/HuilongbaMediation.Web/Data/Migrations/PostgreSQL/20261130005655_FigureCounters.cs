using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class FigureCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureCounters",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    CommitteeId = table.Column<int>(type: "integer", nullable: false),
                    Filed = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false),
                    Referred = table.Column<int>(type: "integer", nullable: false),
                    Terminated = table.Column<int>(type: "integer", nullable: false),
                    Declined = table.Column<int>(type: "integer", nullable: false),
                    WrittenAgreements = table.Column<int>(type: "integer", nullable: false),
                    OralAgreements = table.Column<int>(type: "integer", nullable: false),
                    AmountResolvedFen = table.Column<long>(type: "bigint", nullable: false),
                    PeopleResolved = table.Column<int>(type: "integer", nullable: false),
                    PreventedCriminalCases = table.Column<int>(type: "integer", nullable: false),
                    PreventedCriminalPeople = table.Column<int>(type: "integer", nullable: false),
                    Concluded = table.Column<int>(type: "integer", nullable: false),
                    DaysToConclude = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureCounters", x => new { x.Month, x.VillageId, x.CategoryId, x.CommitteeId });
                });

            // Kept by the database from now on; filled once from what is already there.
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.AdditiveCreateSql(postgres: true));
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.AdditiveRebuildSql(postgres: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.AdditiveDropSql(postgres: true));
            migrationBuilder.DropTable(
                name: "FigureCounters");
        }
    }
}
