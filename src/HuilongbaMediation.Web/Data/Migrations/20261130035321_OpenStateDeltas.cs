using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenStateDeltas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenStateDeltas",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<int>(type: "INTEGER", nullable: false),
                    InMediationDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingReviewDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueDelta = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenStateDeltas", x => new { x.Month, x.VillageId, x.CategoryId, x.CommitteeId });
                });

            // Kept by the database from now on; filled once from what is already there.
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.DeltaCreateSql(postgres: false));
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.DeltaRebuildSql(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Features.Dashboard.FigureCounterSql.DeltaDropSql(postgres: false));
            migrationBuilder.DropTable(
                name: "OpenStateDeltas");
        }
    }
}
