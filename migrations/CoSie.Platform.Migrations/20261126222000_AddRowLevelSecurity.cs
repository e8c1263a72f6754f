using CoSie.Platform.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    // PostgreSQL's row-level security as a second line behind EF Core's tenant filter (docs/decisions/0008). The rule is
    // generic: every table with an institution_id column, found in the catalog, so that tables added by later
    // migrations are covered when DatabaseMigrator calls cosie_apply_rls() after applying them.
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261126222000_AddRowLevelSecurity")]
    public partial class AddRowLevelSecurity : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowLevelSecuritySql.CreateApplyFunction);
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowLevelSecuritySql.RemoveAll);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS cosie_apply_rls();");
        }
    }
}
