using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I16ContractRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "VatOnDebits",
                table: "ProviderProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "BillingFrequency",
                table: "OrderLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionFr",
                table: "OrderLines",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerSiren",
                table: "Invoices",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OperationNature",
                table: "Invoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "VatOnDebits",
                table: "Invoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "InvoicedAmountExclVat",
                table: "InvoiceLines",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LateChargesSettlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Interest = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Indemnity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RejectionFees = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ChargesInvoiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LateChargesSettlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LateChargesSettlements_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LateChargesSettlements_Invoices_ChargesInvoiceId",
                        column: x => x.ChargesInvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LateChargesSettlements_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LateChargesSettlements_ChargesInvoiceId",
                table: "LateChargesSettlements",
                column: "ChargesInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_LateChargesSettlements_ClientId",
                table: "LateChargesSettlements",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_LateChargesSettlements_InvoiceId",
                table: "LateChargesSettlements",
                column: "InvoiceId",
                unique: true);

            // A late-charges settlement is never revisited: the database refuses to change one, as for the acceptance records.
            migrationBuilder.Sql("CREATE TRIGGER LateChargesSettlements_append_only_update BEFORE UPDATE ON LateChargesSettlements BEGIN SELECT RAISE(ABORT, 'LateChargesSettlements are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER LateChargesSettlements_append_only_delete BEFORE DELETE ON LateChargesSettlements BEGIN SELECT RAISE(ABORT, 'LateChargesSettlements are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LateChargesSettlements");

            migrationBuilder.DropColumn(
                name: "VatOnDebits",
                table: "ProviderProfiles");

            migrationBuilder.DropColumn(
                name: "BillingFrequency",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "DescriptionFr",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "BuyerSiren",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "OperationNature",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "VatOnDebits",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "InvoicedAmountExclVat",
                table: "InvoiceLines");
        }
    }
}
