using Microsoft.AspNetCore.Identity;

namespace Portal.Web.Data;

/// <summary>
/// Everyone who signs in: a Client's named Users (each takes a seat) and the Provider's staff.
/// A service account is a named User too, without password sign-in.
/// </summary>
public class PortalUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Null for Provider staff.</summary>
    public Guid? ClientId { get; set; }

    /// <summary>Set when the User belongs to one of the Client's Subsidiaries; they still count against the Client's cap.</summary>
    public Guid? SubsidiaryId { get; set; }

    public bool IsServiceAccount { get; set; }

    /// <summary>A service account's purpose, e.g. "nightly ERP synchronisation".</summary>
    public string? ServicePurpose { get; set; }

    /// <summary>The person of the Client answerable for a service account.</summary>
    public string? ServiceOwnerUserId { get; set; }

    /// <summary>A deactivated User keeps the record (acceptance history points at it) but cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>"en" or "fr"; null follows the browser.</summary>
    public string? Culture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The last time the person signed in with their own credentials (password, two-factor, recovery code);
    /// an AccountManager acting as them does not count (DOMAIN "Impersonation"). Shown on /staff/people.
    /// </summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}
