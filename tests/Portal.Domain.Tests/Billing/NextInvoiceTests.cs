using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>The ClientAdmin's "Next invoice": the first the schedule issues after today, or why none is coming.</summary>
public class NextInvoiceTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>10 seats at 1,200.00 a year from 1 February 2025: 12,000.00 a year, 1,000.00 a month.</summary>
    private static OrderForm Form(BillingFrequency frequency, string effective = "2025-02-01", string? trialEnds = null) => new()
    {
        Reference = "OF-1", SignedOn = Day(effective).AddDays(-10), EffectiveDate = Day(effective), BillingFrequency = frequency,
        TrialEndsOn = trialEnds is null ? null : Day(trialEnds),
        Lines = [new OrderLine { Description = "Seats", Kind = OrderLineKind.Subscription, Quantity = 10, UnitPriceExclVat = 1200m }],
    };

    [Fact]
    public void Annual_from_1_February_2025_seen_on_23_November_2026_is_12000_on_1_February_2027()
    {
        var next = NextInvoice.For(Form(BillingFrequency.Annual), Day("2026-11-23"));

        Assert.Equal(new UpcomingInvoice(Day("2027-02-01"), Day("2027-02-01"), Day("2028-01-31"), 12000m, 0m), next.Invoice);
        Assert.Null(next.None);
    }

    [Fact]
    public void On_the_anniversary_itself_the_next_one_is_a_year_later()
    {
        Assert.Equal(Day("2027-02-01"), NextInvoice.For(Form(BillingFrequency.Annual), Day("2026-02-01")).Invoice!.IssueOn);
    }

    [Fact]
    public void Monthly_seen_on_23_November_is_1000_on_1_December_plus_the_charges_waiting_for_it()
    {
        var next = NextInvoice.For(Form(BillingFrequency.Monthly), Day("2026-11-23"), pendingChargesExclVat: 250m);

        Assert.Equal(new UpcomingInvoice(Day("2026-12-01"), Day("2026-12-01"), Day("2026-12-31"), 1250m, 250m), next.Invoice);
    }

    [Fact]
    public void Before_the_Effective_Date_the_first_invoice_is_on_it()
    {
        var next = NextInvoice.For(Form(BillingFrequency.Annual, effective: "2027-03-01"), Day("2026-11-23"));

        Assert.Equal(Day("2027-03-01"), next.Invoice!.IssueOn);
    }

    [Fact]
    public void A_free_trial_has_no_invoice()
    {
        Assert.Equal(new NextInvoice(null, NoNextInvoice.Trial), NextInvoice.For(Form(BillingFrequency.Annual, trialEnds: "2026-12-03"), Day("2026-11-23")));
    }

    [Fact]
    public void After_the_final_invoice_nothing_more_is_invoiced()
    {
        Assert.Equal(new NextInvoice(null, NoNextInvoice.FinalInvoiceIssued),
            NextInvoice.For(Form(BillingFrequency.Monthly), Day("2026-11-23"), Day("2027-01-31"), finalInvoiceIssued: true));
    }

    [Fact]
    public void A_contract_ending_31_January_2027_has_no_annual_invoice_after_today()
    {
        Assert.Equal(new NextInvoice(null, NoNextInvoice.ContractEnds),
            NextInvoice.For(Form(BillingFrequency.Annual), Day("2026-11-23"), lastDayOfService: Day("2027-01-31")));
    }

    [Fact]
    public void A_monthly_contract_ending_15_December_is_billed_half_of_December_then_nothing()
    {
        var december = NextInvoice.For(Form(BillingFrequency.Monthly), Day("2026-11-23"), lastDayOfService: Day("2026-12-15"));
        var after = NextInvoice.For(Form(BillingFrequency.Monthly), Day("2026-12-02"), lastDayOfService: Day("2026-12-15"));

        Assert.Equal((Day("2026-12-01"), Day("2026-12-15")), (december.Invoice!.PeriodStart, december.Invoice.PeriodEnd));
        Assert.True(december.Invoice.AmountExclVat < 1000m);
        Assert.Equal(NoNextInvoice.ContractEnds, after.None);
    }
}
