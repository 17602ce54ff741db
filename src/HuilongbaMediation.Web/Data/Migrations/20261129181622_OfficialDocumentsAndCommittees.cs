using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfficialDocumentsAndCommittees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "EndTime",
                table: "CaseSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "CaseSessions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Recorder",
                table: "CaseSessions",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartTime",
                table: "CaseSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Agreement_Recorder",
                table: "Cases",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommitteeId",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JudicialConfirmation_CourtCaseNumber",
                table: "Cases",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Age",
                table: "CaseParties",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentAuthority",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentName",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentRelationship",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentScope",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BirthDate",
                table: "CaseParties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ethnicity",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentative",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentativeTitle",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Occupation",
                table: "CaseParties",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Satisfaction",
                table: "CaseFollowUps",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitedPerson",
                table: "CaseFollowUps",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MediationCommittees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationCommittees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationCommittees_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ByCommittee",
                table: "Cases",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationCommittees_DefaultOfVillage",
                table: "MediationCommittees",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationCommittees_SeedCode",
                table: "MediationCommittees",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediationCommittees_UniqueName",
                table: "MediationCommittees",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_MediationCommittees_CommitteeId",
                table: "Cases",
                column: "CommitteeId",
                principalTable: "MediationCommittees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Cases_MediationCommittees_CommitteeId",
                table: "Cases");

            migrationBuilder.DropTable(
                name: "MediationCommittees");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ByCommittee",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "EndTime",
                table: "CaseSessions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "CaseSessions");

            migrationBuilder.DropColumn(
                name: "Recorder",
                table: "CaseSessions");

            migrationBuilder.DropColumn(
                name: "StartTime",
                table: "CaseSessions");

            migrationBuilder.DropColumn(
                name: "Agreement_Recorder",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CommitteeId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "JudicialConfirmation_CourtCaseNumber",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Age",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "AgentAuthority",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "AgentName",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "AgentRelationship",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "AgentScope",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "BirthDate",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "Ethnicity",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "LegalRepresentative",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "LegalRepresentativeTitle",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "Occupation",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "Satisfaction",
                table: "CaseFollowUps");

            migrationBuilder.DropColumn(
                name: "VisitedPerson",
                table: "CaseFollowUps");
        }
    }
}
