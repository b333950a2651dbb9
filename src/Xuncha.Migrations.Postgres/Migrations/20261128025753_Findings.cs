using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xuncha.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Findings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "CampaignTags",
                table: "findings",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "CaseWriteUp",
                table: "findings",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CategoryL1",
                table: "findings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CategoryL2",
                table: "findings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsTypicalCase",
                table: "findings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RectifiedOnTheSpot",
                table: "findings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResponsiblePeople",
                table: "findings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "RoundId",
                table: "findings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "findings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "clue_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    TransferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ToUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentProtected = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PersonsProtected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clue_transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clue_transfers_findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "finding_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finding_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finding_evidence_findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "finding_recoveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finding_recoveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finding_recoveries_findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_findings_RoundId",
                table: "findings",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_clue_transfers_FindingId",
                table: "clue_transfers",
                column: "FindingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_finding_evidence_FindingId",
                table: "finding_evidence",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_finding_recoveries_FindingId",
                table: "finding_recoveries",
                column: "FindingId");

            migrationBuilder.AddForeignKey(
                name: "FK_findings_rounds_RoundId",
                table: "findings",
                column: "RoundId",
                principalTable: "rounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_findings_rounds_RoundId",
                table: "findings");

            migrationBuilder.DropTable(
                name: "clue_transfers");

            migrationBuilder.DropTable(
                name: "finding_evidence");

            migrationBuilder.DropTable(
                name: "finding_recoveries");

            migrationBuilder.DropIndex(
                name: "IX_findings_RoundId",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "CampaignTags",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "CaseWriteUp",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "CategoryL1",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "CategoryL2",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "IsTypicalCase",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "RectifiedOnTheSpot",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "ResponsiblePeople",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "RoundId",
                table: "findings");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "findings");
        }
    }
}
