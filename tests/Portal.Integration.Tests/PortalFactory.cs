using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Integration.Tests;

/// <summary>The real portal on a temporary SQLite file, seeded with the demo data.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string Password = DemoData.Password;
    private readonly string folder = Directory.CreateTempSubdirectory("portal-it-").FullName;
    private TestDatabase? database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        database ??= new TestDatabase(folder);
        database.Apply(builder);
        builder.UseSetting("Portal:SeedDemoData", "true");
        builder.UseSetting("Portal:MailPickupFolder", Path.Combine(folder, "mail"));
        // The shared demo accounts sign in far more often than people do, all from one address:
        // the rate limits are tested with small limits of their own (Security/RateLimitTests).
        foreach (var limit in new[] { "SignIn", "SignInPerAddress", "PasswordReset", "Invitation", "DataExport", "AuditedNotFound" })
            builder.UseSetting($"Portal:RateLimits:{limit}:PermitLimit", "100000");
        builder.ConfigureServices(s => s.ConfigureDbContext<PortalDb>(o => o.AddInterceptors(Commands), ServiceLifetime.Singleton));
    }

    /// <summary>The database commands of each request sent with <see cref="DbCommandLog.Header"/>.</summary>
    public DbCommandLog Commands { get; } = new();

    public string MailFolder => Path.Combine(folder, "mail");

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A PortalDb scoped as the given Client person or staff would have it.</summary>
    public PortalDb OpenAs(Actor actor)
    {
        var db = Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
        db.Actor = actor;
        return db;
    }

    /// <summary>
    /// A service scope whose signed-in user is <paramref name="email"/>, as in a Blazor circuit, to call a
    /// feature service directly; with <paramref name="impersonatedBy"/>, as a staff member acting for them.
    /// </summary>
    public async Task<AsyncServiceScope> ScopeAsAsync(string email, string? impersonatedBy = null)
    {
        var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
                   ?? throw new InvalidOperationException(email);
        var principal = await sp.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user);
        if (impersonatedBy is not null)
            ((ClaimsIdentity)principal.Identity!).AddClaims(
                [new Claim(PortalClaims.ImpersonatorId, "staff-id"), new Claim(PortalClaims.ImpersonatorEmail, impersonatedBy)]);
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>Posts the sign-in form as a browser would (antiforgery token included) and returns the response.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password = Password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var fields = HiddenFields(form);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string email)
    {
        var client = factory.Browser();
        var response = await PostSignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The antiforgery token a page's forms carry, as the form field a POST sends back.</summary>
    public static Dictionary<string, string> TokenOf(string html) => new()
    {
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(
            Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value),
    };

    public static Dictionary<string, string> HiddenFields(string html) =>
        Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Attr(m.Value, "name"), Value: Attr(m.Value, "value")))
            .Where(f => f.Name is not null)
            .GroupBy(f => f.Name!).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Value ?? ""));

    private static string? Attr(string tag, string name) =>
        Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database?.Dispose();
        database = null;
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(nameof(PortalCollection))]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>;
