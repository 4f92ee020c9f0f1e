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

    /// <summary>Whether <paramref name="seats"/> more Users fit under the cap.</summary>
    public bool CanTake(int seats = 1) => Used + seats <= Cap;

    /// <summary>How many seats to request so that <paramref name="seats"/> more Users fit: at least 1.</summary>
    public int Shortfall(int seats = 1) => Math.Max(1, Used + seats - Cap);

    /// <summary>Counts the seat holders of a Client (its own Users and its Subsidiaries' together, SEO §5.1).</summary>
    public static SeatCap Count(int cap, IEnumerable<UserStatus> users) => new(cap, users.Count(Seats.TakesSeat));
}

/// <summary>Where a named User stands, as the seat list shows it.</summary>
public enum UserStatus
{
    /// <summary>Can sign in (a person with a password) or act (a service account).</summary>
    Active,

    /// <summary>Invited and not yet accepted; the seat is held for them (an expired link too, until revoked).</summary>
    Invited,

    /// <summary>Removed by an administrator or with their Subsidiary: no sign-in, no seat.</summary>
    Deactivated,
}

public static class Seats
{
    /// <summary>
    /// SEO §5.1, IAM §12.17: an active or invited User takes a seat, person or service account alike; a
    /// deactivated one gives it back. The database count uses the same rule (DeactivatedAt is null).
    /// </summary>
    public static bool TakesSeat(UserStatus status) => status != UserStatus.Deactivated;
}
