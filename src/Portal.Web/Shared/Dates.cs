namespace Portal.Web.Shared;

public static class Dates
{
    /// <summary>Today's date in UTC, the day contract dates (periods, deadlines, due dates) are compared with.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
