using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "modules",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "AspNetUsers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // "Language and region" was one setting: who chose a language the platform now speaks keeps reading it.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET language = lower(split_part(culture, '-', 1))
                WHERE culture IS NOT NULL AND lower(split_part(culture, '-', 1)) IN ('en', 'fi', 'sv', 'et', 'pl', 'hu', 'nl', 'it', 'es', 'el');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "language",
                table: "modules");

            migrationBuilder.DropColumn(
                name: "language",
                table: "AspNetUsers");
        }
    }
}
