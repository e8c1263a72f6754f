using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddDiscussions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "expected_peer_replies",
                table: "cohorts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "reveal_on_post",
                table: "cohorts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "reflections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    body_source = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    thread_version = table.Column<long>(type: "bigint", nullable: false),
                    last_event_sequence = table.Column<long>(type: "bigint", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_locked = table.Column<bool>(type: "boolean", nullable: false),
                    reply_count = table.Column<int>(type: "integer", nullable: false),
                    helpful_count = table.Column<int>(type: "integer", nullable: false),
                    child_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reflections", x => x.id);
                    table.ForeignKey(
                        name: "fk_reflections_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_reflections_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reflections_reflection_prompts_prompt_id",
                        column: x => x.prompt_id,
                        principalTable: "reflection_prompts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpfuls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_helpfuls", x => x.id);
                    table.ForeignKey(
                        name: "fk_helpfuls_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_helpfuls_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body_source = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_revisions_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "replies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_reply_id = table.Column<Guid>(type: "uuid", nullable: true),
                    path = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    depth = table.Column<int>(type: "integer", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    body_source = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    helpful_count = table.Column<int>(type: "integer", nullable: false),
                    child_count = table.Column<int>(type: "integer", nullable: false),
                    submission_key = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_replies", x => x.id);
                    table.ForeignKey(
                        name: "fk_replies_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_replies_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_replies_replies_parent_reply_id",
                        column: x => x.parent_reply_id,
                        principalTable: "replies",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "thread_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thread_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_thread_events_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "thread_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_seen_sequence = table.Column<long>(type: "bigint", nullable: false),
                    visited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thread_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_thread_visits_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_thread_visits_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_helpfuls_post_id_user_id",
                table: "helpfuls",
                columns: new[] { "post_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_helpfuls_reflection_id_user_id",
                table: "helpfuls",
                columns: new[] { "reflection_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_helpfuls_user_id",
                table: "helpfuls",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_actor_id",
                table: "notifications",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_reflection_id",
                table: "notifications",
                column: "reflection_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at",
                table: "notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_read_at",
                table: "notifications",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_post_id_replaced_at",
                table: "post_revisions",
                columns: new[] { "post_id", "replaced_at" });

            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_reflection_id",
                table: "post_revisions",
                column: "reflection_id");

            migrationBuilder.CreateIndex(
                name: "ix_reflections_author_id",
                table: "reflections",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_reflections_cohort_id_prompt_id_author_id",
                table: "reflections",
                columns: new[] { "cohort_id", "prompt_id", "author_id" },
                unique: true,
                filter: "status <> 'Deleted' AND author_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reflections_cohort_id_prompt_id_created_at",
                table: "reflections",
                columns: new[] { "cohort_id", "prompt_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reflections_prompt_id",
                table: "reflections",
                column: "prompt_id");

            migrationBuilder.CreateIndex(
                name: "ix_replies_author_id",
                table: "replies",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_replies_parent_reply_id",
                table: "replies",
                column: "parent_reply_id");

            migrationBuilder.CreateIndex(
                name: "ix_replies_reflection_id_author_id_submission_key",
                table: "replies",
                columns: new[] { "reflection_id", "author_id", "submission_key" },
                unique: true,
                filter: "submission_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_replies_reflection_id_path",
                table: "replies",
                columns: new[] { "reflection_id", "path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_thread_events_reflection_id_sequence",
                table: "thread_events",
                columns: new[] { "reflection_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_thread_visits_reflection_id",
                table: "thread_visits",
                column: "reflection_id");

            migrationBuilder.CreateIndex(
                name: "ix_thread_visits_user_id_reflection_id",
                table: "thread_visits",
                columns: new[] { "user_id", "reflection_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "helpfuls");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "post_revisions");

            migrationBuilder.DropTable(
                name: "replies");

            migrationBuilder.DropTable(
                name: "thread_events");

            migrationBuilder.DropTable(
                name: "thread_visits");

            migrationBuilder.DropTable(
                name: "reflections");

            migrationBuilder.DropColumn(
                name: "expected_peer_replies",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "reveal_on_post",
                table: "cohorts");
        }
    }
}
