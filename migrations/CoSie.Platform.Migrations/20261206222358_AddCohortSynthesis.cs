using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddCohortSynthesis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cohort_syntheses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    module_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<byte[]>(type: "bytea", nullable: false),
                    texts = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    shared_with_later_cohorts = table.Column<bool>(type: "boolean", nullable: false),
                    is_hidden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_syntheses", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohort_syntheses_asp_net_users_closed_by_id",
                        column: x => x.closed_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cohort_syntheses_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cohort_syntheses_modules_module_id",
                        column: x => x.module_id,
                        principalTable: "modules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_clients",
                columns: table => new
                {
                    synthesis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<long>(type: "bigint", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_synthesis_clients", x => new { x.synthesis_id, x.client_id });
                    table.ForeignKey(
                        name: "fk_synthesis_clients_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_synthesis_clients_cohort_syntheses_synthesis_id",
                        column: x => x.synthesis_id,
                        principalTable: "cohort_syntheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_edits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    synthesis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sections = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bytes = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_synthesis_edits", x => x.id);
                    table.ForeignKey(
                        name: "fk_synthesis_edits_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_synthesis_edits_cohort_syntheses_synthesis_id",
                        column: x => x.synthesis_id,
                        principalTable: "cohort_syntheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    synthesis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    texts = table.Column<string>(type: "jsonb", nullable: false),
                    edit_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_synthesis_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_synthesis_revisions_cohort_syntheses_synthesis_id",
                        column: x => x.synthesis_id,
                        principalTable: "cohort_syntheses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_syntheses_closed_by_id",
                table: "cohort_syntheses",
                column: "closed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_syntheses_cohort_id_module_id",
                table: "cohort_syntheses",
                columns: new[] { "cohort_id", "module_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohort_syntheses_module_id_closed_at",
                table: "cohort_syntheses",
                columns: new[] { "module_id", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_synthesis_clients_user_id",
                table: "synthesis_clients",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_synthesis_edits_synthesis_id_id",
                table: "synthesis_edits",
                columns: new[] { "synthesis_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_synthesis_edits_user_id",
                table: "synthesis_edits",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_synthesis_revisions_synthesis_id_at",
                table: "synthesis_revisions",
                columns: new[] { "synthesis_id", "at" });

            // The new tables carry institution_id: the tenant policies cover them from the start.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "synthesis_clients");

            migrationBuilder.DropTable(
                name: "synthesis_edits");

            migrationBuilder.DropTable(
                name: "synthesis_revisions");

            migrationBuilder.DropTable(
                name: "cohort_syntheses");
        }
    }
}
