using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Features.Seats;

namespace Portal.Integration.Tests.Seats;

/// <summary>What the seat and Subsidiary tests share: acting as someone, reading the database, the invitation e-mail.</summary>
internal static class SeatsTestKit
{
    public const string BaseUrl = "http://localhost/";

    public static async Task<T> AsAsync<T>(this PortalFactory portal, string email, Func<SeatService, Task<T>> action, string? impersonatedBy = null)
    {
        await using var scope = await portal.ScopeAsAsync(email, impersonatedBy);
        return await action(scope.ServiceProvider.GetRequiredService<SeatService>());
    }

    public static PortalDb System(this PortalFactory portal) => portal.OpenAs(Actor.System);

    public static async Task<PortalUser> UserAsync(this PortalFactory portal, string email)
    {
        await using var db = portal.System();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    /// <summary>The one-time token of the latest invitation e-mail to <paramref name="email"/>, as the person would click it.</summary>
    public static async Task<string> InvitationTokenAsync(this PortalFactory portal, string email)
    {
        await using var db = portal.System();
        var mail = await db.OutboxEmails.AsNoTracking().Where(m => m.ToEmail == email && m.Reason!.StartsWith("Invitation:"))
            .OrderByDescending(m => m.Id).FirstAsync();
        return Regex.Match(mail.HtmlBody, "invitation\\?token=([A-Za-z0-9_-]+)").Groups[1].Value;
    }

    public static async Task SetCapAsync(this PortalFactory portal, string clientNumber, int cap)
    {
        await using var db = portal.System();
        var form = await db.OrderForms.SingleAsync(o => db.Clients.Any(c => c.Id == o.ClientId && c.Number == clientNumber));
        form.SeatCap = cap;
        await db.SaveChangesAsync();
    }

    /// <summary>Gives a demo User without password one, so a test can sign in as them.</summary>
    public static async Task GivePasswordAsync(this PortalFactory portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var result = await users.AddPasswordAsync(user, PortalFactory.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Posts the invitation page's form as a browser would and returns the response.</summary>
    public static async Task<HttpResponseMessage> AcceptInvitationAsync(HttpClient client, string token, string password)
    {
        var url = $"/invitation?token={token}";
        var page = await client.GetStringAsync(url);
        var fields = Regex.Matches(page, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Regex.Match(m.Value, "name=\"([^\"]*)\"").Groups[1].Value, Value: Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value))
            .Where(f => f.Name.Length > 0).ToDictionary(f => f.Name, f => WebUtility.HtmlDecode(f.Value));
        fields["Input.Password"] = password;
        fields["Input.ConfirmPassword"] = password;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
