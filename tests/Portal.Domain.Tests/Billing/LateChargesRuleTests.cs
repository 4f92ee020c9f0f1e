using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Termination;

namespace Portal.Domain.Tests.Billing;

/// <summary>DOMAIN "Late payment": late charges stay owed until they are invoiced or waived (with a reason, who, when).</summary>
public class LateChargesRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static Client Buyer() => new()
    {
        Number = "C-0001", LegalName = "Acme Industries SA", Country = "FR", VatNumber = "FR32552100554", Culture = "fr",
        RegistrationNumber = "RCS Paris 552 100 554", Address = new PostalAddress("8 avenue de la Grande Armée", null, "75017", "Paris", "FR"),
    };

    private static readonly OrderForm Form = new() { Reference = "OF-2025-014", PaymentMethod = PaymentMethod.BankTransfer };

    /// <summary>12,000.00 excl. VAT, 14,400.00 incl.: an annual invoice issued 1 August, due 31 August.</summary>
    private static Invoice Annual(int year, string number, params Payment[] payments) => new()
    {
        Number = number, Kind = InvoiceKind.Invoice, IssuedOn = new(year, 8, 1), DueOn = new(year, 8, 31), Culture = "fr",
        BuyerLegalName = "Acme Industries SA", BuyerAddress = "Paris", VatTreatment = VatTreatment.FrenchVat,
        Lines = [new InvoiceLine { Description = "Portal subscription", Quantity = 1, UnitPriceExclVat = 12_000m, VatRate = 0.20m }],
        Payments = [.. payments],
    };

    private static Payment Paid(int year, int month, int day, decimal amount = 14_400m, PaymentKind kind = PaymentKind.Payment) =>
        new() { ReceivedOn = new(year, month, day), Amount = amount, Kind = kind };

    // ---- Open point: "money still owed" includes the late charges, shown apart as owed as of today ----

    [Fact]
    public void Acme_today_owes_14400_on_its_unpaid_invoice_plus_489_75_of_late_charges_449_75_interest_and_the_40_indemnity()
    {
        var first = Annual(2025, "INV-000001", Paid(2025, 8, 22)); // paid on time
        var second = Annual(2026, "INV-000004");                  // due 31 August 2026, unpaid 95 days later

        var owed = OwedToday.Of([first, second], [], new DateOnly(2026, 12, 4));

        Assert.Equal(14_400m, owed.UnpaidInclVat);
        Assert.Equal(new LateCharges(449.75m, 40m, 0m), owed.LateCharges); // 14,400 × 12 % × 95 / 365 = 449.753
        Assert.Equal(489.75m, owed.LateCharges.Total);
        Assert.Equal(14_889.75m, owed.TotalInclVat);
    }

    [Fact]
    public void The_money_owed_on_termination_adds_the_late_charges_as_of_today()
    {
        var owedToday = OwedToday.Of([Annual(2026, "INV-000004")], [], new DateOnly(2026, 12, 4));
        var term = new Portal.Domain.Subscription.SubscriptionTerm(new DateOnly(2025, 8, 1), 12, 12, 2);
        var billing = new BillingTerms(new DateOnly(2025, 7, 22), new DateOnly(2025, 8, 1), BillingFrequency.Annual, PaymentMethod.BankTransfer);
        ScheduledLine[] lines = [new("Portal subscription", OrderLineKind.Subscription, 1, 12_000m)];

        var owed = Portal.Domain.Termination.TerminationRules.Owed(Portal.Domain.Termination.TerminationKind.NonRenewal, new DateOnly(2027, 7, 31),
            term, billing, lines, new HashSet<string> { "sub:2025-08-01", "sub:2026-08-01" }, owedToday, vatRate: 0.20m);

        Assert.Equal((14_400m, 0m, 489.75m, new DateOnly(2026, 12, 4)), (owed.UnpaidInclVat, owed.FeesToInvoiceExclVat, owed.LateChargesToday.Total, owed.LateChargesAsOf));
        Assert.Equal(14_889.75m, owed.TotalInclVat);
    }

    // ---- Open point: late charges are invoiced, not lost ----

    [Fact]
    public void Once_a_late_invoice_is_paid_its_charges_stay_visible_and_no_longer_grow()
    {
        var paidLate = Annual(2026, "INV-000004", Paid(2026, 9, 30)); // 30 days late

        var onPayment = LateChargesRule.Open(paidLate, [], new DateOnly(2026, 9, 30));
        var later = LateChargesRule.Open(paidLate, [], new DateOnly(2027, 3, 1));

        Assert.Equal(new LateCharges(142.03m, 40m, 0m), onPayment); // 14,400 × 12 % × 30 / 365
        Assert.Equal(onPayment, later);
        Assert.Equal(onPayment, OverdueCharges.On(paidLate, [], new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void A_paid_late_invoice_becomes_a_late_charges_invoice_interest_and_indemnity_outside_VAT_the_rejection_fee_with_VAT()
    {
        var paidLate = Annual(2026, "INV-000004", Paid(2026, 8, 31), Paid(2026, 9, 2, kind: PaymentKind.DirectDebitRejection), Paid(2026, 9, 30));

        var (invoice, settlement, refusal) = LateChargesRule.ChargesInvoice(paidLate, [], Buyer(), Form, 9, new DateOnly(2026, 10, 1), "am-1", Now);

        Assert.Null(refusal);
        Assert.Equal(("INV-000009", "late:INV-000004", Form.Id), (invoice!.Number, invoice.ScheduleKey, invoice.OrderFormId));
        Assert.Equal(
            [("Late-payment interest on invoice INV-000004", 142.03m, 0m), ("Fixed collection indemnity on invoice INV-000004", 40m, 0m),
             ("Rejected direct debit fees on invoice INV-000004", 50m, 0.20m)],
            invoice.Lines.Select(l => (l.Description, l.AmountExclVat, l.VatRate)));
        Assert.Equal((232.03m, 10m, 242.03m), (invoice.TotalExclVat, invoice.TotalVat, invoice.TotalInclVat));
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), "552100554"), (invoice.PeriodStart, invoice.PeriodEnd, invoice.BuyerSiren));
        Assert.Equal((LateChargesOutcome.Invoiced, invoice.Id, paidLate.Id, "am-1", Now), (settlement!.Outcome, settlement.ChargesInvoiceId, settlement.InvoiceId,
            settlement.DecidedByUserId, settlement.DecidedAt));
        Assert.Null(LateChargesRule.Open(paidLate, [settlement], new DateOnly(2026, 10, 2)));
        Assert.True(LateChargesRule.IsLateChargesInvoice(invoice));
        Assert.Null(LateChargesRule.Open(invoice, [], new DateOnly(2027, 6, 1))); // interest is never charged on interest
    }

    [Fact]
    public void Late_charges_are_waived_with_a_reason_who_and_when_and_then_are_no_longer_owed()
    {
        var paidLate = Annual(2026, "INV-000004", Paid(2026, 9, 30));

        var (settlement, refusal) = LateChargesRule.Waive(paidLate, [], "  Bank error on our side, confirmed by the Client's bank.  ", "am-1", Now);

        Assert.Null(refusal);
        Assert.Equal((LateChargesOutcome.Waived, "Bank error on our side, confirmed by the Client's bank.", "am-1", Now, 182.03m),
            (settlement!.Outcome, settlement.Reason, settlement.DecidedByUserId, settlement.DecidedAt, settlement.Charges.Total));
        Assert.Null(settlement.ChargesInvoiceId);
        Assert.Equal(0m, OwedToday.Of([paidLate], [settlement], new DateOnly(2026, 12, 4)).LateCharges.Total);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_waiver_needs_a_reason(string? reason)
    {
        Assert.Equal("Give the reason for waiving the late charges: it is kept with the decision.",
            LateChargesRule.Waive(Annual(2026, "INV-000004", Paid(2026, 9, 30)), [], reason, "am-1", Now).Refusal!.Template);
        Assert.Equal(["500"], LateChargesRule.Waive(Annual(2026, "INV-000004", Paid(2026, 9, 30)), [], new string('x', 501), "am-1", Now)
            .Refusal!.Args.Select(a => a.ToString()));
    }

    [Fact]
    public void Late_charges_are_settled_once_only_after_full_payment_and_never_for_an_invoice_paid_on_time()
    {
        var unpaid = Annual(2026, "INV-000004");
        var onTime = Annual(2026, "INV-000005", Paid(2026, 8, 31));
        var paidLate = Annual(2026, "INV-000006", Paid(2026, 9, 30));
        var waived = LateChargesRule.Waive(paidLate, [], "Goodwill", "am-1", Now).Settlement!;

        Assert.Equal(new RuleMessage("{0} is not paid in full yet: its late charges keep growing until it is.", "INV-000004").Template,
            LateChargesRule.Settleable(unpaid, []).Refusal!.Template);
        Assert.Equal(("{0} was paid on time: it has no late charges.", "INV-000005"),
            (LateChargesRule.Settleable(onTime, []).Refusal!.Template, LateChargesRule.Settleable(onTime, []).Refusal!.Args[0]));
        Assert.Equal("The late charges of {0} were already waived.",
            LateChargesRule.ChargesInvoice(paidLate, [waived], Buyer(), Form, 10, new DateOnly(2026, 10, 1), "am-1", Now).Refusal!.Template);
    }
}
