using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MonthlyForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Agreement_AgreedAmount",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JudicialConfirmation_Outcome",
                table: "Cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AgreedAmount",
                table: "CaseHistory",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Performance",
                table: "CaseHistory",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PreventedGroupPetition",
                table: "CaseHistory",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FullTime",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Follow-ups recorded before this migration keep what they found in their JSON only: copy it to the typed column.
            migrationBuilder.Sql("UPDATE \"CaseHistory\" SET \"Performance\" = json_extract(\"Data\", '$.Performance') WHERE \"Action\" = 'RecordFollowUp' AND \"Performance\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Agreement_AgreedAmount",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "JudicialConfirmation_Outcome",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AgreedAmount",
                table: "CaseHistory");

            migrationBuilder.DropColumn(
                name: "Performance",
                table: "CaseHistory");

            migrationBuilder.DropColumn(
                name: "PreventedGroupPetition",
                table: "CaseHistory");

            migrationBuilder.DropColumn(
                name: "FullTime",
                table: "AspNetUsers");
        }
    }
}
