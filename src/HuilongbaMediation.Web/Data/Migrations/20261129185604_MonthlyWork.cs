using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MonthlyWork : Migration
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

            migrationBuilder.CreateTable(
                name: "ClosedMonths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonthSignOffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthSignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthSignOffs_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sweeps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    SweptOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SweptBy = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sweeps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sweeps_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sweeps_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Trainings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Trainer = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Trainings_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonthSignOffReasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SignOffId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthSignOffReasons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthSignOffReasons_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonthSignOffReasons_MonthSignOffs_SignOffId",
                        column: x => x.SignOffId,
                        principalTable: "MonthSignOffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SweepFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SweepId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PeopleInvolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    PreventedNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SweepFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SweepFindings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SweepFindings_DisputeCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "DisputeCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SweepFindings_Sweeps_SweepId",
                        column: x => x.SweepId,
                        principalTable: "Sweeps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendees_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendees_Trainings_TrainingId",
                        column: x => x.TrainingId,
                        principalTable: "Trainings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClosedMonths_OnePerMonth",
                table: "ClosedMonths",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthSignOffReasons_CaseId",
                table: "MonthSignOffReasons",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthSignOffReasons_SignOffId",
                table: "MonthSignOffReasons",
                column: "SignOffId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthSignOffs_OnePerVillageAndMonth",
                table: "MonthSignOffs",
                columns: new[] { "Month", "VillageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthSignOffs_VillageId",
                table: "MonthSignOffs",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_SweepFindings_CategoryId",
                table: "SweepFindings",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_SweepFindings_OneCasePerFinding",
                table: "SweepFindings",
                column: "CaseId",
                unique: true,
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SweepFindings_SweepId",
                table: "SweepFindings",
                column: "SweepId");

            migrationBuilder.CreateIndex(
                name: "IX_Sweeps_OfMonth",
                table: "Sweeps",
                columns: new[] { "SweptOn", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sweeps_RecordedById",
                table: "Sweeps",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Sweeps_VillageId",
                table: "Sweeps",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendees_OfMediator",
                table: "TrainingAttendees",
                columns: new[] { "UserId", "TrainingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendees_TrainingId",
                table: "TrainingAttendees",
                column: "TrainingId");

            migrationBuilder.CreateIndex(
                name: "IX_Trainings_OfPeriod",
                table: "Trainings",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_Trainings_RecordedById",
                table: "Trainings",
                column: "RecordedById");

            // Follow-ups recorded before this migration keep what they found in their JSON only: copy it to the typed column.
            migrationBuilder.Sql("UPDATE \"CaseHistory\" SET \"Performance\" = json_extract(\"Data\", '$.Performance') WHERE \"Action\" = 'RecordFollowUp' AND \"Performance\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedMonths");

            migrationBuilder.DropTable(
                name: "MonthSignOffReasons");

            migrationBuilder.DropTable(
                name: "SweepFindings");

            migrationBuilder.DropTable(
                name: "TrainingAttendees");

            migrationBuilder.DropTable(
                name: "MonthSignOffs");

            migrationBuilder.DropTable(
                name: "Sweeps");

            migrationBuilder.DropTable(
                name: "Trainings");

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
