using Portal.Domain.Subscription;

namespace Portal.Domain.Clients;

/// <summary>
/// The signed order form: it has precedence over every other contract document (SEO §1) and
/// carries the contract's own durations, which default to the Provider's settings.
/// </summary>
public class OrderForm
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public required string Reference { get; set; }
    public DateOnly SignedOn { get; set; }

    /// <summary>SEO §3: the subscription term runs from this date.</summary>
    public DateOnly EffectiveDate { get; set; }
    public int InitialPeriodMonths { get; set; } = 12;
    public int ExtensionPeriodMonths { get; set; } = 12;

    /// <summary>SEO §3: a non-renewal notice must arrive this many months before the period ends.</summary>
    public int NoticePeriodMonths { get; set; } = 2;

    public BillingFrequency BillingFrequency { get; set; } = BillingFrequency.Annual;
    public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.BankTransfer;

    /// <summary>SEO §5.1: the number of named Users, Subsidiaries' Users included.</summary>
    public int SeatCap { get; set; }

    /// <summary>SEO §5.1: the annual price of one seat beyond the cap, excl. VAT; extra seats cost it pro rata.</summary>
    public decimal SeatPriceExclVat { get; set; }

    /// <summary>IAM §11.3: a free trial ends on this date and its data may be lost after.</summary>
    public DateOnly? TrialEndsOn { get; set; }

    /// <summary>IAM §2: the reseller Partner the Client bought through, if any.</summary>
    public string? PartnerName { get; set; }

    /// <summary>SEO §11.2: printed on every invoice when the Client gave one.</summary>
    public string? PurchaseOrderReference { get; set; }

    /// <summary>SEO §10.3: the Syntec index value and date prices were set at.</summary>
    public decimal? SyntecBaseIndex { get; set; }
    public DateOnly? SyntecBaseDate { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public bool IsTrial => TrialEndsOn is not null;

    /// <summary>
    /// SEO §10.2: the period every subscription line is billed on: the order form's, or that of the lines with the largest
    /// amount when lines carry their own. What monthly-only rules (the SEPA mandate, SEO §11.1.2) must look at.
    /// </summary>
    public BillingFrequency BilledEvery =>
        Billing.UniformBillingPeriod.For(BillingFrequency, Lines.Select(Billing.ScheduledLine.From));

    /// <summary>The subscription term this order form sets (SEO §3).</summary>
    public SubscriptionTerm Term => new(EffectiveDate, InitialPeriodMonths, ExtensionPeriodMonths, NoticePeriodMonths);
}

public class OrderLine
{
    public int Id { get; set; }
    public Guid OrderFormId { get; set; }

    /// <summary>In English: every line has it, and English invoices print it.</summary>
    public required string Description { get; set; }

    /// <summary>In French, printed on the invoices of a French-speaking Client; null falls back to <see cref="Description"/>.</summary>
    public string? DescriptionFr { get; set; }

    public OrderLineKind Kind { get; set; }
    public decimal Quantity { get; set; }

    /// <summary>SEO §10.1: prices exclude VAT. For a subscription, the price per year.</summary>
    public decimal UnitPriceExclVat { get; set; }

    /// <summary>
    /// SEO §10.2: a subscription line's own billing period when the order form gives one (null: the order form's). The schedule
    /// bills every line on the period of the lines with the largest amount (<see cref="Billing.UniformBillingPeriod"/>).
    /// Professional services have none: they are invoiced in full on signature.
    /// </summary>
    public BillingFrequency? BillingFrequency { get; set; }

    /// <summary>The description in the invoice's language.</summary>
    public string DescriptionIn(string culture) => Billing.InvoiceLanguage.Pick(culture, Description, DescriptionFr);
}

public enum OrderLineKind { Subscription, ProfessionalServices }

public enum BillingFrequency { Annual, Quarterly, Monthly }

public enum PaymentMethod { BankTransfer, SepaDirectDebit, Online }
