using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>What an issued invoice holds: the period's lines, the waiting charges, the buyer's VAT and details, the due date.</summary>
public class InvoiceIssueTests
{
    private static readonly ScheduledInvoice April = new("sub:2027-04-01", new(2027, 4, 1), new(2027, 4, 1), new(2027, 4, 30), new(2027, 4, 8),
        [new ScheduledInvoiceLine("Subscription", 1, 500m)]);

    private static Client Buyer(string country, string? vat) => new()
    {
        Number = "C-0009", LegalName = "Buyer SA", Country = country, VatNumber = vat, Culture = "fr",
        Address = new PostalAddress("1 rue de la Paix", null, "75002", "Paris", "FR"),
    };

    private static readonly OrderForm Form = new() { Reference = "OF-1", PaymentMethod = PaymentMethod.BankTransfer, PurchaseOrderReference = "PO-9" };

    [Theory]
    [InlineData("FR", "FR40303265045", VatTreatment.FrenchVat, 100)]
    [InlineData("DE", "DE811234567", VatTreatment.ReverseCharge, 0)]
    [InlineData("DE", null, VatTreatment.FrenchVat, 100)]
    [InlineData("US", null, VatTreatment.OutsideEu, 0)]
    public void A_500_EUR_invoice_carries_the_VAT_of_the_buyers_establishment(string country, string? vat, VatTreatment treatment, int vatAmount)
    {
        var invoice = InvoiceIssue.For(April, Buyer(country, vat), Form, [], 7, new(2027, 4, 1));

        Assert.Equal((treatment, (decimal)vatAmount), (invoice.VatTreatment, invoice.TotalVat));
    }

