using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Security;
using Portal.Web.Data;

namespace Portal.Web.Features.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Sign-out must be a real POST (with its antiforgery token), so it is an endpoint, not a page.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<PortalUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalPath.OrRoot(returnUrl));
        });

        return accountGroup;
    }
}
