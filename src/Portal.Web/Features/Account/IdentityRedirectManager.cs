using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Domain.Security;
using Portal.Web.Data;
using Portal.Web.Features.Account.Shared;

namespace Portal.Web.Features.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager, IStringLocalizer<UserText> T)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// Goes to <paramref name="uri"/> when it is on this site (a page's "Account/Login", an address of this portal, or a
    /// ReturnUrl that <see cref="LocalPath"/> accepts), else to "/": an off-site or malformed ReturnUrl never errors.
    /// </summary>
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalPath.OrRoot(SitePath(uri)));

    private string? SitePath(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri[0] == '/') return uri;
        if (Uri.TryCreate(uri, UriKind.Absolute, out _))
            return uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
                ? "/" + navigationManager.ToBaseRelativePath(uri)
                : null;
        return "/" + uri; // relative to the site's root, as the pages write them
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<PortalUser> userManager, HttpContext context)
        => RedirectToWithStatus(
            "Account/InvalidUser",
            StatusMessage.ErrorPrefix + T["We could not load the account with the ID {0}.", userManager.GetUserId(context.User) ?? ""],
            context);
}
