using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Web.Data;

namespace Portal.Web.Features.Account;

public static class AccountFeature
{
    /// <summary>ASP.NET Core Identity: cookie sign-in, lockout, TOTP two-factor, password reset by e-mail.</summary>
    public static void AddAccountFeature(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "Portal.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // After Identity's own (30-minute) stamp check: a deactivated User is refused on the next request.
            var identityCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await identityCheck(context);
                if (context.Principal is not null) await SessionCheck.ValidateAsync(context);
            };
        });
        services.AddSingleton<SignedOutUsers>();
        services.AddAuthorization();

        services.AddIdentityCore<PortalUser>(o =>
            {
                // Accounts are created by the Provider or by a Client's administrator, never by self-registration.
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                // Issue #3: lock the account after 5 failed attempts.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDb>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddSingleton<IEmailSender<PortalUser>, AccountEmails>();
    }

    /// <summary>Identity's own endpoints (sign-out is a real POST).</summary>
    public static void MapAccountEndpoints(this WebApplication app) => app.MapAdditionalIdentityEndpoints();
}
