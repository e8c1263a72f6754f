using CoSie.Platform.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    // Names, titles and slugs stored before the app refused control characters and text-direction overrides in them
    // (PlainText) are cleaned the same way and put in NFC. No schema change; there is nothing to put back on the way down.
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261206000000_CleanSingleLineText")]
    public partial class CleanSingleLineText : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(PlainTextCleanupSql.CleanSingleLineColumns);

        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
