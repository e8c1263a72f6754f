using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddDiscussionOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "discussion_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reflection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_sequence = table.Column<long>(type: "bigint", nullable: true),
                    post_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replied_to_author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    find_mentions = table.Column<bool>(type: "boolean", nullable: false),
                    badge_user_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_discussion_outbox_reflections_reflection_id",
                        column: x => x.reflection_id,
                        principalTable: "reflections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_discussion_outbox_institution_id_id",
                table: "discussion_outbox",
                columns: new[] { "institution_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_discussion_outbox_reflection_id",
                table: "discussion_outbox",
                column: "reflection_id");

            // The new tenant-owned table gets row-level security now, not only when DatabaseMigrator next runs.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "discussion_outbox");
        }
    }
}
