using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class LearnerProposedPrompts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "cohort_id",
                table: "reflection_prompts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "proposed_by_id",
                table: "reflection_prompts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prompt_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    module_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    why = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    decline_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_hidden = table.Column<bool>(type: "boolean", nullable: false),
                    support_count = table.Column<int>(type: "integer", nullable: false),
                    comment_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prompt_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_prompt_proposals_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_prompt_proposals_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_prompt_proposals_modules_module_id",
                        column: x => x.module_id,
                        principalTable: "modules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_prompt_proposals_reflection_prompts_prompt_id",
                        column: x => x.prompt_id,
                        principalTable: "reflection_prompts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "proposal_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_hidden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_comments_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_proposal_comments_prompt_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "prompt_proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_supports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_supports", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_supports_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_proposal_supports_prompt_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "prompt_proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reflection_prompts_cohort_id",
                table: "reflection_prompts",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_reflection_prompts_proposed_by_id",
                table: "reflection_prompts",
                column: "proposed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_proposals_author_id",
                table: "prompt_proposals",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_proposals_cohort_id_module_id_created_at",
                table: "prompt_proposals",
                columns: new[] { "cohort_id", "module_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_prompt_proposals_module_id",
                table: "prompt_proposals",
                column: "module_id");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_proposals_prompt_id",
                table: "prompt_proposals",
                column: "prompt_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_comments_author_id",
                table: "proposal_comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_comments_proposal_id_created_at",
                table: "proposal_comments",
                columns: new[] { "proposal_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_supports_proposal_id_user_id",
                table: "proposal_supports",
                columns: new[] { "proposal_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposal_supports_user_id",
                table: "proposal_supports",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_reflection_prompts_asp_net_users_proposed_by_id",
                table: "reflection_prompts",
                column: "proposed_by_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_reflection_prompts_cohorts_cohort_id",
                table: "reflection_prompts",
                column: "cohort_id",
                principalTable: "cohorts",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            // The new tables carry institution_id: the tenant policies cover them from the start.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_reflection_prompts_asp_net_users_proposed_by_id",
                table: "reflection_prompts");

            migrationBuilder.DropForeignKey(
                name: "fk_reflection_prompts_cohorts_cohort_id",
                table: "reflection_prompts");

            migrationBuilder.DropTable(
                name: "proposal_comments");

            migrationBuilder.DropTable(
                name: "proposal_supports");

            migrationBuilder.DropTable(
                name: "prompt_proposals");

            migrationBuilder.DropIndex(
                name: "ix_reflection_prompts_cohort_id",
                table: "reflection_prompts");

            migrationBuilder.DropIndex(
                name: "ix_reflection_prompts_proposed_by_id",
                table: "reflection_prompts");

            migrationBuilder.DropColumn(
                name: "cohort_id",
                table: "reflection_prompts");

            migrationBuilder.DropColumn(
                name: "proposed_by_id",
                table: "reflection_prompts");
        }
    }
}
