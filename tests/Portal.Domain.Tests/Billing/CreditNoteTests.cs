using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>A correction is a credit note: positive amounts, same sequence, never more than was invoiced.</summary>
public class CreditNoteTests
{
    private static readonly DateOnly IssuedOn = new(2025, 3, 10);

    private static InvoiceLine Line(string description, decimal quantity, decimal unitPrice) =>
        new() { Description = description, Quantity = quantity, UnitPriceExclVat = unitPrice, VatRate = 0.20m };

    /// <summary>INV-000041: 12 seats at 41.67 = 500.04 and 2 days of services at 650.00 = 1,300.00; 1,800.04 excl. VAT.</summary>
    private static Invoice Invoice41() => new()
    {
        ClientId = Guid.NewGuid(), Sequence = 41, Number = "INV-000041", Kind = InvoiceKind.Invoice,
        IssuedOn = new(2025, 1, 15), DueOn = new(2025, 2, 14), PeriodStart = new(2025, 1, 15), PeriodEnd = new(2026, 1, 14),
        Culture = "fr", BuyerLegalName = "Client SA", BuyerAddress = "1 rue de la Paix, 75002 Paris", BuyerVatNumber = "FR40303265045",
        PurchaseOrderReference = "PO-778", VatTreatment = VatTreatment.FrenchVat, BuyerSiren = "303265045", VatOnDebits = true,
        Lines = [Line("Seats", 12, 41.67m), Line("Services (days)", 2, 650m)],
    };

    private static CreditNoteDraft Credit(Invoice invoice, IEnumerable<Invoice> earlier, params CreditedLine[] lines) =>
        CreditNote.For(invoice, earlier, lines, 42, IssuedOn);

    [Fact]
    public void Crediting_2_of_12_seats_gives_INV_000042_a_credit_note_of_83_34_plus_16_67_VAT_in_positive_amounts()
    {
        var invoice = Invoice41();

        var draft = Credit(invoice, [], new CreditedLine(0, 2));

        Assert.True(draft.IsAllowed);
        var note = draft.CreditNote!;
        Assert.Equal(("INV-000042", 42L, InvoiceKind.CreditNote, invoice.Id), (note.Number, note.Sequence, note.Kind, note.CorrectsInvoiceId));
        Assert.Equal((83.34m, 16.67m, 100.01m), (note.TotalExclVat, note.TotalVat, note.TotalInclVat));
        var line = Assert.Single(note.Lines);
        Assert.Equal(("Seats", 2m, 41.67m, 0.20m), (line.Description, line.Quantity, line.UnitPriceExclVat, line.VatRate));
    }

    [Fact]
    public void The_credit_note_copies_the_buyer_period_VAT_treatment_and_purchase_order_of_the_invoice_and_is_due_at_issue()
    {
        var invoice = Invoice41();

        var note = Credit(invoice, [], new CreditedLine(1, 1)).CreditNote!;

        Assert.Equal((invoice.ClientId, invoice.BuyerLegalName, invoice.BuyerAddress, invoice.BuyerVatNumber, invoice.PurchaseOrderReference),
            (note.ClientId, note.BuyerLegalName, note.BuyerAddress, note.BuyerVatNumber, note.PurchaseOrderReference));
        Assert.Equal((invoice.PeriodStart, invoice.PeriodEnd, invoice.VatTreatment, invoice.Culture),
            (note.PeriodStart, note.PeriodEnd, note.VatTreatment, note.Culture));
        Assert.Equal((IssuedOn, IssuedOn), (note.IssuedOn, note.DueOn));
        Assert.Equal((invoice.BuyerSiren, invoice.OperationNature, invoice.VatOnDebits), (note.BuyerSiren, note.OperationNature, note.VatOnDebits));
        Assert.Equal(0m, note.AmountOutstanding);
    }

    [Fact]
    public void Crediting_every_line_in_full_reverses_the_whole_invoice_2160_05()
    {
        var invoice = Invoice41();

        var note = Credit(invoice, [], new CreditedLine(0, 12), new CreditedLine(1, 2)).CreditNote!;

        Assert.Equal((invoice.TotalExclVat, invoice.TotalVat, invoice.TotalInclVat), (note.TotalExclVat, note.TotalVat, note.TotalInclVat));
        Assert.Equal(2160.05m, note.TotalInclVat);
    }

