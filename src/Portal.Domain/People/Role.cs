namespace Portal.Domain.People;

/// <summary>The five roles of DOMAIN.md "People and what they may do". The names are stored as Identity roles.</summary>
public static class Role
{
    public const string ClientAdmin = nameof(ClientAdmin);
    public const string ClientUser = nameof(ClientUser);
    public const string AccountManager = nameof(AccountManager);
    public const string Support = nameof(Support);
    public const string ProviderAdmin = nameof(ProviderAdmin);

    public static readonly IReadOnlyList<string> All = [ClientAdmin, ClientUser, AccountManager, Support, ProviderAdmin];

    /// <summary>Client people see only their own Client; Provider staff work across Clients.</summary>
    public static bool IsClientRole(string role) => role is ClientAdmin or ClientUser;

    public static bool IsStaffRole(string role) => role is AccountManager or Support or ProviderAdmin;
}
