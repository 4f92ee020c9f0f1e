using Portal.Domain.Subscription;
using Portal.Domain.Termination;

namespace Portal.Domain.Clients;

/// <summary>What makes a Client need an AccountManager's attention on /staff/clients.</summary>
public static class ClientWatch
{
    /// <summary>The "renewal within 90 days": time to talk before the period renews (and before its notice deadline).</summary>
    public const int RenewalHorizonDays = 90;

    /// <summary>The current period ends within <paramref name="days"/> days from today (today included).</summary>
    public static bool RenewsWithin(ServicePeriod period, DateOnly today, int days = RenewalHorizonDays) =>
        period.End >= today && period.End.DayNumber - today.DayNumber <= days;

    /// <summary>A notice still running: filed or received, not yet effective, withdrawn or cured.</summary>
    public static bool IsOpen(TerminationStatus status) => status is TerminationStatus.Filed or TerminationStatus.Received;
}
