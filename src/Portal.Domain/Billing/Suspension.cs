using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>SEO §11.1.2: from when the Provider may suspend the Client's access for a missing SEPA mandate.</summary>
public static class Suspension
{
    /// <summary>SEO §11.1.2: monthly billing needs a SEPA mandate within ten days of the Effective Date.</summary>
    public const int MandateGraceDays = 10;

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
