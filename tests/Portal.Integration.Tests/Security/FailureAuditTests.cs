using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared.Security;

namespace Portal.Integration.Tests.Security;

/// <summary>Failed sign-ins and refused accesses are in the audit log; the attempted password never is.</summary>
[Collection(nameof(PortalCollection))]
public sealed class FailureAuditTests(PortalFactory portal)
{
    [Fact]
    public async Task A_wrong_password_is_audited_against_the_account_without_the_password()
    {
        var password = "guess-" + Guid.NewGuid();

        await PortalFactory.PostSignInAsync(portal.Browser(), "support@provider.test", password);

        var entry = await LatestAsync(SecurityAudit.SignInFailed, e => e.After!.Contains("support@provider.test"));
        Assert.Contains("wrong password", entry.After);
        Assert.Equal(SecurityAudit.Kind, entry.EntityType);
        Assert.NotNull(entry.EntityId);
        await AssertNowhereInTheLogAsync(password);
    }

    [Fact]
    public async Task An_unknown_e_mail_is_audited_without_what_was_typed()
    {
        var typed = $"nobody-{Guid.NewGuid():N}@example.test";
        var password = "guess-" + Guid.NewGuid();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await PortalFactory.PostSignInAsync(portal.Browser(), typed, password);

        var entry = await LatestAsync(SecurityAudit.SignInFailed, e => e.After!.Contains("unknown e-mail") && e.At >= before);
        Assert.Null(entry.EntityId);
        Assert.Null(entry.ClientId);
        await AssertNowhereInTheLogAsync(typed);
        await AssertNowhereInTheLogAsync(password);
    }

    [Fact]
    public async Task A_page_refused_by_role_is_audited_in_the_persons_name()
    {
        var user = await PortalFactory.SignedInAsync(portal, "user@acme.test");
        var probe = Guid.NewGuid().ToString("N");

        var response = await user.GetAsync($"/staff/audit?probe={probe}");

        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
        var entry = await LatestAsync(SecurityAudit.AccessDenied, e => e.After!.Contains(probe));
        Assert.Equal("user@acme.test", entry.ActorEmail);
        Assert.NotNull(entry.ClientId);
    }

    [Fact]
    public async Task Another_Clients_invoice_number_answers_404_and_is_audited()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        string globexInvoice;
        await using (var db = portal.OpenAs(Actor.System))
            globexInvoice = await db.Invoices.Where(i => db.Clients.Any(c => c.Id == i.ClientId && c.LegalName == "Globex GmbH")).Select(i => i.Number).FirstAsync();
        var probe = Guid.NewGuid().ToString("N");

        var response = await acme.GetAsync($"/invoices/{globexInvoice}/pdf?probe={probe}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = await LatestAsync(SecurityAudit.NotFound, e => e.After!.Contains(probe));
        Assert.Equal("admin@acme.test", entry.ActorEmail);
        Assert.Contains(globexInvoice, entry.After);
    }

    private async Task<AuditEntry> LatestAsync(string action, Func<AuditEntry, bool> match)
    {
        await using var db = portal.OpenAs(Actor.System);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
        return entries.Where(match).OrderByDescending(e => e.Id).FirstOrDefault()
               ?? throw new Xunit.Sdk.XunitException($"no {action} entry matching");
    }

    private async Task AssertNowhereInTheLogAsync(string secret)
    {
        await using var db = portal.OpenAs(Actor.System);
        Assert.False(await db.AuditEntries.AnyAsync(e => (e.After != null && e.After.Contains(secret))
                                                        || (e.Before != null && e.Before.Contains(secret))
                                                        || (e.ActorEmail != null && e.ActorEmail.Contains(secret))));
    }
}
