using Portal.Domain.People;

namespace Portal.Domain.Staff;

/// <summary>What a staff member acting as a ClientAdmin may not do: the Client's own commitments and its own keys.</summary>
public enum GuardedAction
{
    AcceptTerms,
    FileNotice,
    WithdrawNotice,
    SepaMandate,
    SeatRequest,
    BillingContacts,
    Credentials,
    TwoFactor,
}

/// <summary>An answer of <see cref="ImpersonationPolicy"/>: allowed, or refused with the message to show (an English resx key).</summary>
public sealed record PolicyAnswer(bool Allowed, string? Message)
{
    public static readonly PolicyAnswer Yes = new(true, null);
    public static PolicyAnswer No(string message) => new(false, message);
}

/// <summary>
/// DOMAIN "Impersonation": who may act as whom, for how long, and what is refused while they do.
/// The one place these rules live; services ask it through NotWhileImpersonating (Portal.Web).
/// </summary>
public static class ImpersonationPolicy
{
    /// <summary>DOMAIN: 30 minutes unless the Provider's settings say otherwise.</summary>
    public const int DefaultMinutes = 30;

    /// <summary>DOMAIN: "never more than 60", whatever the settings or the request say.</summary>
    public const int MaxMinutes = 60;

    /// <summary>
    /// Refused whatever page or endpoint is used: each is a commitment or a secret of the Client itself
    /// (SEO §2.1 acceptance, SEO §3 notices, SEPA mandate, seats bought, where invoices go, credentials and 2FA).
    /// </summary>
    public static PolicyAnswer Allows(GuardedAction action, bool impersonating) => !impersonating
        ? PolicyAnswer.Yes
        : PolicyAnswer.No(action switch
        {
            GuardedAction.AcceptTerms => "Terms cannot be accepted while acting for a Client: only the Client's own administrator can accept them.",
            GuardedAction.FileNotice => "A termination notice cannot be filed while acting for a Client: only the Client's own administrator can file it.",
            GuardedAction.WithdrawNotice => "A termination notice cannot be withdrawn while acting for a Client: only the Client's own administrator can withdraw it.",
            GuardedAction.SepaMandate => "A SEPA mandate cannot be signed while acting for a Client: only the Client's own administrator can sign it.",
            GuardedAction.SeatRequest => "Seats cannot be requested while acting for a Client: only the Client's own administrator can order them.",
            GuardedAction.BillingContacts => "Billing contacts cannot be changed while acting for a Client: only the Client's own administrators decide where invoices go.",
            GuardedAction.Credentials => "Passwords, e-mail addresses and profiles cannot be changed while acting for a Client.",
            GuardedAction.TwoFactor => "Two-factor authentication cannot be changed while acting for a Client.",
            _ => "This action is not allowed while acting for a Client.",
        });

    /// <summary>
    /// May this staff member start acting as this person? Only an AccountManager assigned to the Client, or a
    /// ProviderAdmin; only as a ClientAdmin (never a ClientUser or staff); never from inside another impersonation;
    /// always with a reason.
    /// </summary>
    /// <param name="staffRoles">The roles of the person asking.</param>
    /// <param name="assignedToClient">Whether they are an AccountManager assigned to the target's Client.</param>
    /// <param name="targetRoles">The roles of the person to act as.</param>
    public static PolicyAnswer MayStart(IReadOnlyCollection<string> staffRoles, bool assignedToClient, bool alreadyImpersonating,
        IReadOnlyCollection<string> targetRoles, bool targetActive, string? reason)
    {
        if (alreadyImpersonating)
            return PolicyAnswer.No("Stop acting for the current Client before acting for another one.");
        if (!StaffPermissions.MayActFor(staffRoles, assignedToClient))
            return staffRoles.Contains(Role.AccountManager)
                ? PolicyAnswer.No("You can only act for Clients assigned to you. Ask a Provider administrator to assign this Client to you.")
                : PolicyAnswer.No("Only the Client's Account Managers and Provider administrators can act for a Client.");
        if (!targetRoles.Contains(Role.ClientAdmin) || !targetActive)
            return PolicyAnswer.No("You can only act as an active administrator of the Client.");
        if (string.IsNullOrWhiteSpace(reason))
            return PolicyAnswer.No("Give the reason for acting for this Client: the Client's administrators will read it.");
        return PolicyAnswer.Yes;
    }

    /// <summary>How long a session lasts: the requested (or configured) minutes, at least 1, never more than <see cref="MaxMinutes"/>.</summary>
    public static TimeSpan Duration(int? requestedMinutes, int configuredDefault = DefaultMinutes) =>
        TimeSpan.FromMinutes(Math.Clamp(requestedMinutes ?? configuredDefault, 1, MaxMinutes));
}
