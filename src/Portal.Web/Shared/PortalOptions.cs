using Portal.Web.Data;

namespace Portal.Web.Shared;

/// <summary>The "Portal" section of appsettings.json: what a provider sets.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    // Portal:Database (Sqlite or PostgreSQL) is read where the database is registered, before options exist: DataRegistration.

    /// <summary>How long start-up keeps retrying (1 s, 2 s, 4 s … up to 30 s apart) a PostgreSQL server it cannot reach before giving up.</summary>
    public TimeSpan DatabaseStartupWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The address users reach Portal at (https in Production): links in e-mails and on the console start with it. See PublicUrl.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Portal:Bootstrap:AdminEmail: for containers, the first ProviderAdmin created at start-up while none exists.</summary>
    public BootstrapSettings Bootstrap { get; set; } = new();

    /// <summary>Write the demo Provider, Clients and accounts into an empty database. Never implied in Production.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Optional: where users get the source of the portal (the footer's "Source code" link, shown only when set).</summary>
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
    public RateLimitSettings RateLimits { get; set; } = new();
}

public sealed class BootstrapSettings
{
    public string? AdminEmail { get; set; }
    public string? AdminName { get; set; }
}
