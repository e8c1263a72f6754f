using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hidden_reason",
                table: "replies",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hidden_reason",
                table: "reflections",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_pinned",
                table: "reflections",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "lock_reason",
                table: "reflections",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pinned_at",
                table: "reflections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaced_by_moderator_id",
                table: "post_revisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "flag_threshold",
                table: "institutions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "approval_first_posts",
                table: "cohorts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "require_approval",
                table: "cohorts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "cohort_suspensions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    suspended_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lifted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lifted_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_suspensions", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohort_suspensions_asp_net_users_lifted_by_id",
                        column: x => x.lifted_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cohort_suspensions_asp_net_users_suspended_by_id",
                        column: x => x.suspended_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cohort_suspensions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cohort_suspensions_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    flagger_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_flags_asp_net_users_flagger_id",
                        column: x => x.flagger_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_flags_asp_net_users_resolved_by_id",
                        column: x => x.resolved_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_flags_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_flags_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderation_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moderator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    post_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_moderation_actions_asp_net_users_moderator_id",
                        column: x => x.moderator_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_moderation_actions_asp_net_users_subject_user_id",
                        column: x => x.subject_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_moderation_actions_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_suspensions_cohort_id_user_id_until",
                table: "cohort_suspensions",
                columns: new[] { "cohort_id", "user_id", "until" });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_suspensions_lifted_by_id",
                table: "cohort_suspensions",
                column: "lifted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_suspensions_suspended_by_id",
                table: "cohort_suspensions",
                column: "suspended_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_suspensions_user_id",
                table: "cohort_suspensions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_cohort_id_resolved_at",
                table: "flags",
                columns: new[] { "cohort_id", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_flags_flagger_id",
                table: "flags",
                column: "flagger_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_post_id_flagger_id",
                table: "flags",
                columns: new[] { "post_id", "flagger_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_flags_reflection_id",
                table: "flags",
                column: "reflection_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_resolved_by_id",
                table: "flags",
                column: "resolved_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_cohort_id_at",
                table: "moderation_actions",
                columns: new[] { "cohort_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_institution_id_at",
                table: "moderation_actions",
                columns: new[] { "institution_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_moderator_id",
                table: "moderation_actions",
                column: "moderator_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_subject_user_id",
                table: "moderation_actions",
                column: "subject_user_id");

            // The audit log is append-only. A statement that updates or deletes its rows is refused; the cascades
            // of deleting a cohort or a person (which run inside the foreign key's own trigger, so at depth > 1)
            // still go through, or the log would keep a cohort or a deleted account alive.
            migrationBuilder.Sql("""
                CREATE FUNCTION moderation_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF pg_trigger_depth() > 1 THEN
                        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                    END IF;
                    RAISE EXCEPTION 'moderation_actions is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER moderation_actions_append_only BEFORE UPDATE OR DELETE ON moderation_actions
                    FOR EACH ROW EXECUTE FUNCTION moderation_actions_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER moderation_actions_append_only ON moderation_actions; DROP FUNCTION moderation_actions_append_only();");

            migrationBuilder.DropTable(
                name: "cohort_suspensions");

            migrationBuilder.DropTable(
                name: "flags");

            migrationBuilder.DropTable(
                name: "moderation_actions");

            migrationBuilder.DropColumn(
                name: "hidden_reason",
                table: "replies");

            migrationBuilder.DropColumn(
                name: "hidden_reason",
                table: "reflections");

            migrationBuilder.DropColumn(
                name: "is_pinned",
                table: "reflections");

            migrationBuilder.DropColumn(
                name: "lock_reason",
                table: "reflections");

            migrationBuilder.DropColumn(
                name: "pinned_at",
                table: "reflections");

            migrationBuilder.DropColumn(
                name: "replaced_by_moderator_id",
                table: "post_revisions");

            migrationBuilder.DropColumn(
                name: "flag_threshold",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "approval_first_posts",
                table: "cohorts");

            migrationBuilder.DropColumn(
                name: "require_approval",
                table: "cohorts");
        }
    }
}
