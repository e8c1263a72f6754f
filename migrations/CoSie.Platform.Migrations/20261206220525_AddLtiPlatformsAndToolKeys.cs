using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddLtiPlatformsAndToolKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lti_platforms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    deployment_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    authentication_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    token_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    key_set_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    is_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_platforms", x => x.id);
                    table.ForeignKey(
                        name: "fk_lti_platforms_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lti_tool_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    public_jwk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    protected_private_key = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_tool_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_lti_tool_keys_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lti_platforms_institution_id_issuer_client_id",
                table: "lti_platforms",
                columns: new[] { "institution_id", "issuer", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lti_tool_keys_institution_id_created_at",
                table: "lti_tool_keys",
                columns: new[] { "institution_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_lti_tool_keys_key_id",
                table: "lti_tool_keys",
                column: "key_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lti_tool_keys_signing",
                table: "lti_tool_keys",
                column: "institution_id",
                unique: true,
                filter: "retires_at IS NULL");

            // The new tenant-owned tables get row-level security now, not only when DatabaseMigrator next runs.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lti_platforms");

            migrationBuilder.DropTable(
                name: "lti_tool_keys");
        }
    }
}
