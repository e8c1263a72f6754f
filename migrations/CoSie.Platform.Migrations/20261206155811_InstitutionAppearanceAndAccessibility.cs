using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionAppearanceAndAccessibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "accent_color",
                table: "institutions",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "accessibility_assessment",
                table: "institutions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "accessibility_compliance",
                table: "institutions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "accessibility_contact_email",
                table: "institutions",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "accessibility_enforcement_body",
                table: "institutions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "accessibility_enforcement_url",
                table: "institutions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "accessibility_non_accessible_content",
                table: "institutions",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "accessibility_prepared_on",
                table: "institutions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "accessibility_reviewed_on",
                table: "institutions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "logo_file",
                table: "institutions",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "accent_color",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_assessment",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_compliance",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_contact_email",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_enforcement_body",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_enforcement_url",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_non_accessible_content",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_prepared_on",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "accessibility_reviewed_on",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "logo_file",
                table: "institutions");
        }
    }
}
