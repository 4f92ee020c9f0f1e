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
    /// One extra seat from <paramref name="from"/> (included) to the end of the period that holds it: the annual
    /// seat price × days left ÷ days in the year (<see cref="ProRata.ForDays"/>), rounded to the cent.
    /// </summary>
    public static decimal PerSeat(decimal annualSeatPrice, SubscriptionTerm term, DateOnly from) =>
        ProRata.ForDays(annualSeatPrice, from, term.PeriodOn(from).End);

    /// <summary>
    /// <paramref name="seats"/> extra seats: the per-seat price × seats, so the quote and the invoice line
    /// (quantity × unit price) always agree to the cent.
    /// </summary>
    public static decimal For(int seats, decimal annualSeatPrice, SubscriptionTerm term, DateOnly from) =>
        seats * PerSeat(annualSeatPrice, term, from);

    /// <summary>Null when <paramref name="seats"/> may be requested, else why not.</summary>
    public static string? Problem(int seats) => seats switch
    {
        < 1 => "Ask for at least one seat.",
        > MaxPerRequest => $"Ask for at most {MaxPerRequest} seats at once; for more, contact your account manager.",
        _ => null,
    };
}
