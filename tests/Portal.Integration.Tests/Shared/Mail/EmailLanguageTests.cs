using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Staff;
using Portal.Integration.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Features.Billing.Staff;
using Portal.Web.Features.Impersonation;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Shared.Mail;

/// <summary>
/// Every e-mail takes its text from the resx in its recipient's language, whatever the language of the request that
/// sends it, and HTML-encodes what it interpolates.
/// </summary>
[Collection(nameof(PortalCollection))]
public sealed class EmailLanguageTests(PortalFactory portal)
{
    private static readonly ImpersonationSession Session = new()
    {
        StaffUserId = "s", StaffName = "Sam <Support>", StaffEmail = "sam@provider.test", TargetUserId = "t", Reason = "Ticket #42",
        StartedAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), ExpiresAt = new(2026, 3, 2, 10, 30, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_impersonation_email_is_in_the_recipients_language()
    {
        var target = new PortalUser { DisplayName = "Jonas Weber" };

        // The staff member's request is in French; the English recipient still reads English.
        var english = Culture.In("fr", () => ImpersonationEmail.For(TestText.T, Session, target, "en", "Jonas"));
        var french = ImpersonationEmail.For(TestText.T, Session, target, "fr", "Hélène");

        Assert.Equal("Sam <Support> of your provider is acting in your portal account", english.Subject);
        Assert.Contains("<strong>Sam &lt;Support&gt;</strong> (sam@provider.test) started acting in the portal as Jonas Weber on 2 March 2026 at 09:30 UTC", english.HtmlBody);
        Assert.Contains("Reason given: Ticket #42", english.HtmlBody);
        Assert.Equal("Sam <Support>, de votre fournisseur, agit dans votre compte du portail", french.Subject);
        Assert.Contains("Bonjour H&#233;l&#232;ne,", french.HtmlBody);
        Assert.Contains("depuis le 2 mars 2026 à 09:30 UTC", french.HtmlBody);
        Assert.Contains("Motif indiqué&nbsp;: Ticket #42", french.HtmlBody);
    }

    [Fact]
    public void The_price_revision_email_is_in_the_Clients_language()
    {
        RevisedLine[] lines = [new("Seats", 10, 100m, 103.5m)];

        var english = PriceRevisionEmail.For(TestText.T, "en", "Jonas", new(2026, 9, 1), lines);
        var french = PriceRevisionEmail.For(TestText.T, "fr", null, new(2026, 9, 1), lines);

        Assert.Equal("Annual revision of your prices", english.Subject);
        Assert.Contains("change from 1 September 2026:", english.HtmlBody);
        Assert.Contains("<li>Seats: €100.00 → <strong>€103.50</strong></li>", english.HtmlBody);
        Assert.Equal("Révision annuelle de vos prix", french.Subject);
        Assert.Contains(">Bonjour,</p>", french.HtmlBody);
        Assert.Contains("à compter du 1 septembre 2026&nbsp;:", french.HtmlBody);
        Assert.Contains("rubrique Abonnement", french.HtmlBody);
    }

    [Fact]
    public async Task The_invoice_email_is_in_the_invoices_language()
    {
        await PortalFactory.SignedInAsync(portal, "admin@acme.test"); // the portal is up and seeded
        await using var db = portal.OpenAs(Actor.System);
        var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Kind == InvoiceKind.Invoice);

        invoice.Culture = "en";
        var english = InvoiceEmail.For(TestText.T, invoice, "Provider & Co", "Jonas");
        invoice.Culture = "fr";
        var french = InvoiceEmail.For(TestText.T, invoice, "Provider & Co", "Jonas");

        Assert.Equal($"Invoice {invoice.Number} from Provider & Co", english.Subject);
        Assert.Contains($"Please find attached invoice <strong>{invoice.Number}</strong>", english.HtmlBody);
        Assert.Contains("It is also in the portal, under Invoices.", english.HtmlBody);
        Assert.Equal($"Facture {invoice.Number} de Provider & Co", french.Subject);
        Assert.Contains($"Vous trouverez ci-joint la facture <strong>{invoice.Number}</strong>", french.HtmlBody);
        Assert.Contains("rubrique Factures", french.HtmlBody);
    }
}
