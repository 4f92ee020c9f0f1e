using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>Why no invoice is coming.</summary>
public enum NoNextInvoice
{
    /// <summary>IAM §11.3: a free trial is not invoiced.</summary>
    Trial,

    /// <summary>SEO §14.4: the final invoice of an early end gathered every fee left; nothing follows it.</summary>
    FinalInvoiceIssued,

    /// <summary>A termination notice ends the contract before another period starts.</summary>
    ContractEnds,

    /// <summary>The order form calls for nothing more (professional services only, already invoiced).</summary>
    NothingScheduled,
}

/// <param name="IssueOn">When the schedule issues it.</param>
/// <param name="AmountExclVat">The schedule's lines plus the charges waiting for it (VAT depends on the buyer, added at issue).</param>
/// <param name="PendingChargesExclVat">The part of the amount that is charges waiting for the next invoice (e.g. extra seats).</param>
public sealed record UpcomingInvoice(DateOnly IssueOn, DateOnly PeriodStart, DateOnly PeriodEnd, decimal AmountExclVat, decimal PendingChargesExclVat);

/// <summary>The next invoice the billing schedule will issue after today, or why there is none: the ClientAdmin's "Next invoice".</summary>
public sealed record NextInvoice(UpcomingInvoice? Invoice, NoNextInvoice? None)
{
    /// <param name="lastDayOfService">When a termination notice ends the contract: no period starts after it.</param>
    /// <param name="finalInvoiceIssued">Whether the final invoice of an early end was issued.</param>
    /// <param name="pendingChargesExclVat">Charges not yet billed: the issuer adds every one to the next invoice.</param>
    public static NextInvoice For(OrderForm form, DateOnly today, DateOnly? lastDayOfService = null, bool finalInvoiceIssued = false,
        decimal pendingChargesExclVat = 0m)
    {
        if (form.IsTrial) return new(null, NoNextInvoice.Trial);
        if (finalInvoiceIssued) return new(null, NoNextInvoice.FinalInvoiceIssued);

        // Every schedule issues at least once a year (SEO §10.2), after the Effective Date or signature if still ahead;
        // 13 months also covers an anniversary on 29 February.
        var from = new[] { today, form.EffectiveDate, form.SignedOn }.Max();
        var next = BillingSchedule.For(form, from.AddMonths(13), lastDayOfService).FirstOrDefault(i => i.IssueOn > today);
        if (next is null) return new(null, lastDayOfService is null ? NoNextInvoice.NothingScheduled : NoNextInvoice.ContractEnds);
        return new(new UpcomingInvoice(next.IssueOn, next.PeriodStart, next.PeriodEnd,
            next.TotalExclVat + pendingChargesExclVat, pendingChargesExclVat), null);
    }
}
