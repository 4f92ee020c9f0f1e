using Portal.Domain.People;

namespace Portal.Domain.Staff;

/// <summary>
/// DOMAIN "The Provider and its staff": staff must use two-factor (a Provider setting, on by default, off in the
/// demo data). Someone without it is sent to set it up before any staff page. (A passkey will count too, once
/// passkeys exist: it is one more way for <c>hasTwoFactor</c> to be true.)
/// </summary>
public static class StaffTwoFactor
{
    /// <summary>Where a staff member without two-factor is sent: Identity's authenticator set-up.</summary>
    public const string SetUpPath = "/Account/Manage/EnableAuthenticator";

    /// <summary>When a ProviderProfile does not exist yet (a new installation) the setting is on.</summary>
    public const bool DefaultRequired = true;

    /// <param name="roles">The signed-in person's roles.</param>
    /// <param name="impersonated">Acting for a Client: the staff member passed this gate to start, and wears the Client's roles now.</param>
    /// <param name="required">The Provider setting "Require two-factor for staff".</param>
    /// <param name="hasTwoFactor">Whether the account has two-factor turned on.</param>
    public static bool MustSetUp(IEnumerable<string> roles, bool impersonated, bool required, bool hasTwoFactor) =>
        required && !impersonated && !hasTwoFactor && roles.Any(Role.IsStaffRole);
}
