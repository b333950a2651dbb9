using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xuncha.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FindingId",
                table: "public_reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LeadId",
                table: "public_reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PublicReportId",
                table: "field_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_reports_FindingId",
                table: "public_reports",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_public_reports_LeadId",
                table: "public_reports",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_field_records_PublicReportId",
                table: "field_records",
                column: "PublicReportId");

            migrationBuilder.AddForeignKey(
                name: "FK_field_records_public_reports_PublicReportId",
                table: "field_records",
                column: "PublicReportId",
                principalTable: "public_reports",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_public_reports_findings_FindingId",
                table: "public_reports",
                column: "FindingId",
                principalTable: "findings",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_public_reports_leads_LeadId",
                table: "public_reports",
                column: "LeadId",
                principalTable: "leads",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_field_records_public_reports_PublicReportId",
                table: "field_records");

            migrationBuilder.DropForeignKey(
                name: "FK_public_reports_findings_FindingId",
                table: "public_reports");

            migrationBuilder.DropForeignKey(
                name: "FK_public_reports_leads_LeadId",
                table: "public_reports");

            migrationBuilder.DropIndex(
                name: "IX_public_reports_FindingId",
                table: "public_reports");

            migrationBuilder.DropIndex(
                name: "IX_public_reports_LeadId",
                table: "public_reports");

            migrationBuilder.DropIndex(
                name: "IX_field_records_PublicReportId",
                table: "field_records");

            migrationBuilder.DropColumn(
                name: "FindingId",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "LeadId",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "PublicReportId",
                table: "field_records");
        }
    }
}
