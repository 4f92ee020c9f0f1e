namespace Portal.Domain.People;

/// <summary>
/// DOMAIN "The Provider and its staff": the last ProviderAdmin stays. Without one, nobody could invite staff,
/// publish documents or change the Provider's settings, and only someone with the database could repair it.
/// </summary>
public static class ProviderAdmins
{
    public const string LastAdminMessage =
        "This is the last active Provider administrator. Make someone else a Provider administrator first.";

    /// <summary>Null when the change may go ahead, else why not (an English resx key).</summary>
    /// <param name="activeAdminsNow">Active ProviderAdmins before the change.</param>
    /// <param name="removesAnActiveAdmin">Whether the change deactivates or demotes one of them.</param>
    public static string? Problem(int activeAdminsNow, bool removesAnActiveAdmin) =>
        removesAnActiveAdmin && activeAdminsNow <= 1 ? LastAdminMessage : null;
}

/// <summary>The roles a ProviderAdmin gives staff on /staff/people.</summary>
public static class StaffRoles
{
    public static readonly IReadOnlyList<string> All = [Role.AccountManager, Role.Support, Role.ProviderAdmin];

    public static string? Problem(string? role) =>
        role is not null && All.Contains(role) ? null : "Choose a role: Account Manager, Support or Provider administrator.";
}
