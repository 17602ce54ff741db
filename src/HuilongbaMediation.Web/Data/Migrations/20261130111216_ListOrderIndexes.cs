using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ListByVillageAndState",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ListByState",
                table: "Cases",
                columns: new[] { "Status", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ListByVillageAndState",
                table: "Cases",
                columns: new[] { "VillageId", "Status", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ListOfVillage",
                table: "Cases",
                columns: new[] { "VillageId", "FiledOn" });

            // The order by 办结期限 with the cases without a deadline last, one index per direction (CaseListIndexes).
            migrationBuilder.Sql(CaseListIndexes.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CaseListIndexes.DropSql);

            migrationBuilder.DropIndex(
                name: "IX_Cases_ListByState",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ListByVillageAndState",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ListOfVillage",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ListByVillageAndState",
                table: "Cases",
                columns: new[] { "VillageId", "Status" });
        }
    }
}
