using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoiceIssuance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrderFormId",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleKey",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PendingCharges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    UnitPriceExclVat = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingCharges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingCharges_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_OrderFormId_ScheduleKey",
                table: "Invoices",
                columns: new[] { "OrderFormId", "ScheduleKey" },
                unique: true,
                filter: "\"ScheduleKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PendingCharges_ClientId_InvoiceId",
                table: "PendingCharges",
                columns: new[] { "ClientId", "InvoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingCharges_Source",
                table: "PendingCharges",
                column: "Source",
                unique: true);

            // The counter starts where the numbers already issued stop, so the next number follows on.
            migrationBuilder.Sql("INSERT INTO \"NumberSequences\" (\"Name\", \"Last\") " +
                "SELECT 'Invoices', COALESCE(MAX(\"Sequence\"), 0) FROM \"Invoices\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NumberSequences");

            migrationBuilder.DropTable(
                name: "PendingCharges");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_OrderFormId_ScheduleKey",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "OrderFormId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ScheduleKey",
                table: "Invoices");
        }
    }
}
