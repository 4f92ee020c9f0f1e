using System.Security.Claims;
using MudBlazor;
using Portal.Domain.People;

namespace Portal.Web.Shared.Layout;

/// <summary>One entry of the side navigation: shown to the roles that may use the page behind it.</summary>
public sealed record NavEntry(string Href, string Title, string Icon, IReadOnlyList<string> Roles, bool MatchAll = false);

/// <summary>
/// The side navigation, as data: each role sees only what it may use (DOMAIN "People and what
/// they may do"). An entry is added here when its page works, never before.
/// </summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("/", "Dashboard", Icons.Material.Outlined.Dashboard, Role.All, MatchAll: true),
        new("/terms", "Contract documents", Icons.Material.Outlined.Gavel, [Role.ClientAdmin, Role.ClientUser]),
        new("/subscription", "Subscription", Icons.Material.Outlined.EventRepeat, [Role.ClientAdmin]),
        new("/invoices", "Invoices", Icons.Material.Outlined.ReceiptLong, [Role.ClientAdmin]),
        new("/seats", "Users and seats", Icons.Material.Outlined.Group, [Role.ClientAdmin]),
        new("/subsidiaries", "Subsidiaries", Icons.Material.Outlined.AccountTree, [Role.ClientAdmin]),
        new("/termination", "Termination", Icons.Material.Outlined.EventBusy, [Role.ClientAdmin]),
        new("/staff/clients", "Clients", Icons.Material.Outlined.Business, [Role.AccountManager, Role.ProviderAdmin]),
        new("/staff/invoices", "Billing", Icons.Material.Outlined.RequestQuote, [Role.AccountManager, Role.Support, Role.ProviderAdmin]),
        new("/staff/seat-requests", "Seat requests", Icons.Material.Outlined.GroupAdd, [Role.AccountManager, Role.ProviderAdmin]),
        new("/staff/subsidiaries", "Subsidiaries", Icons.Material.Outlined.AccountTree, [Role.AccountManager, Role.ProviderAdmin]),
        new("/staff/notices", "Termination notices", Icons.Material.Outlined.EventBusy, [Role.AccountManager, Role.ProviderAdmin]),
        new("/staff/audit", "Audit log", Icons.Material.Outlined.History, [Role.Support, Role.ProviderAdmin]),
        new("/staff/acceptances", "Acceptance records", Icons.Material.Outlined.FactCheck, [Role.Support, Role.ProviderAdmin]),
        new("/staff/documents", "Contract documents", Icons.Material.Outlined.Gavel, [Role.ProviderAdmin]),
        new("/staff/settings", "Provider settings", Icons.Material.Outlined.Settings, [Role.ProviderAdmin]),
        new("/staff/people", "Staff", Icons.Material.Outlined.Badge, [Role.ProviderAdmin]),
        new("/Account/Manage", "Profile and security", Icons.Material.Outlined.ManageAccounts, Role.All),
    ];

    public static IEnumerable<NavEntry> For(ClaimsPrincipal user) =>
        Entries.Where(e => e.Roles.Any(user.IsInRole));
}
