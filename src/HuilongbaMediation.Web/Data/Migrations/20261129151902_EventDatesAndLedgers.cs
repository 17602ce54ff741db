using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventDatesAndLedgers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseHistory_EventsInPeriod",
                table: "CaseHistory");

            migrationBuilder.AddColumn<DateOnly>(
                name: "JudicialConfirmation_DecidedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ledger_FileName",
                table: "Cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ledger_Mediators",
                table: "Cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ledger_Number",
                table: "Cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ledger_RowKey",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Ledger_RowNumber",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementKind",
                table: "CaseHistory",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "CaseHistory",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "CaseHistory",
                type: "TEXT",
                maxLength: 220,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OccurredOn",
                table: "CaseHistory",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateTable(
                name: "LedgerAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IsBuiltIn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerAliases", x => x.Id);
                });

            // The rows already there get their typed columns from what they hold.
            migrationBuilder.Sql(EventDatesBackfill.Sql);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LedgerRowAlreadyImported",
                table: "Cases",
                column: "Ledger_RowKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_EventsInPeriod",
                table: "CaseHistory",
                columns: new[] { "Action", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_StateAsOf",
                table: "CaseHistory",
                columns: new[] { "CaseId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerAliases_OneMeaningPerAlias",
                table: "LedgerAliases",
                columns: new[] { "Kind", "Alias" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerAliases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_LedgerRowAlreadyImported",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseHistory_EventsInPeriod",
                table: "CaseHistory");

            migrationBuilder.DropIndex(
                name: "IX_CaseHistory_StateAsOf",
                table: "CaseHistory");

            migrationBuilder.DropColumn(
                name: "JudicialConfirmation_DecidedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Ledger_FileName",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Ledger_Mediators",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Ledger_Number",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Ledger_RowKey",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Ledger_RowNumber",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AgreementKind",
                table: "CaseHistory");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "CaseHistory");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "CaseHistory");

            migrationBuilder.DropColumn(
                name: "OccurredOn",
                table: "CaseHistory");

            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_EventsInPeriod",
                table: "CaseHistory",
                columns: new[] { "Action", "AtUtc" });
        }
    }
}
