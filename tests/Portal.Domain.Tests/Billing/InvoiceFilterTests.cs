using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>The Client's invoice list narrowed by status (credit notes apart) and year, and the sums owed.</summary>
public class InvoiceFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>1,000 excl. VAT + 20 % = 1,200 incl. VAT, due 30 days after issue.</summary>
    private static Invoice Invoice(string number, DateOnly issuedOn, decimal paid = 0m, InvoiceKind kind = InvoiceKind.Invoice) => new()
    {
        Number = number, Kind = kind, IssuedOn = issuedOn, DueOn = issuedOn.AddDays(30), Culture = "en",
        BuyerLegalName = "Client SA", BuyerAddress = "Paris",
        Lines = [new InvoiceLine { Description = "Subscription", Quantity = 1, UnitPriceExclVat = 1000m, VatRate = 0.20m }],
        Payments = paid > 0 ? [new Payment { Amount = paid, ReceivedOn = issuedOn.AddDays(5) }] : [],
    };

    /// <summary>Paid (2025), overdue (2026, nothing paid), partially paid (not yet due), issued (not yet due), a credit note.</summary>
    private static readonly Invoice[] All =
    [
        Invoice("INV-000001", new DateOnly(2025, 3, 1), paid: 1200m),
        Invoice("INV-000002", new DateOnly(2026, 3, 1)),
        Invoice("INV-000003", new DateOnly(2026, 11, 1), paid: 200m),
        Invoice("INV-000004", new DateOnly(2026, 11, 20)),
        Invoice("INV-000005", new DateOnly(2026, 11, 21), kind: InvoiceKind.CreditNote),
    ];

    private static string[] Numbers(InvoiceFilter filter) => [.. filter.Apply(All, Today).Select(i => i.Number)];

    [Theory]
    [InlineData(InvoiceShown.Paid, "INV-000001")]
    [InlineData(InvoiceShown.Overdue, "INV-000002")]
    [InlineData(InvoiceShown.PartiallyPaid, "INV-000003")]
    [InlineData(InvoiceShown.Issued, "INV-000004")] // not the credit note, whose status is also "issued"
    [InlineData(InvoiceShown.CreditNotes, "INV-000005")]
    public void Each_status_keeps_only_its_invoices_and_credit_notes_are_their_own_kind(InvoiceShown shown, string number)
    {
        Assert.Equal([number], Numbers(new InvoiceFilter(shown)));
    }

    [Fact]
    public void No_filter_keeps_everything_and_a_year_keeps_the_invoices_issued_that_year()
    {
        Assert.Equal(5, Numbers(InvoiceFilter.None).Length);
        Assert.Equal(["INV-000001"], Numbers(new InvoiceFilter(Year: 2025)));
        Assert.Equal(["INV-000002", "INV-000003", "INV-000004", "INV-000005"], Numbers(new InvoiceFilter(Year: 2026)));
        Assert.Empty(Numbers(new InvoiceFilter(InvoiceShown.Overdue, 2025)));
        Assert.Equal(["INV-000002"], Numbers(new InvoiceFilter(InvoiceShown.Overdue, 2026)));
    }

    [Fact]
    public void The_years_offered_are_those_with_invoices_newest_first()
    {
        Assert.Equal([2026, 2025], InvoiceFilter.YearsOf(All));
        Assert.Empty(InvoiceFilter.YearsOf([]));
    }

    [Theory]
    [InlineData("overdue", 2026, InvoiceShown.Overdue, 2026)]
    [InlineData("Partially-Paid", null, InvoiceShown.PartiallyPaid, null)]
    [InlineData("credit-notes", null, InvoiceShown.CreditNotes, null)]
    [InlineData("late", 2025, null, 2025)] // an unknown word (an old bookmark, a typo) shows every status
    [InlineData(null, null, null, null)]
    public void The_address_words_are_read_back_and_an_unknown_one_is_ignored(string? status, int? year, InvoiceShown? shown, int? expectedYear)
    {
        var filter = InvoiceFilter.Parse(status, year);

        Assert.Equal(new InvoiceFilter(shown, expectedYear), filter);
        Assert.Equal(shown is null && year is null, filter.IsEmpty);
    }

    [Fact]
    public void Every_choice_round_trips_through_its_word()
    {
        foreach (var shown in Enum.GetValues<InvoiceShown>())
            Assert.Equal(shown, InvoiceFilter.Parse(new InvoiceFilter(shown).StatusWord, null).Shown);
    }

    [Fact]
    public void Outstanding_is_1200_overdue_plus_1000_partially_paid_plus_1200_issued_and_overdue_is_the_1200_past_due()
    {
        var totals = InvoiceTotals.Of(All, Today);

        Assert.Equal(new InvoiceTotals(3400m, 1200m), totals); // the credit note owes nothing itself
        Assert.Equal(new InvoiceTotals(0m, 0m), InvoiceTotals.Of(new InvoiceFilter(Year: 2025).Apply(All, Today), Today));
    }

    [Fact]
    public void Late_charges_show_on_the_overdue_invoice_only_1200_for_237_days_is_93_50_plus_the_40_indemnity()
    {
        var charges = All.ToDictionary(i => i.Number, i => OverdueCharges.On(i, Today));

        // Due 2026-03-31, 237 days to 2026-11-23: 1,200 × 12 % × 237 / 365 = 93.50.
        Assert.Equal(new LateCharges(93.50m, 40m, 0m), charges["INV-000002"]);
        Assert.Null(charges["INV-000001"]);
        Assert.Null(charges["INV-000003"]);
        Assert.Null(charges["INV-000004"]);
        Assert.Null(charges["INV-000005"]);
    }

    [Fact]
    public void A_rejected_direct_debit_on_an_overdue_invoice_adds_its_50_fee()
    {
        var invoice = Invoice("INV-000006", new DateOnly(2026, 10, 1));
        invoice.Payments.Add(new Payment { Amount = 1200m, ReceivedOn = new DateOnly(2026, 10, 8) });
        invoice.Payments.Add(new Payment { Amount = 1200m, ReceivedOn = new DateOnly(2026, 10, 12), Kind = PaymentKind.DirectDebitRejection });

        var charges = OverdueCharges.On(invoice, Today);

        // Due 2026-10-31, 23 days to 2026-11-23: 1,200 × 12 % × 23 / 365 = 9.07.
        Assert.Equal(new LateCharges(9.07m, 40m, 50m), charges);
    }
}
