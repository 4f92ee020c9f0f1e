namespace Portal.Domain.Billing;

/// <summary>SEO §11.3.2: what a late payer owes on top of the invoice.</summary>
public static class LateInterest
{
    /// <summary>SEO §11.3.2: "1 % monthly", taken as 12 % a year counted per day over 365 days.</summary>
    public const decimal AnnualRate = 0.12m;

    /// <summary>SEO §11.3.2: the fixed collection indemnity, once per invoice paid late.</summary>
    public const decimal CollectionIndemnity = 40m;

    /// <summary>SEO §11.3.2: the handling fee for each rejected SEPA direct debit.</summary>
    public const decimal DirectDebitRejectionFee = 50m;

    /// <summary>Interest, indemnity and rejection fees on an invoice of <paramref name="amountDue"/> (incl. VAT) as of a day.</summary>
    public static LateCharges On(decimal amountDue, DateOnly dueOn, IEnumerable<Payment> payments, DateOnly asOf,
        decimal annualRate = AnnualRate, decimal indemnity = CollectionIndemnity, decimal rejectionFee = DirectDebitRejectionFee)
    {
        var received = payments.Where(p => p.ReceivedOn <= asOf).OrderBy(p => p.ReceivedOn).ToList();
        var (interest, wasLate) = Accrued(amountDue, dueOn, Collections(received), asOf, annualRate);
        var rejections = received.Count(p => p.Kind == PaymentKind.DirectDebitRejection);
        return new LateCharges(interest, wasLate ? indemnity : 0m, rejections * rejectionFee);
    }

    /// <summary>
    /// One day of interest for each day after the due date up to and including the day of payment, on what was
    /// still outstanding that day: paid on the due date → nothing; the day after → one day.
    /// </summary>
    private static (decimal Interest, bool WasLate) Accrued(decimal amountDue, DateOnly dueOn, List<(DateOnly On, decimal Amount)> received,
        DateOnly asOf, decimal annualRate)
    {
        // SEO §11.4 lets the Provider allocate partial payments: they go to the invoice first, so interest runs
        // on the invoice's outstanding balance; it is simple interest, never charged on interest.
        var balance = amountDue - received.Where(p => p.On <= dueOn).Sum(p => p.Amount);
        var (interest, wasLate, from) = (0m, false, dueOn);
        foreach (var day in received.Where(p => p.On > dueOn).Select(p => p.On).Distinct().Append(asOf))
        {
            if (day <= from) continue;
            // SEO §11.3.2: the 40 EUR is owed once per invoice as soon as any part is unpaid after the due date.
            if (balance > 0)
                (interest, wasLate) = (interest + balance * annualRate * (day.DayNumber - from.DayNumber) / 365, true);
            balance -= received.Where(p => p.On == day).Sum(p => p.Amount);
            from = day;
        }
        return (Money.Round(interest), wasLate);
    }

    /// <summary>
    /// The money that really came in, by day. SEO §11.3.2 runs interest "from the due date until payment", and a rejected
    /// direct debit was never a payment (DOMAIN): each rejection cancels the collections it reverses (the latest on or
    /// before it first), as if they had never come in. 500 due 8 December, collected 8 December, rejected 10 December,
    /// paid 20 December: twelve days of interest, not ten.
    /// </summary>
    private static List<(DateOnly On, decimal Amount)> Collections(List<Payment> received)
    {
        var money = received.Where(p => p.Kind != PaymentKind.DirectDebitRejection)
            .Select(p => (p.ReceivedOn, p.Amount, Collected: p.Kind == PaymentKind.Payment)).ToList();
        foreach (var rejection in received.Where(p => p.Kind == PaymentKind.DirectDebitRejection))
        {
            var left = rejection.Amount;
            for (var i = money.Count - 1; i >= 0 && left > 0; i--)
            {
                // Only a collection can bounce, not a credit note's settlement (PaymentEntry refuses more than was collected).
                if (!money[i].Collected || money[i].ReceivedOn > rejection.ReceivedOn) continue;
                var taken = Math.Min(left, money[i].Amount);
                money[i] = money[i] with { Amount = money[i].Amount - taken };
                left -= taken;
            }
        }
        return [.. money.Where(m => m.Amount > 0).Select(m => (m.ReceivedOn, m.Amount))];
    }
}

/// <param name="Interest">Late-payment interest, to the cent.</param>
/// <param name="Indemnity">The 40 EUR collection indemnity, when any part was unpaid after the due date.</param>
/// <param name="RejectionFees">50 EUR for each rejected direct debit.</param>
public sealed record LateCharges(decimal Interest, decimal Indemnity, decimal RejectionFees)
{
    public decimal Total => Interest + Indemnity + RejectionFees;
}
