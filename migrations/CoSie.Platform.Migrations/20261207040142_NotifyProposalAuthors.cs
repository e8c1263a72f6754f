using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class NotifyProposalAuthors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "reflection_id",
                table: "notifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "proposal_id",
                table: "notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_proposal_id",
                table: "notifications",
                column: "proposal_id");

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_prompt_proposals_proposal_id",
                table: "notifications",
                column: "proposal_id",
                principalTable: "prompt_proposals",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_prompt_proposals_proposal_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_proposal_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "proposal_id",
                table: "notifications");

            migrationBuilder.AlterColumn<Guid>(
                name: "reflection_id",
                table: "notifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
