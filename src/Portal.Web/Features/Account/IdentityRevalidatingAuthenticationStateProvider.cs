using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Features.Account;

// This is a server-side AuthenticationStateProvider that revalidates the security stamp for the connected user
// every minute an interactive circuit is connected, and signs the circuit out at once when the User is
// deactivated on this server (DOMAIN "Seats": a removed User can no longer sign in, at once).
internal sealed class IdentityRevalidatingAuthenticationStateProvider
    : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly SignedOutUsers signedOutUsers;

    public IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options, SignedOutUsers signedOutUsers) : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.signedOutUsers = signedOutUsers;
        signedOutUsers.SignedOut += OnSignedOut;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    private void OnSignedOut(string userId) => _ = SignOutIfCurrentAsync(userId);

    private async Task SignOutIfCurrentAsync(string userId)
    {
        var state = await GetAuthenticationStateAsync();
        if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId)
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    protected override void Dispose(bool disposing)
    {
        signedOutUsers.SignedOut -= OnSignedOut;
        base.Dispose(disposing);
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        // A live circuit ends too when its User may no longer sign in (deactivated, or the Client's access closed).
        return await ValidateSecurityStampAsync(userManager, authenticationState.User)
               && await userManager.GetUserAsync(authenticationState.User) is { } user
               && await scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>().CanSignInAsync(user);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else if (user.DeactivatedAt is not null)
        {
            return false;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
