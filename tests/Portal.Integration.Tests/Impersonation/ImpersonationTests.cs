using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Features.Terms;
using Portal.Web.Shared.Access;
using Portal.Web.Features.Impersonation;

namespace Portal.Integration.Tests.Impersonation;

/// <summary>
/// Impersonation through the real HTTP pipeline (cookies, the gate, Identity's pages) and the real services, on a
/// portal of its own: each test starts its own sessions and reads the audit entries they wrote.
/// </summary>
public sealed class ImpersonationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Reason = "The Client asked for help with its invoices";

    [Fact]
    public async Task Credentials_and_2FA_pages_are_refused_whatever_the_method_and_each_attempt_is_audited()
    {
        var (browser, sessionId) = await ImpersonatingAcmeAsync();
        var admin = await UserAsync("admin@acme.test");

        var page = await browser.GetAsync("/Account/Manage/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/staff/impersonation/refused?action=Credentials", page.Headers.Location!.OriginalString);

        // With a valid antiforgery token, so that the gate (not the token check) is what refuses.
        var token = Token(await browser.GetStringAsync("/"))["__RequestVerificationToken"];
        var password = await browser.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.OldPassword"] = PortalFactory.Password, ["Input.NewPassword"] = "Another-password-2026!", ["Input.ConfirmPassword"] = "Another-password-2026!",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, password.StatusCode);
        Assert.Contains("cannot be changed while acting for a Client", await password.Content.ReadAsStringAsync());

        var twoFactor = await browser.PostAsync("/Account/Manage/EnableAuthenticator", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Code"] = "123456" }));
        Assert.Equal(HttpStatusCode.Forbidden, twoFactor.StatusCode);
        Assert.Contains("Two-factor authentication cannot be changed", await twoFactor.Content.ReadAsStringAsync());

        Assert.Equal(admin.PasswordHash, (await UserAsync("admin@acme.test")).PasswordHash);
        var refusals = await AuditAsync(e => e.Action == ImpersonationAudit.ActionRefused && e.OnBehalfOfEmail == "admin@acme.test");
        Assert.Contains(refusals, e => e.After!.Contains("\"Credentials\"") && e.ActorEmail == "am@provider.test");
        Assert.Contains(refusals, e => e.After!.Contains("\"TwoFactor\"") && e.ActorEmail == "am@provider.test");
        Assert.True((await SessionAsync(sessionId)).IsActiveAt(DateTimeOffset.UtcNow), "a refusal does not end the session");
    }

    [Fact]
    public async Task Accepting_terms_and_signing_a_SEPA_mandate_are_refused_by_the_services_and_audited()
    {
        await using var scope = await portal.ScopeAsAsync("admin@acme.test", impersonatedBy: "am@provider.test");
        var terms = scope.ServiceProvider.GetRequiredService<TermsService>();
        var amendment = (await terms.OverviewAsync()).Standings.First(s => s.Kind == Portal.Domain.Terms.StandingKind.InNoticeMonth).Version;
        var recordsBefore = await CountAsync(db => db.AcceptanceRecords.CountAsync());

        var accepted = await terms.AcceptAsync(amendment.Id, boxTicked: true, "/terms");
        var mandate = await scope.ServiceProvider.GetRequiredService<SepaMandateService>().RegisterAsync("FR7630006000011234567890189", "AGRIFRPP");

        Assert.Equal("Terms cannot be accepted while acting for a Client: only the Client's own administrator can accept them.", accepted.Error);
        Assert.Equal("A SEPA mandate cannot be signed while acting for a Client: only the Client's own administrator can sign it.", mandate.Error);
        Assert.Equal(recordsBefore, await CountAsync(db => db.AcceptanceRecords.CountAsync()));
        var refusals = await AuditAsync(e => e.Action == ImpersonationAudit.ActionRefused && e.OnBehalfOfEmail == "admin@acme.test");
        Assert.Contains(refusals, e => e.After!.Contains("\"AcceptTerms\""));
        Assert.Contains(refusals, e => e.After!.Contains("\"SepaMandate\""));
    }

    [Theory]
    [InlineData("support@provider.test", "Acme Industries SA", "admin@acme.test", Reason, "Only the Client's Account Managers and Provider administrators")]
    [InlineData("am@provider.test", "Globex GmbH", "admin@globex.test", Reason, "You can only act for Clients assigned to you.")]
    [InlineData("am@provider.test", "Acme Industries SA", "admin@acme.test", "  ", "Give the reason for acting for this Client")]
    [InlineData("am@provider.test", "Acme Industries SA", "user@acme.test", Reason, "You can only act as an active administrator")]
    [InlineData("admin@acme.test", "Acme Industries SA", "admin@acme.test", Reason, "Only the Client's Account Managers and Provider administrators")]
    public async Task A_refused_start_says_why_saves_no_session_and_is_audited(string staff, string client, string target, string reason, string message)
    {
        var clientId = await ClientIdAsync(client);
        var sessionsBefore = await CountAsync(db => db.ImpersonationSessions.CountAsync());

        var result = await StartAsync(staff, clientId, (await UserAsync(target)).Id, reason);

        Assert.Null(result.SessionId);
        Assert.Contains(message, result.Error);
        Assert.Equal(sessionsBefore, await CountAsync(db => db.ImpersonationSessions.CountAsync()));
        Assert.Contains(await AuditAsync(e => e.Action == ImpersonationAudit.StartRefused && e.ClientId == clientId),
            e => e.ActorEmail == staff && e.After!.Contains(message.Split('\'')[0]));
    }

    [Fact]
    public async Task Starting_records_the_session_emails_the_admins_and_stopping_hands_the_browser_back_to_the_AccountManager()
    {
        var admin = await UserAsync("admin@acme.test");
        var (browser, sessionId) = await ImpersonatingAcmeAsync();

        var session = await SessionAsync(sessionId);
        Assert.Equal(30, (session.ExpiresAt - session.StartedAt).TotalMinutes);
        Assert.Equal("am@provider.test", session.StaffEmail);
        await using (var db = portal.OpenAs(Actor.System))
            Assert.Single(await db.OutboxEmails.Where(m => m.Reason == $"Impersonation:{sessionId}").ToListAsync(), m => m.ToEmail == "admin@acme.test");

        var home = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        Assert.Contains("Camille Laurent (am@provider.test) is acting as Hélène Dubois (admin@acme.test) for Acme Industries SA.", home);

        var stop = await browser.PostAsync("/staff/impersonation/stop", new FormUrlEncodedContent(Token(home)));
        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal("/staff/clients/C-0001?ended=stopped", stop.Headers.Location!.OriginalString);
        var ended = await SessionAsync(sessionId);
        Assert.Equal(ImpersonationEnd.Stopped, ended.EndedBy);
        var after = WebUtility.HtmlDecode(await browser.GetStringAsync("/staff/clients/C-0001"));
        Assert.DoesNotContain("is acting as", after);
        Assert.Contains("Acme Industries SA", after);

        // Not the target's sign-in: their account is as it was.
        var untouched = await UserAsync("admin@acme.test");
        Assert.Equal(admin.SecurityStamp, untouched.SecurityStamp);
        Assert.Equal(admin.AccessFailedCount, untouched.AccessFailedCount);
        Assert.Equal(admin.LastSignInAt, untouched.LastSignInAt);

        var entries = await AuditAsync(e => e.EntityType == nameof(ImpersonationSession) && e.EntityId == sessionId.ToString());
        Assert.Contains(entries, e => e.Action == "ImpersonationSession.Added" && e.ActorEmail == "am@provider.test");
        Assert.Contains(entries, e => e.Action == "ImpersonationSession.Modified" && e.ActorEmail == "am@provider.test" && e.OnBehalfOfEmail == "admin@acme.test");
    }

    [Fact]
    public async Task Once_the_session_row_has_expired_the_next_request_returns_the_browser_to_the_AccountManager()
    {
        var (browser, sessionId) = await ImpersonatingAcmeAsync();
        await using (var db = portal.OpenAs(Actor.System))
        {
            var row = await db.ImpersonationSessions.SingleAsync(s => s.Id == sessionId);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        var next = await browser.GetAsync("/invoices");

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/staff/clients/C-0001?ended=expired", next.Headers.Location!.OriginalString);
        Assert.Equal(ImpersonationEnd.Expired, (await SessionAsync(sessionId)).EndedBy);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/staff/clients/C-0001?ended=expired"));
        Assert.Contains("Your session acting for the Client has ended", page);
        Assert.DoesNotContain("is acting as", page);
    }

    [Fact]
    public async Task Signing_out_while_acting_ends_the_session()
    {
        var (browser, sessionId) = await ImpersonatingAcmeAsync();
        var fields = Token(await browser.GetStringAsync("/"));
        fields["ReturnUrl"] = "/";

        var signOut = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(ImpersonationEnd.SignedOut, (await SessionAsync(sessionId)).EndedBy);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/staff/clients")).StatusCode);
    }

    [Fact]
    public async Task Nobody_enters_a_session_another_staff_member_started()
    {
        var result = await StartAsync("am@provider.test", await ClientIdAsync("Acme Industries SA"), (await UserAsync("admin@acme.test")).Id, Reason);
        var owner = await PortalFactory.SignedInAsync(portal, "owner@provider.test");

        var enter = await owner.GetAsync(ImpersonationService.EnterPath(result.SessionId!.Value));

        Assert.Equal("/staff/clients?ended=refused", enter.Headers.Location!.OriginalString);
        Assert.DoesNotContain("is acting as", await owner.GetStringAsync("/"));
    }

    private async Task<(HttpClient Browser, Guid SessionId)> ImpersonatingAcmeAsync()
    {
        var browser = await PortalFactory.SignedInAsync(portal, "am@provider.test");
        var result = await StartAsync("am@provider.test", await ClientIdAsync("Acme Industries SA"), (await UserAsync("admin@acme.test")).Id, Reason);
        Assert.Null(result.Error);
        var enter = await browser.GetAsync(ImpersonationService.EnterPath(result.SessionId!.Value));
        Assert.Equal("/", enter.Headers.Location!.OriginalString);
        return (browser, result.SessionId.Value);
    }

    private async Task<StartResult> StartAsync(string staffEmail, Guid clientId, string targetUserId, string reason)
    {
        await using var scope = await portal.ScopeAsAsync(staffEmail);
        return await scope.ServiceProvider.GetRequiredService<ImpersonationService>().StartAsync(clientId, targetUserId, reason, null);
    }

    private static Dictionary<string, string> Token(string html) => new()
    {
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(
            Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value),
    };

    private async Task<PortalUser> UserAsync(string email)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<Guid> ClientIdAsync(string name)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.Clients.Where(c => c.LegalName == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<ImpersonationSession> SessionAsync(Guid id)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.ImpersonationSessions.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private async Task<List<AuditEntry>> AuditAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.AuditEntries.AsNoTracking().Where(where).ToListAsync();
    }

    private async Task<int> CountAsync(Func<PortalDb, Task<int>> count)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await count(db);
    }
}
