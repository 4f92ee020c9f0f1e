using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BillingContactsUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BillingContacts_ClientId",
                table: "BillingContacts");

            migrationBuilder.CreateIndex(
                name: "IX_BillingContacts_ClientId_Email",
                table: "BillingContacts",
                columns: new[] { "ClientId", "Email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BillingContacts_ClientId_Email",
                table: "BillingContacts");

            migrationBuilder.CreateIndex(
                name: "IX_BillingContacts_ClientId",
                table: "BillingContacts",
                column: "ClientId");
        }
    }
}
