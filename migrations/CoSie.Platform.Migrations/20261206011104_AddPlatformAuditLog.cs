using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddPlatformAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_audit_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_platform_audit_entries_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_platform_audit_entries_asp_net_users_subject_user_id",
                        column: x => x.subject_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_platform_audit_entries_actor_id",
                table: "platform_audit_entries",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_platform_audit_entries_subject_user_id_at",
                table: "platform_audit_entries",
                columns: new[] { "subject_user_id", "at" });

            // Append-only, as the moderation log is: a statement that updates or deletes its rows is refused, while the
            // foreign keys' own SET NULL when an account is deleted (inside their trigger, at depth > 1) goes through.
            migrationBuilder.Sql("""
                CREATE FUNCTION platform_audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF pg_trigger_depth() > 1 THEN
                        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                    END IF;
                    RAISE EXCEPTION 'platform_audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER platform_audit_entries_append_only BEFORE UPDATE OR DELETE ON platform_audit_entries
                    FOR EACH ROW EXECUTE FUNCTION platform_audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER platform_audit_entries_append_only ON platform_audit_entries; DROP FUNCTION platform_audit_entries_append_only();");

            migrationBuilder.DropTable(
                name: "platform_audit_entries");
        }
    }
}
