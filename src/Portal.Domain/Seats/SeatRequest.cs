namespace Portal.Domain.Seats;

/// <summary>A ClientAdmin's request for more seats past the cap, decided by the AccountManager.</summary>
public class SeatRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public int ExtraSeats { get; set; }

    /// <summary>The pro-rata price shown when the request was made, excl. VAT.</summary>
    public decimal QuotedPriceExclVat { get; set; }
    public required string RequestedByUserId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public SeatRequestStatus Status { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why the AccountManager declined, shown to the Client.</summary>
    public string? DecisionNote { get; set; }
}

public enum SeatRequestStatus { Pending, Approved, Declined }
