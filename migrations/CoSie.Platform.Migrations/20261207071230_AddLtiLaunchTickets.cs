using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddLtiLaunchTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lti_launch_tickets",
                columns: table => new
                {
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    destination = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lti_launch_tickets", x => x.hash);
                    table.ForeignKey(
                        name: "fk_lti_launch_tickets_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_launch_tickets_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lti_launch_tickets_lti_platforms_platform_id",
                        column: x => x.platform_id,
                        principalTable: "lti_platforms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lti_launch_tickets_expires_at",
                table: "lti_launch_tickets",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_lti_launch_tickets_institution_id",
                table: "lti_launch_tickets",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_launch_tickets_platform_id",
                table: "lti_launch_tickets",
                column: "platform_id");

            migrationBuilder.CreateIndex(
                name: "ix_lti_launch_tickets_user_id",
                table: "lti_launch_tickets",
                column: "user_id");

            // The new tenant-owned table gets row-level security now, not only when DatabaseMigrator next runs.
            migrationBuilder.Sql("SELECT cosie_apply_rls();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lti_launch_tickets");
        }
    }
}
