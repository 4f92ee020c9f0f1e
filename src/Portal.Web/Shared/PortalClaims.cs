using System.Security.Claims;

namespace Portal.Web.Shared;

/// <summary>The portal's own claims, added to the sign-in cookie next to Identity's id, e-mail and roles.</summary>
public static class PortalClaims
{
    public const string ClientId = "portal:client";
    public const string DisplayName = "portal:name";

    /// <summary>Set while a Provider staff member acts as this ClientAdmin (DOMAIN "Impersonation").</summary>
    public const string ImpersonatorId = "portal:impersonator";
    public const string ImpersonatorEmail = "portal:impersonator_email";

    /// <summary>The ImpersonationSession row the cookie belongs to: the row, not the cookie, says whether it is still on.</summary>
    public const string ImpersonationSessionId = "portal:impersonation";

    public static bool IsImpersonated(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ImpersonatorId);

    public static Guid? ImpersonationSessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ImpersonationSessionId), out var id) ? id : null;

    public static Guid? ClientIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClientId), out var id) ? id : null;

    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
