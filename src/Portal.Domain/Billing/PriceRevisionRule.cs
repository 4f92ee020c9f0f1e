using Portal.Domain.Clients;
using Portal.Domain.Subscription;

namespace Portal.Domain.Billing;

/// <summary>
/// SEO §10.3: at each anniversary, P(t) = P(t-1) × S(t) / S(t-1) with the Syntec index, except for online orders.
/// (<see cref="PriceRevision"/> is the record of a revision once applied.)
/// </summary>
public static class PriceRevisionRule
{
    /// <summary>SEO §10.3: new prices are announced at least 30 days before the notice period opens.</summary>
    public const int AnnouncementDays = 30;

    /// <summary>The revised unit price, to the cent; the next revision starts from this rounded price.</summary>
    public static decimal Revise(decimal previousPrice, decimal previousIndex, decimal newIndex) =>
        // SEO §10.3 has no floor: a falling index lowers the price, as the formula says.
        Money.Round(previousPrice * newIndex / previousIndex);

    /// <summary>Why no revision can be entered for <paramref name="anniversary"/>; null when it can.</summary>
    public static string? RefusalFor(PaymentMethod method, bool isTrial, DateOnly anniversary, DateOnly announceBy, DateOnly today,
        bool alreadyRevised)
    {
        if (method == PaymentMethod.Online) return "Prices of online orders are not revised (SEO §10.3).";
        if (isTrial) return "A free trial has no price to revise.";
        if (alreadyRevised) return "Prices are already revised for this anniversary.";
        // SEO §10.3: announced at least 30 days before the notice period opens, so the Client can still decide not to renew.
        if (today > announceBy)
            return $"Too late for this anniversary: new prices had to be announced by {announceBy:yyyy-MM-dd}, 30 days before the notice period opens.";
        return null;
    }

    /// <summary>What each subscription line would cost after revision, for staff to check before applying it.</summary>
    public static RevisionPreview Preview(PaymentMethod method, IEnumerable<ScheduledLine> lines, decimal previousIndex, decimal newIndex)
    {
        if (method == PaymentMethod.Online)
            return RevisionPreview.Refused("Prices of online orders are not revised (SEO §10.3).");
        if (previousIndex <= 0 || newIndex <= 0)
            return RevisionPreview.Refused("Enter both Syntec index values: each must be greater than zero.");

        // SEO §10.2: professional services were invoiced in full on signature, so only subscriptions are revised.
        return new RevisionPreview(null, [.. lines
            .Where(l => l.Kind == OrderLineKind.Subscription)
            .Select(l => new RevisedLine(l.Description, l.Quantity, l.UnitPriceExclVat, Revise(l.UnitPriceExclVat, previousIndex, newIndex)))]);
    }

    /// <summary>
    /// The order form's lines at the prices in force on <paramref name="day"/>: every revision whose anniversary has come,
    /// applied in turn to the subscription lines (P(t) from P(t-1), each rounded to the cent). The order form keeps
    /// the signed prices; an invoice takes the prices of the day its period starts, so a revision entered early never
    /// reaches an invoice of the period before it.
    /// </summary>
    public static IReadOnlyList<ScheduledLine> LinesOn(IEnumerable<ScheduledLine> lines, IEnumerable<PriceRevision> revisions, DateOnly day)
    {
        var applied = revisions.ToList();
        return [.. lines.Select(l => l.Kind != OrderLineKind.Subscription ? l : l with { UnitPriceExclVat = PriceOn(l.UnitPriceExclVat, applied, day) })];
    }

    /// <summary>
    /// A yearly price signed on the order form (a subscription line's, or the price of an extra seat) as in force on
    /// <paramref name="day"/>: every revision whose anniversary has come, applied in turn, each rounded to the cent.
    /// </summary>
    public static decimal PriceOn(decimal signedPrice, IEnumerable<PriceRevision> revisions, DateOnly day) =>
        revisions.Where(r => r.Anniversary <= day).OrderBy(r => r.Anniversary)
            .Aggregate(signedPrice, (price, r) => Revise(price, r.PreviousIndex, r.NewIndex));

    /// <summary>The Syntec index prices stand on now: the last revision's, or the order form's base index.</summary>
    public static decimal? IndexInForce(decimal? baseIndex, IEnumerable<PriceRevision> revisions) =>
        revisions.OrderBy(r => r.Anniversary).LastOrDefault()?.NewIndex ?? baseIndex;

    /// <summary>
    /// The last day to announce new prices for the period after <paramref name="current"/>: the notice period
    /// opens the day after the notice deadline (31 October → 1 November), so the announcement is due by 2 October.
    /// </summary>
    public static DateOnly AnnounceBy(ServicePeriod current, int announcementDays = AnnouncementDays) =>
        current.NoticeDeadline.AddDays(1 - announcementDays);
}

/// <param name="Refusal">Why no revision applies; null when the lines are revised.</param>
public sealed record RevisionPreview(string? Refusal, IReadOnlyList<RevisedLine> Lines)
{
    public bool IsAllowed => Refusal is null;

    public static RevisionPreview Refused(string why) => new(why, []);
}

/// <param name="PreviousUnitPrice">P(t-1), per year excl. VAT.</param>
/// <param name="RevisedUnitPrice">P(t), per year excl. VAT.</param>
public sealed record RevisedLine(string Description, decimal Quantity, decimal PreviousUnitPrice, decimal RevisedUnitPrice)
{
    public decimal PreviousAmount => Money.Round(Quantity * PreviousUnitPrice);
    public decimal RevisedAmount => Money.Round(Quantity * RevisedUnitPrice);
}
