using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddDigestDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "digest_frequency",
                table: "cohort_members",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Members who were already in a cohort get the weekly digest, like every new member.
                defaultValue: "Weekly");

            migrationBuilder.CreateTable(
                name: "digest_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_key = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    slot_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_digest_deliveries_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_digest_deliveries_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_digest_deliveries_cohort_id_status",
                table: "digest_deliveries",
                columns: new[] { "cohort_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_digest_deliveries_cohort_id_user_id_week_key",
                table: "digest_deliveries",
                columns: new[] { "cohort_id", "user_id", "week_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_digest_deliveries_user_id",
                table: "digest_deliveries",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digest_deliveries");

            migrationBuilder.DropColumn(
                name: "digest_frequency",
                table: "cohort_members");
        }
    }
}
