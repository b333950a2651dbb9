using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xuncha.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReporterNameProtected",
                table: "petitions",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReporterPhoneProtected",
                table: "petitions",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "report_channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TeamContact = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_channels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_channels_regions_VillageCode",
                        column: x => x.VillageCode,
                        principalTable: "regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_report_channels_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReceiptNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ReporterNameProtected = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReporterPhoneProtected = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceIpHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HandledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HandlingNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_public_reports_report_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "report_channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_public_reports_ChannelId",
                table: "public_reports",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_public_reports_ReceiptNo",
                table: "public_reports",
                column: "ReceiptNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_reports_RoundId_VillageCode",
                table: "public_reports",
                columns: new[] { "RoundId", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_public_reports_Status",
                table: "public_reports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_report_channels_RoundId_VillageCode",
                table: "report_channels",
                columns: new[] { "RoundId", "VillageCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_channels_Token",
                table: "report_channels",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_channels_VillageCode",
                table: "report_channels",
                column: "VillageCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_reports");

            migrationBuilder.DropTable(
                name: "report_channels");

            migrationBuilder.DropColumn(
                name: "ReporterNameProtected",
                table: "petitions");

            migrationBuilder.DropColumn(
                name: "ReporterPhoneProtected",
                table: "petitions");
        }
    }
}
