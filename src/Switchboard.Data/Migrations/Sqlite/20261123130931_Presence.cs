using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    // Existing extensions start as the platform's defaults: available, taking all calls, visible.
    public partial class Presence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowSeeMyPresence",
                table: "Extensions",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "DndStatus",
                table: "Extensions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "TakeAllCalls");

            migrationBuilder.AddColumn<bool>(
                name: "PickUpCallsOnHold",
                table: "Extensions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PresenceMessage",
                table: "Extensions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RingOnMonitoredCall",
                table: "Extensions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "UserStatus",
                table: "Extensions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Available");

            migrationBuilder.CreateTable(
                name: "DepartmentMembers",
                columns: table => new
                {
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExtensionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentMembers", x => new { x.DepartmentId, x.ExtensionId });
                    table.ForeignKey(
                        name: "FK_DepartmentMembers_Extensions_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Extensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DepartmentMembers_Extensions_ExtensionId",
                        column: x => x.ExtensionId,
                        principalTable: "Extensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentMembers_ExtensionId",
                table: "DepartmentMembers",
                column: "ExtensionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DepartmentMembers");

            migrationBuilder.DropColumn(
                name: "AllowSeeMyPresence",
                table: "Extensions");

            migrationBuilder.DropColumn(
                name: "DndStatus",
                table: "Extensions");

            migrationBuilder.DropColumn(
                name: "PickUpCallsOnHold",
                table: "Extensions");

            migrationBuilder.DropColumn(
                name: "PresenceMessage",
                table: "Extensions");

            migrationBuilder.DropColumn(
                name: "RingOnMonitoredCall",
                table: "Extensions");

            migrationBuilder.DropColumn(
                name: "UserStatus",
                table: "Extensions");
        }
    }
}
