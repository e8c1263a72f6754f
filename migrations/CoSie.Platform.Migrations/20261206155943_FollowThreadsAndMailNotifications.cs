using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    // Mail about replies and mentions is on for everyone, as it is for new accounts; existing notifications are not
    // mailed (their mail_due_at stays empty). thread_subscriptions joins row-level security like every tenant table.
    /// <inheritdoc />
    public partial class FollowThreadsAndMailNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mail_due_at",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mailed_at",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "mail_batch_minutes",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<bool>(
                name: "mention_mails",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "reply_mails",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "thread_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thread_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_thread_subscriptions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_thread_subscriptions_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_mail_pending",
                table: "notifications",
                columns: new[] { "user_id", "reflection_id", "kind" },
                filter: "mail_due_at IS NOT NULL AND mailed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_thread_subscriptions_reflection_id_user_id",
                table: "thread_subscriptions",
                columns: new[] { "reflection_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_thread_subscriptions_user_id",
                table: "thread_subscriptions",
                column: "user_id");

            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "thread_subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_notifications_mail_pending",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "mail_due_at",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "mailed_at",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "mail_batch_minutes",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "mention_mails",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "reply_mails",
                table: "AspNetUsers");
        }
    }
}
