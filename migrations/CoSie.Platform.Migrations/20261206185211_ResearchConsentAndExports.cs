using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ResearchConsentAndExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "research_consent_text",
                table: "institutions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "research_consent",
                table: "cohort_members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "research_consent_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_research_consent_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_research_consent_changes_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_research_consent_changes_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "research_exports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exported_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    protected_key = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false),
                    consenting_members = table.Column<int>(type: "integer", nullable: false),
                    reflections = table.Column<int>(type: "integer", nullable: false),
                    replies = table.Column<int>(type: "integer", nullable: false),
                    withheld = table.Column<int>(type: "integer", nullable: false),
                    helpful_marks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_research_exports", x => x.id);
                    table.ForeignKey(
                        name: "fk_research_exports_asp_net_users_exported_by_id",
                        column: x => x.exported_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_research_exports_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_research_consent_changes_cohort_id_user_id_at",
                table: "research_consent_changes",
                columns: new[] { "cohort_id", "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_research_consent_changes_user_id",
                table: "research_consent_changes",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_research_exports_cohort_id_at",
                table: "research_exports",
                columns: new[] { "cohort_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_research_exports_exported_by_id",
                table: "research_exports",
                column: "exported_by_id");

            // The new tenant-owned tables get forced row-level security and the tenant policy, as every such table has.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "research_consent_changes");

            migrationBuilder.DropTable(
                name: "research_exports");

            migrationBuilder.DropColumn(
                name: "research_consent_text",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "research_consent",
                table: "cohort_members");
        }
    }
}
