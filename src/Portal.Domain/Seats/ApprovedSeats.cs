using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Subscription;

namespace Portal.Domain.Seats;

/// <summary>
/// Extra seats approved during a service period are charged pro rata to its end, once (a <see cref="PendingCharge"/>);
/// from the next period on they are billed like the order form's own lines, at the annual price of one seat.
/// The order form keeps what was signed; the schedule adds this line to the periods that follow an approval.
/// </summary>
public static class ApprovedSeats
{
    public const string LineDescription = "Additional named User seats (annual)";
    public const string LineDescriptionFr = "Sièges d'utilisateurs nommés supplémentaires (annuel)";

    /// <param name="approvals">When each request was approved and how many seats it added.</param>
    /// <returns>The lines an invoice for a period starting on <paramref name="periodStart"/> bills.</returns>
    public static IReadOnlyList<ScheduledLine> LinesOn(IReadOnlyList<ScheduledLine> lines, SubscriptionTerm term, decimal annualSeatPrice,
        IEnumerable<(DateOnly ApprovedOn, int Seats)> approvals, DateOnly periodStart)
    {
        // Seats approved in an earlier service period: that period's rest was charged on approval, this one is not yet.
        var seats = approvals.Where(a => term.PeriodOn(a.ApprovedOn).End < periodStart).Sum(a => a.Seats);
        return seats == 0 || annualSeatPrice <= 0
            ? lines
            : [.. lines, new ScheduledLine(LineDescription, OrderLineKind.Subscription, seats, annualSeatPrice) { DescriptionFr = LineDescriptionFr }];
    }
}
