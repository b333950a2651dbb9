using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Persistence;

#nullable disable

namespace Xuncha.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Indexes in the order the leads and rectification ledgers are listed (an expression each, so
    /// written by hand; the model does not change). Without them every page sorted the whole table:
    /// 11–17 ms per page at city scale on PostgreSQL, under 1 ms with them.
    /// </summary>
    [DbContext(typeof(XunchaDbContext))]
    [Migration("20261128100000_ListOrderIndexes")]
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_leads_ListOrder" ON leads ("Status", (CASE WHEN "Severity" = '高' THEN 0 WHEN "Severity" = '中' THEN 1 ELSE 2 END), "RuleCode", "VillageCode", "Ref");
                """);
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_rectification_tasks_ListOrder" ON rectification_tasks (("Status" = {(int)RectificationStatus.Closed}), "Deadline", "VillageCode", "Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_rectification_tasks_ListOrder";""");
            migrationBuilder.Sql("""DROP INDEX "IX_leads_ListOrder";""");
        }
    }
}
