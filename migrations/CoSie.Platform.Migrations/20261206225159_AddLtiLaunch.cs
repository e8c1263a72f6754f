using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddLtiLaunch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lti_contexts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_id = table.Column<Guid>(type: "uuid", nullable: false),
                    context_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_contexts", x => x.id);
                    table.ForeignKey(
                        name: "fk_lti_contexts_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_contexts_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_contexts_lti_platforms_platform_id",
                        column: x => x.platform_id,
                        principalTable: "lti_platforms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lti_nonces",
                columns: table => new
                {
                    value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_nonces", x => x.value);
                    table.ForeignKey(
                        name: "fk_lti_nonces_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_nonces_lti_platforms_platform_id",
                        column: x => x.platform_id,
                        principalTable: "lti_platforms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lti_contexts_cohort_id",
                table: "lti_contexts",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_contexts_institution_id",
                table: "lti_contexts",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_contexts_platform_id_context_id",
                table: "lti_contexts",
                columns: new[] { "platform_id", "context_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lti_nonces_expires_at",
                table: "lti_nonces",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_lti_nonces_institution_id",
                table: "lti_nonces",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_nonces_platform_id",
                table: "lti_nonces",
                column: "platform_id");

            // The new tenant-owned tables get row-level security now, not only when DatabaseMigrator next runs.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lti_contexts");

            migrationBuilder.DropTable(
                name: "lti_nonces");
        }
    }
}
