namespace Portal.Web.Shared.Mail;

/// <summary>When a failed e-mail is tried again, and when the portal gives up on it.</summary>
public static class OutboxRetry
{
    /// <summary>After this many failed attempts the e-mail stays in the outbox, unsent, with its last error.</summary>
    public const int MaxAttempts = 10;

    // Short waits first (a server restarting), then longer ones (an outage someone must fix): about 4.5 days in all.
    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    /// <summary>How long to wait after the <paramref name="failedAttempts"/>-th failure; null once the portal gives up.</summary>
    public static TimeSpan? WaitAfter(int failedAttempts) =>
        failedAttempts >= MaxAttempts ? null : Waits[Math.Clamp(failedAttempts, 1, Waits.Length) - 1];
}
