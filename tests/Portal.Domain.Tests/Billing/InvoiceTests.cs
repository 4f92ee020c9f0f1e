using System.Globalization;
using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

public class InvoiceTests
{
    private static readonly DateOnly IssuedOn = new(2025, 1, 15);
    private static readonly DateOnly DueOn = new(2025, 2, 14);

    /// <summary>An ISO date from an [InlineData] row, whatever the machine's culture.</summary>
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InvoiceLine Line(decimal quantity, decimal unitPrice, decimal vatRate = 0.20m) =>
        new() { Description = "line", Quantity = quantity, UnitPriceExclVat = unitPrice, VatRate = vatRate };

    private static Invoice NewInvoice(InvoiceKind kind = InvoiceKind.Invoice, params InvoiceLine[] lines) => new()
    {
        Number = "F-2025-0001",
        Kind = kind,
        IssuedOn = IssuedOn,
        DueOn = DueOn,
        Culture = "fr",
        BuyerLegalName = "Client SA",
        BuyerAddress = "1 rue de la Paix, 75002 Paris",
        Lines = [.. lines],
    };

    /// <summary>12 seats at 41.67 = 500.04, plus 2 days of services at 650.00 = 1,300.00; 20 % VAT.</summary>
    private static Invoice SeatsAndServices() => NewInvoice(InvoiceKind.Invoice, Line(12, 41.67m), Line(2, 650m));

    private static Payment Paid(decimal amount, PaymentKind kind = PaymentKind.Payment) =>
        new() { Amount = amount, Kind = kind, ReceivedOn = IssuedOn.AddDays(10) };

    [Fact]
    public void Seats_500_04_and_services_1300_with_20_percent_VAT_total_1800_04_plus_360_01_is_2160_05()
    {
        var invoice = SeatsAndServices();

        Assert.Equal(1800.04m, invoice.TotalExclVat);
        Assert.Equal(360.01m, invoice.TotalVat); // 360.008
        Assert.Equal(2160.05m, invoice.TotalInclVat);
    }

    [Fact]
    public void Each_line_amount_is_rounded_to_the_cent_before_the_total_3_x_33_3333_plus_0_125_is_100_13_not_100_12()
    {
        var invoice = NewInvoice(InvoiceKind.Invoice, Line(3, 33.3333m), Line(1, 0.125m));

        Assert.Equal(100.00m, invoice.Lines[0].AmountExclVat); // 99.9999
        Assert.Equal(0.13m, invoice.Lines[1].AmountExclVat); // 0.125, half away from zero
        Assert.Equal(100.13m, invoice.TotalExclVat);
        Assert.Equal(20.03m, invoice.TotalVat); // 20.026
        Assert.Equal(120.16m, invoice.TotalInclVat);
    }

    [Fact]
    public void VAT_is_rounded_once_on_the_total_two_lines_of_0_03_carry_0_01_of_VAT_not_0_02()
    {
        var invoice = NewInvoice(InvoiceKind.Invoice, Line(1, 0.03m), Line(1, 0.03m));

        Assert.Equal(0.01m, invoice.TotalVat); // 0.012, where per-line rounding would give 0.006 → 0.01 twice
    }

    [Fact]
    public void Under_reverse_charge_a_0_rate_gives_no_VAT()
    {
        var invoice = NewInvoice(InvoiceKind.Invoice, Line(12, 41.67m, vatRate: 0m));

        Assert.Equal((500.04m, 0m, 500.04m), (invoice.TotalExclVat, invoice.TotalVat, invoice.TotalInclVat));
    }

    [Fact]
    public void Partial_payment_of_1000_on_2160_05_leaves_1160_05_outstanding()
    {
        var invoice = SeatsAndServices();
        invoice.Payments.Add(Paid(1000m));

        Assert.Equal(1000m, invoice.AmountPaid);
        Assert.Equal(1160.05m, invoice.AmountOutstanding);
    }

    [Fact]
    public void Two_payments_add_up_and_an_overpayment_leaves_nothing_outstanding()
    {
        var invoice = SeatsAndServices();
        invoice.Payments.Add(Paid(2000m));
        invoice.Payments.Add(Paid(200m));

        Assert.Equal(2200m, invoice.AmountPaid);
        Assert.Equal(0m, invoice.AmountOutstanding);
    }

    [Fact]
    public void A_direct_debit_collected_then_rejected_leaves_the_invoice_unpaid()
    {
        var invoice = SeatsAndServices();
        invoice.Payments.Add(Paid(2160.05m));
        invoice.Payments.Add(Paid(2160.05m, PaymentKind.DirectDebitRejection));

        Assert.Equal(0m, invoice.AmountPaid);
        Assert.Equal(2160.05m, invoice.AmountOutstanding);
    }

    [Fact]
    public void A_rejected_direct_debit_does_not_count_as_paid()
    {
        var invoice = SeatsAndServices();
        invoice.Payments.Add(Paid(2160.05m, PaymentKind.DirectDebitRejection));

        Assert.Equal(0m, invoice.AmountPaid);
        Assert.Equal(2160.05m, invoice.AmountOutstanding);
        Assert.Equal(InvoiceStatus.Issued, invoice.StatusOn(DueOn));
    }

    [Theory]
    [InlineData("2025-01-15", InvoiceStatus.Issued)]
    [InlineData("2025-02-14", InvoiceStatus.Issued)] // on the due date it is not late yet
    [InlineData("2025-02-15", InvoiceStatus.Overdue)] // the day after
    public void Unpaid_invoice_due_14_February_2025(string today, InvoiceStatus expected)
    {
        Assert.Equal(expected, SeatsAndServices().StatusOn(Day(today)));
    }

    [Theory]
    [InlineData("2025-01-25", InvoiceStatus.PartiallyPaid)]
    [InlineData("2025-02-14", InvoiceStatus.PartiallyPaid)]
    [InlineData("2025-02-15", InvoiceStatus.Overdue)]
    public void Partly_paid_invoice_due_14_February_2025(string today, InvoiceStatus expected)
    {
        var invoice = SeatsAndServices();
        invoice.Payments.Add(Paid(1000m));

        Assert.Equal(expected, invoice.StatusOn(Day(today)));
    }

    [Theory]
    [InlineData("2025-01-25")]
    [InlineData("2025-02-15")]
    [InlineData("2026-01-01")]
    public void Fully_paid_invoice_is_Paid_even_after_its_due_date(string today)
    {
        var invoice = SeatsAndServices();
        invoice.Payments.Add(Paid(1000m));
        invoice.Payments.Add(Paid(1160.05m));

        Assert.Equal(InvoiceStatus.Paid, invoice.StatusOn(Day(today)));
    }

    [Theory]
    [InlineData("2025-01-15")]
    [InlineData("2025-02-15")]
    public void A_credit_note_is_never_outstanding_nor_overdue(string today)
    {
        var creditNote = NewInvoice(InvoiceKind.CreditNote, Line(2, 650m));

        Assert.Equal(1560m, creditNote.TotalInclVat);
        Assert.Equal(0m, creditNote.AmountOutstanding);
        Assert.Equal(InvoiceStatus.Issued, creditNote.StatusOn(Day(today)));
    }
}
