using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuilongbaMediation.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnlineApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseScheduledSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    VenueName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseScheduledSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseScheduledSessions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseScheduledSessions_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OnlineApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ApplicantPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    ChosenVillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    QueueVillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: true),
                    OtherPartyKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OtherPartyName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OtherPartyPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Story = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HelpWanted = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FailedLookups = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlineApplications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnlineApplications_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnlineApplications_Villages_ChosenVillageId",
                        column: x => x.ChosenVillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnlineApplications_Villages_QueueVillageId",
                        column: x => x.QueueVillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OnlineApplicationFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineApplicationFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlineApplicationFiles_OnlineApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OnlineApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OnlineApplicationMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromApplicant = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FileId = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineApplicationMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlineApplicationMessages_OnlineApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OnlineApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OnlineApplicationNotifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineApplicationNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlineApplicationNotifications_OnlineApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OnlineApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseScheduledSessions_CaseId",
                table: "CaseScheduledSessions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseScheduledSessions_On_for_upcoming",
                table: "CaseScheduledSessions",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_CaseScheduledSessions_VenueId",
                table: "CaseScheduledSessions",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplicationFiles_ApplicationId",
                table: "OnlineApplicationFiles",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplicationMessages_ApplicationId",
                table: "OnlineApplicationMessages",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplicationNotifications_ApplicationId",
                table: "OnlineApplicationNotifications",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplicationNotifications_SentAtUtc_for_outbox",
                table: "OnlineApplicationNotifications",
                column: "SentAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_CaseId_for_case_page",
                table: "OnlineApplications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_ChosenVillageId",
                table: "OnlineApplications",
                column: "ChosenVillageId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_CodeHash_for_lookup",
                table: "OnlineApplications",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_ContentHash_for_repeats",
                table: "OnlineApplications",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_QueueVillageId",
                table: "OnlineApplications",
                column: "QueueVillageId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_Status_Queue_for_queues",
                table: "OnlineApplications",
                columns: new[] { "Status", "QueueVillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_OnlineApplications_VenueId",
                table: "OnlineApplications",
                column: "VenueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseScheduledSessions");

            migrationBuilder.DropTable(
                name: "OnlineApplicationFiles");

            migrationBuilder.DropTable(
                name: "OnlineApplicationMessages");

            migrationBuilder.DropTable(
                name: "OnlineApplicationNotifications");

            migrationBuilder.DropTable(
                name: "OnlineApplications");
        }
    }
}
