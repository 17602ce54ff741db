using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
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
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Filed = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Referred = table.Column<int>(type: "INTEGER", nullable: false),
                    Terminated = table.Column<int>(type: "INTEGER", nullable: false),
                    Declined = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenAgreements = table.Column<int>(type: "INTEGER", nullable: false),
                    OralAgreements = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountResolvedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PeopleResolved = table.Column<int>(type: "INTEGER", nullable: false),
                    PreventedCriminalCases = table.Column<int>(type: "INTEGER", nullable: false),
                    PreventedCriminalPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    Concluded = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysToConclude = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureCounters", x => new { x.Month, x.VillageId, x.CategoryId, x.CommitteeId });
                });

            // Kept by the database from now on; filled once from what is already there.
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.AdditiveCreateSql(postgres: false));
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.AdditiveRebuildSql(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.AdditiveDropSql(postgres: false));
            migrationBuilder.DropTable(
                name: "FigureCounters");
        }
    }
}
