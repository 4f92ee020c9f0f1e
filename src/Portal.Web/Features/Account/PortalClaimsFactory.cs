using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>Writes <see cref="PortalClaims"/> into the principal at sign-in.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.ClientId is { } clientId)
            identity.AddClaim(new Claim(PortalClaims.ClientId, clientId.ToString()));
        return identity;
    }
}