    [Fact]
    public void Crediting_13_of_12_seats_is_refused()
    {
        Assert.Equal("Line 1 (Seats): 12 left to credit, not 13.", Credit(Invoice41(), [], new CreditedLine(0, 13)).Refusal);
    }

    [Fact]
    public void After_a_credit_note_for_10_seats_only_2_are_left_so_3_is_refused_and_2_accepted()
    {
        var invoice = Invoice41();
        var earlier = Credit(invoice, [], new CreditedLine(0, 10)).CreditNote!;

        Assert.Equal("Line 1 (Seats): 2 left to credit, not 3.", Credit(invoice, [earlier], new CreditedLine(0, 3)).Refusal);
        Assert.True(Credit(invoice, [earlier], new CreditedLine(0, 2)).IsAllowed);
    }

    [Fact]
    public void The_same_line_asked_twice_in_one_credit_note_adds_up_7_and_6_of_12_is_refused()
    {
        Assert.Equal("Line 1 (Seats): 5 left to credit, not 6.", Credit(Invoice41(), [], new CreditedLine(0, 7), new CreditedLine(0, 6)).Refusal);
    }

    [Fact]
    public void Credit_notes_for_another_invoice_do_not_count()
    {
        var invoice = Invoice41();
        var other = Credit(Invoice41(), [], new CreditedLine(0, 12)).CreditNote!;

        Assert.True(Credit(invoice, [other], new CreditedLine(0, 12)).IsAllowed);
    }

    [Fact]
    public void After_an_earlier_credit_note_of_1500_with_other_wording_only_300_04_is_left_so_the_services_1300_are_refused()
    {
        var invoice = Invoice41();
        var gesture = new Invoice
        {
            Number = "INV-000042", Kind = InvoiceKind.CreditNote, CorrectsInvoiceId = invoice.Id, Culture = "fr",
            BuyerLegalName = "Client SA", BuyerAddress = "Paris", Lines = [Line("Commercial gesture", 1, 1500m)],
        };

        var draft = CreditNote.For(invoice, [gesture], [new CreditedLine(1, 2)], 43, IssuedOn);

        Assert.Equal("Only 300.04 EUR excl. VAT is left to credit on INV-000041.", draft.Refusal);
        Assert.Null(draft.CreditNote);
    }

    [Theory]
    [InlineData(2, 1, "The invoice has no line 3.")]
    [InlineData(-1, 1, "The invoice has no line 0.")]
    [InlineData(0, 0, "Line 1: the quantity to credit must be more than 0.")]
    [InlineData(0, -2, "Line 1: the quantity to credit must be more than 0.")]
    public void A_line_that_does_not_exist_or_a_quantity_of_zero_or_less_is_refused(int index, int quantity, string refusal)
    {
        Assert.Equal(refusal, Credit(Invoice41(), [], new CreditedLine(index, quantity)).Refusal);
    }

    [Fact]
    public void A_credit_note_with_no_line_is_refused()
    {
        Assert.Equal("Choose at least one line to credit.", Credit(Invoice41(), []).Refusal);
    }

    [Fact]
    public void A_credit_note_cannot_itself_be_credited()
    {
        var note = Credit(Invoice41(), [], new CreditedLine(0, 1)).CreditNote!;

        Assert.Equal("A credit note corrects an invoice, not another credit note.", Credit(note, [], new CreditedLine(0, 1)).Refusal);
    }
    [Fact]
    public void A_line_rounded_once_833_33_for_1000_seats_credits_its_share_and_the_last_part_the_rest_to_the_cent()
    {
        var invoice = Invoice41();
        invoice.Lines = [new InvoiceLine { Description = "Seats", Quantity = 1000, UnitPriceExclVat = 0.8333m, VatRate = 0.20m, InvoicedAmountExclVat = 833.33m }];

        var first = Credit(invoice, [], new CreditedLine(0, 300)).CreditNote!;
        var rest = Credit(invoice, [first], new CreditedLine(0, 700)).CreditNote!;

        Assert.Equal(250m, first.TotalExclVat);  // 833.33 × 300 / 1000 = 249.999
        Assert.Equal(583.33m, rest.TotalExclVat); // what is left of the line, not 1000 × 0.8333
        Assert.Equal(833.33m, first.TotalExclVat + rest.TotalExclVat);
        Assert.Equal(250m, CreditNote.AmountFor(invoice.Lines[0], 300));
    }
}
