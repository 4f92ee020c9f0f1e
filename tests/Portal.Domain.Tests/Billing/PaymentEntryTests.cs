using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>What staff may record on an invoice of 1,200 EUR incl. VAT issued on 1 March, due 31 March.</summary>
public class PaymentEntryTests
{
    private static readonly DateOnly Today = new(2026, 4, 15);

    private static Invoice Invoice(params Payment[] payments) => new()
    {
        Number = "INV-000010", Kind = InvoiceKind.Invoice, IssuedOn = new(2026, 3, 1), DueOn = new(2026, 3, 31), Culture = "en",
        BuyerLegalName = "B", BuyerAddress = "A", Lines = [new InvoiceLine { Description = "S", Quantity = 1, UnitPriceExclVat = 1_000m, VatRate = 0.20m }],
        Payments = [.. payments],
    };

    private static Payment Paid(decimal amount, PaymentKind kind = PaymentKind.Payment) => new() { Amount = amount, Kind = kind, ReceivedOn = new(2026, 3, 20) };

    [Fact]
    public void A_partial_payment_of_500_on_1200_due_is_recorded_with_its_reference()
    {
        var (payment, refusal) = PaymentEntry.Check(Invoice(), PaymentKind.Payment, 500m, new(2026, 4, 2), Today, " VIR-88 ");

        Assert.Null(refusal);
        Assert.Equal((500m, new DateOnly(2026, 4, 2), "VIR-88"), (payment!.Amount, payment.ReceivedOn, payment.Reference));
    }

    [Theory]
    [InlineData(1_200.01, "1,200.01 EUR is more than the 1,200.00 EUR still due on INV-000010.")]
    [InlineData(0, "Enter an amount above 0.")]
    [InlineData(-5, "Enter an amount above 0.")]
    [InlineData(10.005, "Enter the amount to the cent (at most 2 decimals).")]
    public void A_wrong_amount_is_refused_with_what_to_fix(decimal amount, string why) =>
        Assert.Equal(why, PaymentEntry.Check(Invoice(), PaymentKind.Payment, amount, Today, Today).Refusal);

    [Fact]
    public void After_700_paid_only_500_more_can_be_recorded()
    {
        var invoice = Invoice(Paid(700m));

        Assert.Null(PaymentEntry.Check(invoice, PaymentKind.Payment, 500m, Today, Today).Refusal);
        Assert.Contains("still due", PaymentEntry.Check(invoice, PaymentKind.Payment, 500.01m, Today, Today).Refusal);
    }

    [Fact]
    public void A_paid_invoice_says_so()
    {
        Assert.Equal("INV-000010 is already paid in full.",
            PaymentEntry.Check(Invoice(Paid(1_200m)), PaymentKind.Payment, 1m, Today, Today).Refusal);
    }

    [Fact]
    public void Dates_in_the_future_or_before_the_issue_are_refused()
    {
        Assert.Equal("The date cannot be in the future.", PaymentEntry.Check(Invoice(), PaymentKind.Payment, 1m, Today.AddDays(1), Today).Refusal);
        Assert.Equal("The date cannot be before the invoice was issued (2026-03-01).",
            PaymentEntry.Check(Invoice(), PaymentKind.Payment, 1m, new(2026, 2, 28), Today).Refusal);
    }

    [Fact]
    public void A_rejection_takes_back_at_most_what_was_collected_and_not_what_a_credit_note_settled()
    {
        var invoice = Invoice(Paid(400m), Paid(300m, PaymentKind.CreditNote));

        Assert.Null(PaymentEntry.Check(invoice, PaymentKind.DirectDebitRejection, 400m, Today, Today).Refusal);
        Assert.Equal("Only 400.00 EUR was collected on INV-000010: a rejection cannot take back more.",
            PaymentEntry.Check(invoice, PaymentKind.DirectDebitRejection, 400.01m, Today, Today).Refusal);
    }

    [Fact]
    public void Credit_notes_are_neither_paid_nor_recorded_by_hand()
    {
        var creditNote = Invoice();
        creditNote.Kind = InvoiceKind.CreditNote;

        Assert.StartsWith("A credit note is not paid", PaymentEntry.Check(creditNote, PaymentKind.Payment, 1m, Today, Today).Refusal);
        Assert.StartsWith("A credit note settles", PaymentEntry.Check(Invoice(), PaymentKind.CreditNote, 1m, Today, Today).Refusal);
    }
}
