namespace Portal.Domain.Seats;

/// <summary>
/// SEO §5.1: named Users up to the cap on the order form. Persons and service accounts, of the
/// Client and of its Subsidiaries, each take a seat while active or invited.
/// </summary>
public readonly record struct SeatCap(int Cap, int Used)
{
    public int Free => Math.Max(0, Cap - Used);
    public bool IsFull => Used >= Cap;

    /// <summary>0–100, for the usage bar; over 100 never shows even if the cap was lowered below use.</summary>
    public double PercentUsed => Cap <= 0 ? 100 : Math.Min(100, 100.0 * Used / Cap);
}
