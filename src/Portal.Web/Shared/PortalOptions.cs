namespace Portal.Web.Shared;

/// <summary>The "Portal" section of appsettings.json: what a provider sets.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Write the demo Provider, Clients and accounts into an empty database. Never implied in Production.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>AGPL §13: where users get the source of the portal they use (the footer's "Source code" link).</summary>
    public string SourceCodeUrl { get; set; } = "";

    /// <summary>Where e-mails are written as .eml files when no SMTP server is configured.</summary>
    public string MailPickupFolder { get; set; } = "data/mail";

    /// <summary>The sender address of the portal's e-mails.</summary>
    public string MailFrom { get; set; } = "portal@provider.test";

    /// <summary>
    /// Whether the timed jobs (outbox sender, deemed acceptance) run by themselves. Tests that set the
    /// clock turn them off and run one pass by hand.
    /// </summary>
    public bool BackgroundJobs { get; set; } = true;

    /// <summary>DOMAIN "Impersonation": how long acting for a Client lasts unless the staff member asks less; capped at 60.</summary>
    public int ImpersonationMinutes { get; set; } = Portal.Domain.Staff.ImpersonationPolicy.DefaultMinutes;

    /// <summary>The product name in the app bar and the browser tab.</summary>
    public string ProductName { get; set; } = "Portal";

    /// <summary>How many sign-in, password reset, invitation and export requests one person or address may make.</summary>
    public Security.RateLimitSettings RateLimits { get; set; } = new();
}
