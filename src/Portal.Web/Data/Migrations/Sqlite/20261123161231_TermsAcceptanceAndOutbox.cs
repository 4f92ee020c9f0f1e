using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TermsAcceptanceAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AcceptanceRecords_UserEmail",
                table: "AcceptanceRecords");

            migrationBuilder.CreateTable(
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ToEmail = table.Column<string>(type: "TEXT", nullable: false),
                    ToName = table.Column<string>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentFileName = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", nullable: true),
                    Attachment = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmails", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceRecords_AcceptedAt",
                table: "AcceptanceRecords",
                column: "AcceptedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceRecords_DocumentType_AcceptedAt",
                table: "AcceptanceRecords",
                columns: new[] { "DocumentType", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceRecords_Method_AcceptedAt",
                table: "AcceptanceRecords",
                columns: new[] { "Method", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceRecords_OneDeemedPerClientAndVersion",
                table: "AcceptanceRecords",
                columns: new[] { "ClientId", "DocumentVersionId" },
                unique: true,
                filter: "\"Method\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceRecords_UserEmail_AcceptedAt",
                table: "AcceptanceRecords",
                columns: new[] { "UserEmail", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceRecords_VersionLabel_AcceptedAt",
                table: "AcceptanceRecords",
                columns: new[] { "VersionLabel", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_Reason",
                table: "OutboxEmails",
                column: "Reason");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_SentAt_NextAttemptAt",
                table: "OutboxEmails",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxEmails");

            migrationBuilder.DropIndex(
                name: "IX_AcceptanceRecords_AcceptedAt",
                table: "AcceptanceRecords");

            migrationBuilder.DropIndex(
                name: "IX_AcceptanceRecords_DocumentType_AcceptedAt",
                table: "AcceptanceRecords");

            migrationBuilder.DropIndex(
                name: "IX_AcceptanceRecords_Method_AcceptedAt",
                table: "AcceptanceRecords");

            migrationBuilder.DropIndex(
                name: "IX_AcceptanceRecords_OneDeemedPerClientAndVersion",
                table: "AcceptanceRecords");

            migrationBuilder.DropIndex(
                name: "IX_AcceptanceRecords_UserEmail_AcceptedAt",
                table: "AcceptanceRecords");

            migrationBuilder.DropIndex(
                name: "IX_AcceptanceRecords_VersionLabel_AcceptedAt",
                table: "AcceptanceRecords");

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceRecords_UserEmail",
                table: "AcceptanceRecords",
                column: "UserEmail");
        }
    }
}
