using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RecordTheSiteOfImportedModules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The site is a new field inside the provenance JSON of course_modules: no column changes, only the model.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
