using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddLtiAdvantageServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "grade_scopes",
                table: "lti_contexts",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "line_item_url",
                table: "lti_contexts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "line_items_url",
                table: "lti_contexts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "memberships_url",
                table: "lti_contexts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resource_link_id",
                table: "lti_contexts",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "roster_error",
                table: "lti_contexts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "roster_members",
                table: "lti_contexts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "roster_synced_at",
                table: "lti_contexts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "lti_line_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lti_context_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_line_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_lti_line_items_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_line_items_lti_contexts_lti_context_id",
                        column: x => x.lti_context_id,
                        principalTable: "lti_contexts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_line_items_reflection_prompts_prompt_id",
                        column: x => x.prompt_id,
                        principalTable: "reflection_prompts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lti_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lti_context_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    score_given = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_lti_scores_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_scores_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_scores_lti_contexts_lti_context_id",
                        column: x => x.lti_context_id,
                        principalTable: "lti_contexts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_scores_reflection_prompts_prompt_id",
                        column: x => x.prompt_id,
                        principalTable: "reflection_prompts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lti_line_items_institution_id",
                table: "lti_line_items",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_line_items_lti_context_id_prompt_id",
                table: "lti_line_items",
                columns: new[] { "lti_context_id", "prompt_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lti_line_items_prompt_id",
                table: "lti_line_items",
                column: "prompt_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_scores_institution_id",
                table: "lti_scores",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_scores_lti_context_id_prompt_id_user_id",
                table: "lti_scores",
                columns: new[] { "lti_context_id", "prompt_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lti_scores_prompt_id",
                table: "lti_scores",
                column: "prompt_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_scores_user_id",
                table: "lti_scores",
                column: "user_id");

            // The new tenant tables get the same row-level security as every tenant table.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lti_line_items");

            migrationBuilder.DropTable(
                name: "lti_scores");

            migrationBuilder.DropColumn(
                name: "grade_scopes",
                table: "lti_contexts");

            migrationBuilder.DropColumn(
                name: "line_item_url",
                table: "lti_contexts");

            migrationBuilder.DropColumn(
                name: "line_items_url",
                table: "lti_contexts");

            migrationBuilder.DropColumn(
                name: "memberships_url",
                table: "lti_contexts");

            migrationBuilder.DropColumn(
                name: "resource_link_id",
                table: "lti_contexts");

            migrationBuilder.DropColumn(
                name: "roster_error",
                table: "lti_contexts");

            migrationBuilder.DropColumn(
                name: "roster_members",
                table: "lti_contexts");

            migrationBuilder.DropColumn(
                name: "roster_synced_at",
                table: "lti_contexts");
        }
    }
}
