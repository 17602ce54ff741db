using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LateJudicialSweepEntriesAndSweepSubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionKey",
                table: "Sweeps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SettledAtUtc",
                table: "SweepFindings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "JudicialConfirmation_AppliedRecordedAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "JudicialConfirmation_DecidedRecordedAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sweeps_Submission",
                table: "Sweeps",
                column: "SubmissionKey",
                unique: true,
                filter: "\"SubmissionKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sweeps_Submission",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "SettledAtUtc",
                table: "SweepFindings");

            migrationBuilder.DropColumn(
                name: "JudicialConfirmation_AppliedRecordedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "JudicialConfirmation_DecidedRecordedAtUtc",
                table: "Cases");
        }
    }
}