    [Fact]
    public void Issued_late_on_9_April_it_is_dated_9_April_due_9_May_by_transfer_and_keeps_the_period_it_bills()
    {
        var invoice = InvoiceIssue.For(April, Buyer("FR", null), Form, [], 7, new(2027, 4, 9));

        Assert.Equal(("INV-000007", new DateOnly(2027, 4, 9), new DateOnly(2027, 5, 9)), (invoice.Number, invoice.IssuedOn, invoice.DueOn));
        Assert.Equal((new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), "sub:2027-04-01"), (invoice.PeriodStart, invoice.PeriodEnd, invoice.ScheduleKey));
        Assert.Equal(("Buyer SA", "1 rue de la Paix\n75002 Paris\nFR", "PO-9"), (invoice.BuyerLegalName, invoice.BuyerAddress, invoice.PurchaseOrderReference));
    }

    [Fact]
    public void Two_extra_seats_waiting_at_35_50_are_added_after_the_periods_lines_with_the_same_VAT()
    {
        var seats = new PendingCharge { Description = "2 extra seats", Quantity = 2, UnitPriceExclVat = 35.50m, Source = "SeatRequest:1" };

        var invoice = InvoiceIssue.For(April, Buyer("FR", null), Form, [seats], 7, new(2027, 4, 1));

        Assert.Equal(["Subscription", "2 extra seats"], invoice.Lines.Select(l => l.Description));
        Assert.All(invoice.Lines, l => Assert.Equal(0.20m, l.VatRate));
        Assert.Equal((571m, 114.20m, 685.20m), (invoice.TotalExclVat, invoice.TotalVat, invoice.TotalInclVat));
    }

    [Fact]
    public void A_negative_quantity_is_refused_rather_than_issued()
    {
        var wrong = April with { Lines = [new ScheduledInvoiceLine("Subscription", -1, 500m)] };

        Assert.Throws<ArgumentException>(() => InvoiceIssue.For(wrong, Buyer("FR", null), Form, [], 7, new(2027, 4, 1)));
    }

    [Fact]
    public void The_final_invoice_of_May_and_June_names_each_period_on_its_line_and_spans_both()
    {
        var may = April with { Key = "sub:2027-05-01", PeriodStart = new(2027, 5, 1), PeriodEnd = new(2027, 5, 31) };
        var june = April with { Key = "sub:2027-06-01", PeriodStart = new(2027, 6, 1), PeriodEnd = new(2027, 6, 30) };

        var final = InvoiceIssue.Final([may, june], "final:Termination:1")!;
        var issued = InvoiceIssue.For(final, Buyer("FR", null), Form, [], 9, new(2027, 5, 1));

        Assert.Equal(["Subscription (2027-05-01 – 2027-05-31)", "Subscription (2027-06-01 – 2027-06-30)"], issued.Lines.Select(l => l.Description));
        Assert.Equal([(new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 31)), (new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 30))],
            final.Lines.Select(l => (l.ServiceFrom!.Value, l.ServiceTo!.Value)));
        Assert.Equal((new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 30), 1_000m), (final.PeriodStart, final.PeriodEnd, final.TotalExclVat));
        Assert.Null(InvoiceIssue.Final([], "final:x"));
    }

    [Fact]
    public void April_billed_to_the_10th_at_166_67_leaves_333_33_for_the_11th_to_the_30th_and_a_whole_period_leaves_nothing()
    {
        var partial = InvoiceIssue.For(April with { PeriodEnd = new(2027, 4, 10), Lines = [new ScheduledInvoiceLine("Subscription", 1, 166.67m)] },
            Buyer("FR", null), Form, [], 7, new(2027, 4, 1));
        var whole = InvoiceIssue.For(April, Buyer("FR", null), Form, [], 8, new(2027, 4, 1));

        var rest = InvoiceIssue.Remainder(April, partial)!;

        Assert.Equal((new DateOnly(2027, 4, 11), new DateOnly(2027, 4, 30), 333.33m), (rest.PeriodStart, rest.PeriodEnd, rest.TotalExclVat));
        Assert.Null(InvoiceIssue.Remainder(April, whole));
    }

    [Fact]
    public void Three_seats_approved_on_10_March_join_the_lines_of_periods_starting_after_that_service_period_ends()
    {
        var term = new Portal.Domain.Subscription.SubscriptionTerm(new(2026, 12, 1), 12, 12, 2);
        IReadOnlyList<ScheduledLine> signed = [new("Subscription", OrderLineKind.Subscription, 1, 6_000m)];
        (DateOnly, int)[] approvals = [(new(2027, 3, 10), 3)];

        var april = Portal.Domain.Seats.ApprovedSeats.LinesOn(signed, term, 240m, approvals, new(2027, 4, 1));
        var december = Portal.Domain.Seats.ApprovedSeats.LinesOn(signed, term, 240m, approvals, new(2027, 12, 1));

        Assert.Single(april);
        Assert.Equal((Portal.Domain.Seats.ApprovedSeats.LineDescription, 3m, 240m), (december[1].Description, december[1].Quantity, december[1].UnitPriceExclVat));
        Assert.Equal(Portal.Domain.Seats.ApprovedSeats.LineDescriptionFr, december[1].DescriptionFr);
    }
    private static readonly ScheduledLine ThousandSeats = new("Named User seats (annual price)", OrderLineKind.Subscription, 1_000, 10m)
    {
        DescriptionFr = "Sièges d'utilisateurs nommés (prix annuel)",
    };

    private static ScheduledInvoice October() =>
        BillingSchedule.For(new BillingTerms(new(2025, 7, 20), new(2025, 8, 1), BillingFrequency.Monthly, PaymentMethod.SepaDirectDebit),
            [ThousandSeats], new(2025, 10, 1)).Single(i => i.Key == "sub:2025-10-01");

    [Fact]
    public void The_issued_line_keeps_the_amount_rounded_once_833_33_for_1000_seats_a_month_in_the_buyers_language()
    {
        var invoice = InvoiceIssue.For(October(), Buyer("FR", null), Form, [], 7, new(2025, 10, 1));

        var line = Assert.Single(invoice.Lines);
        Assert.Equal(("Sièges d'utilisateurs nommés (prix annuel)", 1_000m, 0.8333m, 833.33m), (line.Description, line.Quantity, line.UnitPriceExclVat, line.AmountExclVat));
        Assert.Equal((833.33m, 166.67m, 1_000m), (invoice.TotalExclVat, invoice.TotalVat, invoice.TotalInclVat));
    }

    [Fact]
    public void Given_the_resx_wording_a_monthly_line_is_labelled_as_one_month_and_loses_its_annual_price_mention()
    {
        var invoice = InvoiceIssue.For(October(), Buyer("FR", null), Form, [], 7, new(2025, 10, 1),
            describe: label => string.Format(System.Globalization.CultureInfo.InvariantCulture, label.Template.Replace("{1}", "{1:yyyy-MM-dd}").Replace("{2}", "{2:yyyy-MM-dd}"), label.Args));

        Assert.Equal("Sièges d'utilisateurs nommés, 1 month (2025-10-01 to 2025-10-31)", invoice.Lines[0].Description);
    }

    [Fact]
    public void A_French_buyer_gets_its_SIREN_on_the_invoice_and_the_VAT_on_debits_option_is_copied_in_when_taken()
    {
        var buyer = Buyer("FR", "FR32552100554");
        buyer.RegistrationNumber = "RCS Paris 552 100 554";

        var invoice = InvoiceIssue.For(April, buyer, Form, [], 7, new(2027, 4, 1), vatOnDebits: true);
        var german = InvoiceIssue.For(April, Buyer("DE", "DE811234567"), Form, [], 8, new(2027, 4, 1));

        Assert.Equal(("552100554", true, OperationNature.Services), (invoice.BuyerSiren, invoice.VatOnDebits, invoice.OperationNature));
        Assert.Equal((null, false), (german.BuyerSiren, german.VatOnDebits));
    }

    [Fact]
    public void What_is_left_of_October_billed_to_the_10th_is_its_amount_less_what_was_invoiced_to_the_cent()
    {
        var terms = new BillingTerms(new(2025, 7, 20), new(2025, 8, 1), BillingFrequency.Monthly, PaymentMethod.SepaDirectDebit);
        var cut = BillingSchedule.For(terms, [ThousandSeats], new(2025, 10, 1), lastDayOfService: new(2025, 10, 10)).Single(i => i.Key == "sub:2025-10-01");
        var partial = InvoiceIssue.For(cut, Buyer("FR", null), Form, [], 7, new(2025, 10, 1));

        var rest = InvoiceIssue.Remainder(October(), partial)!;

        // The last day of service closes the billing of the year: 10,000 × (2 + 10/31) / 12 = 1,935.48 to date, less 1,666.67.
        Assert.Equal(268.81m, partial.TotalExclVat);
        Assert.Equal((new DateOnly(2025, 10, 11), 564.52m), (rest.PeriodStart, rest.TotalExclVat));
        Assert.Equal(833.33m, partial.TotalExclVat + rest.TotalExclVat);
        Assert.Equal(new DateOnly(2025, 10, 11), rest.Lines[0].ServiceFrom);
    }
}
