using Portal.Domain.Billing;
using Portal.Domain.Subscription;

namespace Portal.Domain.Seats;

/// <summary>
/// DOMAIN "Seats": the price of extra seats pro rata to the rest of the current service period, excl. VAT.
/// </summary>
public static class ExtraSeatPrice
{
    /// <summary>The most seats one request may ask for; more is a new order form, negotiated with the AccountManager.</summary>
    public const int MaxPerRequest = 500;

    /// <summary>
    /// One extra seat from <paramref name="from"/> (included) to the end of the period that holds it: the annual seat price ×
    /// days left ÷ the days of the real contract year (365 or 366, <see cref="ProRata.ForDays"/>), rounded to the cent.
    /// </summary>
    /// <param name="annualSeatPrice">The seat price in force on <paramref name="from"/>; see the overload with revisions.</param>
    public static decimal PerSeat(decimal annualSeatPrice, SubscriptionTerm term, DateOnly from) =>
        ProRata.ForDays(annualSeatPrice, term.EffectiveDate, from, term.PeriodOn(from).End);

    /// <summary>
    /// SEO §10.3: the same at the seat price in force on <paramref name="from"/>: the order form's, revised by every Syntec
    /// revision whose anniversary has come (what the quote shows and the approval charges).
    /// </summary>
    public static decimal PerSeat(decimal signedSeatPrice, SubscriptionTerm term, DateOnly from, IEnumerable<PriceRevision> revisions) =>
        PerSeat(PriceRevisionRule.PriceOn(signedSeatPrice, revisions, from), term, from);

    /// <summary>
    /// <paramref name="seats"/> extra seats: the per-seat price × seats, so the quote and the invoice line
    /// (quantity × unit price) always agree to the cent.
    /// </summary>
    public static decimal For(int seats, decimal annualSeatPrice, SubscriptionTerm term, DateOnly from) =>
        seats * PerSeat(annualSeatPrice, term, from);

    /// <summary>SEO §10.3: <paramref name="seats"/> extra seats at the revised seat price (<see cref="PerSeat(decimal, SubscriptionTerm, DateOnly, IEnumerable{PriceRevision})"/>).</summary>
    public static decimal For(int seats, decimal signedSeatPrice, SubscriptionTerm term, DateOnly from, IEnumerable<PriceRevision> revisions) =>
        seats * PerSeat(signedSeatPrice, term, from, revisions);

    /// <summary>Null when <paramref name="seats"/> may be requested, else why not.</summary>
    public static string? Problem(int seats) => seats switch
    {
        < 1 => "Ask for at least one seat.",
        > MaxPerRequest => $"Ask for at most {MaxPerRequest} seats at once; for more, contact your account manager.",
        _ => null,
    };
}
