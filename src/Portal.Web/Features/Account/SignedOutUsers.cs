namespace Portal.Web.Features.Account;

/// <summary>
/// Tells live Blazor circuits, at once, that a User was deactivated or changed role: their circuit's
/// authentication state turns anonymous (see IdentityRevalidatingAuthenticationStateProvider).
/// Circuits on other servers notice at their next revalidation.
/// </summary>
public sealed class SignedOutUsers
{
    public event Action<string>? SignedOut;

    public void SignOut(IEnumerable<string> userIds)
    {
        foreach (var id in userIds) SignedOut?.Invoke(id);
    }
}
