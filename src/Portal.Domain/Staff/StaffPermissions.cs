using Portal.Domain.People;

namespace Portal.Domain.Staff;

/// <summary>
/// DOMAIN "People": which Provider staff may act on a Client (impersonate, record order forms, invoices,
/// payments, credit notes, acknowledge notices), and which read every Client.
/// </summary>
public static class StaffPermissions
{
    /// <summary>DOMAIN "People": Support reads all Clients, a ProviderAdmin everything; an AccountManager only the Clients assigned to them.</summary>
    public static bool ReadsAllClients(IReadOnlyCollection<string> roles) =>
        roles.Contains(Role.ProviderAdmin) || roles.Contains(Role.Support);

    /// <summary>A ProviderAdmin acts on every Client; an AccountManager only on the Clients assigned to them; Support never (read-only).</summary>
    public static bool MayActFor(IReadOnlyCollection<string> roles, bool assignedToClient) =>
        roles.Contains(Role.ProviderAdmin) || (roles.Contains(Role.AccountManager) && assignedToClient);

    /// <summary>Only ProviderAdmins assign AccountManagers to Clients ("manage Clients and staff").</summary>
    public static bool MayAssignAccountManagers(IReadOnlyCollection<string> roles) => roles.Contains(Role.ProviderAdmin);

    /// <summary>Creating a Client records its order form: AccountManagers and ProviderAdmins.</summary>
    public static bool MayCreateClients(IReadOnlyCollection<string> roles) =>
        roles.Contains(Role.ProviderAdmin) || roles.Contains(Role.AccountManager);
}
