using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddSingleSignOnProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "allow_local_passwords",
                table: "institutions",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "sign_in_providers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    protected_client_secret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    scopes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    email_claim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_claim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    require_verified_email = table.Column<bool>(type: "boolean", nullable: false),
                    group_claim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    role_mappings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    allowed_email_domains = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_providers", x => x.id);
                    table.ForeignKey(
                        name: "fk_sign_in_providers_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_providers_institution_id",
                table: "sign_in_providers",
                column: "institution_id");

            // The new tenant-owned table gets row-level security now, not only when DatabaseMigrator next runs.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_providers");

            migrationBuilder.DropColumn(
                name: "allow_local_passwords",
                table: "institutions");
        }
    }
}
