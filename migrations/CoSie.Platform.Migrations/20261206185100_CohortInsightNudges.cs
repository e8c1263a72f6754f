using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CohortInsightNudges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "reminders_stopped",
                table: "cohort_members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "cohort_nudges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_nudges", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohort_nudges_asp_net_users_sent_by_id",
                        column: x => x.sent_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cohort_nudges_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cohort_nudges_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cohort_nudges_reflection_prompts_prompt_id",
                        column: x => x.prompt_id,
                        principalTable: "reflection_prompts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_nudges_cohort_id_prompt_id_user_id_created_at",
                table: "cohort_nudges",
                columns: new[] { "cohort_id", "prompt_id", "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_nudges_prompt_id",
                table: "cohort_nudges",
                column: "prompt_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_nudges_sent_by_id",
                table: "cohort_nudges",
                column: "sent_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_nudges_user_id",
                table: "cohort_nudges",
                column: "user_id");

            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cohort_nudges");

            migrationBuilder.DropColumn(
                name: "reminders_stopped",
                table: "cohort_members");
        }
    }
}
