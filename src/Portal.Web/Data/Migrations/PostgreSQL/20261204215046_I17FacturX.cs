using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class I17FacturX : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ElectronicAddress",
                table: "ProviderProfiles",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ElectronicAddressScheme",
                table: "ProviderProfiles",
                type: "text",
                nullable: false,
                defaultValue: "0225");

            migrationBuilder.AddColumn<string>(
                name: "SepaCreditorId",
                table: "ProviderProfiles",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerCity",
                table: "Invoices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerCountry",
                table: "Invoices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerPostalCode",
                table: "Invoices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerRegistrationNumber",
                table: "Invoices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerStreet",
                table: "Invoices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerStreet2",
                table: "Invoices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodEnd",
                table: "InvoiceLines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodStart",
                table: "InvoiceLines",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ElectronicAddress",
                table: "ProviderProfiles");

            migrationBuilder.DropColumn(
                name: "ElectronicAddressScheme",
                table: "ProviderProfiles");

            migrationBuilder.DropColumn(
                name: "SepaCreditorId",
                table: "ProviderProfiles");

            migrationBuilder.DropColumn(
                name: "BuyerCity",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "BuyerCountry",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "BuyerPostalCode",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "BuyerRegistrationNumber",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "BuyerStreet",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "BuyerStreet2",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "PeriodEnd",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "PeriodStart",
                table: "InvoiceLines");
        }
    }
}
