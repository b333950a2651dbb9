using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xuncha.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PersonCategory = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Inspectors = table.Column<string>(type: "TEXT", nullable: false),
                    Learned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PreviousRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadIds = table.Column<string>(type: "TEXT", nullable: false),
                    ChecklistItemIds = table.Column<string>(type: "TEXT", nullable: false),
                    FindingIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Members = table.Column<string>(type: "TEXT", nullable: false),
                    VillageCodes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdoptedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ImplementedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImplementedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
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
