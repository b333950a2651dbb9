using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xuncha.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Fieldwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "field_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PersonCategory = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Inspectors = table.Column<List<string>>(type: "text[]", nullable: false),
                    Learned = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PreviousRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeadIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ChecklistItemIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    FindingIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_field_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_field_records_field_records_PreviousRecordId",
                        column: x => x.PreviousRecordId,
                        principalTable: "field_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_field_records_regions_VillageCode",
                        column: x => x.VillageCode,
                        principalTable: "regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_field_records_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "guidance_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Members = table.Column<List<string>>(type: "text[]", nullable: false),
                    VillageCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guidance_groups_regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "guidance_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guidance_records_guidance_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "guidance_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_guidance_records_regions_VillageCode",
                        column: x => x.VillageCode,
                        principalTable: "regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "guidance_suggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ImplementedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ImplementedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guidance_suggestions_guidance_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "guidance_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_guidance_suggestions_regions_VillageCode",
                        column: x => x.VillageCode,
                        principalTable: "regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_guidance_suggestions_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_field_records_PreviousRecordId",
                table: "field_records",
                column: "PreviousRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_field_records_RoundId_VillageCode_Date",
                table: "field_records",
                columns: new[] { "RoundId", "VillageCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_field_records_VillageCode_Date",
                table: "field_records",
                columns: new[] { "VillageCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_guidance_groups_RegionCode",
                table: "guidance_groups",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_guidance_records_GroupId_VillageCode",
                table: "guidance_records",
                columns: new[] { "GroupId", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_guidance_records_VillageCode",
                table: "guidance_records",
                column: "VillageCode");

            migrationBuilder.CreateIndex(
                name: "IX_guidance_suggestions_GroupId_VillageCode",
                table: "guidance_suggestions",
                columns: new[] { "GroupId", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_guidance_suggestions_RoundId",
                table: "guidance_suggestions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_guidance_suggestions_VillageCode",
                table: "guidance_suggestions",
                column: "VillageCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "field_records");

            migrationBuilder.DropTable(
                name: "guidance_records");

            migrationBuilder.DropTable(
                name: "guidance_suggestions");

            migrationBuilder.DropTable(
                name: "guidance_groups");
        }
    }
}
