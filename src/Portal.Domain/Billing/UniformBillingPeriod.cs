using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>
/// SEO §10.2: when subscriptions with different billing periods are ordered together, all of them are
/// billed on the period of the services that make up the largest amount.
/// </summary>
public static class UniformBillingPeriod
{
    public static BillingFrequency For(BillingFrequency orderFormFrequency, IEnumerable<ScheduledLine> lines)
    {
        // SEO §10.2: professional services are invoiced once on signature, so they have no period to weigh.
        var byFrequency = lines
            .Where(l => l.Kind == OrderLineKind.Subscription)
            .GroupBy(l => l.OwnFrequency ?? orderFormFrequency)
            .Select(g => (Frequency: g.Key, AnnualAmount: g.Sum(l => l.Amount)))
            .ToList();
        if (byFrequency.Count == 0) return orderFormFrequency;

        // SEO §10.2: on a tie, the longest period wins, annual in advance being the contract's default.
        return byFrequency
            .OrderByDescending(g => g.AnnualAmount)
            .ThenByDescending(g => CalendarBillingPeriod.MonthsIn(g.Frequency))
            .First().Frequency;
    }
}
