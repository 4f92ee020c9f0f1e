using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>SEO §11.1.2 and §11.3: from when the Provider may suspend the Client's access for a payment matter.</summary>
public static class Suspension
{
    /// <summary>SEO §11.3.2: fifteen days after a formal notice to pay that went unheeded.</summary>
    public const int AfterFormalNoticeDays = 15;

    /// <summary>SEO §11.3.1: three days for an online order.</summary>
    public const int OnlineOrderAfterFormalNoticeDays = 3;

    /// <summary>SEO §11.1.2: monthly billing needs a SEPA mandate within ten days of the Effective Date.</summary>
    public const int MandateGraceDays = 10;

    /// <summary>
    /// The first day access may be suspended for an unpaid invoice: a notice sent on 1 March allows suspension
    /// from 16 March (4 March for an online order), as long as the sums stay unpaid.
    /// </summary>
    public static DateOnly AfterFormalNotice(DateOnly noticeSentOn, PaymentMethod method,
        int days = AfterFormalNoticeDays, int onlineOrderDays = OnlineOrderAfterFormalNoticeDays) =>
        noticeSentOn.AddDays(method == PaymentMethod.Online ? onlineOrderDays : days);

    /// <summary>
    /// SEO §11.1.2: with monthly billing and no SEPA mandate, access may be suspended from the tenth day after the
    /// Effective Date until the mandate is signed. Billing goes on meanwhile: the schedule does not look at this.
    /// </summary>
    /// <param name="mandateSignedOn">When the mandate in force was signed; null when there is none (never given, or revoked).</param>
    public static bool AllowedForMissingMandate(DateOnly effectiveDate, BillingFrequency frequency, DateOnly? mandateSignedOn,
        DateOnly today, int graceDays = MandateGraceDays) =>
        // SEO §11.1.2 names monthly billing only: quarterly and annual invoices can be paid by transfer.
        frequency == BillingFrequency.Monthly
        && today >= effectiveDate.AddDays(graceDays)
        // A mandate signed on a day counts for that whole day.
        && (mandateSignedOn is null || mandateSignedOn > today);
}
