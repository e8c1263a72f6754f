using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddLtiDeepLinkingRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lti_deep_linking_requests",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deployment_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    return_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    data = table.Column<string>(type: "text", nullable: true),
                    accept_multiple = table.Column<bool>(type: "boolean", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_deep_linking_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_lti_deep_linking_requests_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_deep_linking_requests_lti_platforms_platform_id",
                        column: x => x.platform_id,
                        principalTable: "lti_platforms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lti_deep_linking_requests_expires_at",
                table: "lti_deep_linking_requests",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_lti_deep_linking_requests_institution_id",
                table: "lti_deep_linking_requests",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_deep_linking_requests_platform_id",
                table: "lti_deep_linking_requests",
                column: "platform_id");

            // The new tenant-owned table gets row-level security now, not only when DatabaseMigrator next runs.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lti_deep_linking_requests");
        }
    }
}
