using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Billing.EInvoicing;
using Portal.Domain.Clients;
using Portal.Integration.Tests.Shared.Mail;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Billing.FacturX;

/// <summary>
/// DOMAIN "E-invoicing": an invoice EN 16931 cannot express is refused when it is issued, with the missing term named;
/// nothing is saved, no e-mail leaves and its number is given back.
/// </summary>
public sealed class FacturXRefusalTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly ClockedPortalFactory portal = new(Start);

    public FacturXRefusalTests() => _ = portal.Services;

    public void Dispose() => portal.Dispose();

    private InvoiceIssuer Issuer => portal.Get<InvoiceIssuer>();

    [Fact]
    public async Task A_buyer_without_an_address_is_refused_naming_the_address()
    {
        var id = await AddClientAsync("FR", new PostalAddress("", null, "", "", "FR"), "RCS Lyon 303 265 045");

        var refusal = await RefusedAsync(id);

        Assert.Equal(EInvoiceCompleteness.BuyerAddress, refusal.Message);
        Assert.Equal("C-0105", refusal.ClientNumber);
    }

    [Fact]
    public async Task A_French_buyer_without_a_SIREN_is_refused_naming_the_SIREN()
    {
        var id = await AddClientAsync("FR", new PostalAddress("4 place Bellecour", null, "69002", "Lyon", "FR"), registration: null);

        Assert.Equal(EInvoiceCompleteness.BuyerSiren, (await RefusedAsync(id)).Message);
    }

    [Fact]
    public async Task A_VAT_treatment_without_an_EN_16931_category_is_refused()
    {
        // Services to a business outside the EU: not subject to French VAT, no category Portal issues.
        var id = await AddClientAsync("US", new PostalAddress("1 Market Street", null, "94105", "San Francisco", "US"), "C1234567", vat: null);

        Assert.Equal(EInvoiceCompleteness.UnhandledVatCategory, (await RefusedAsync(id)).Message);
    }

    [Fact]
    public async Task A_Provider_without_a_SIREN_issues_neither_invoices_nor_credit_notes()
    {
        await using (var db = await portal.OpenAsSystemAsync())
        {
            (await db.ProviderProfiles.SingleAsync()).Siren = "";
            await db.SaveChangesAsync();
        }
        Guid globexId;
        await using (var db = await portal.OpenAsSystemAsync())
            globexId = (await db.Clients.SingleAsync(c => c.Number == "C-0002")).Id;

        // Due invoices stop at the Provider settings check (it names the SIREN), before EN 16931 is asked;
        // a credit note, which that check does not cover, is refused by EN 16931's own rule.
        Assert.Empty(await NothingIssuedAsync(globexId));
        Assert.Contains("SIREN", await Issuer.MissingSellerDetailsAsync());
        var credit = await Issuer.IssueCreditNoteAsync(Actor.System, "INV-000002", [new CreditedLine(0, 1)]);

        Assert.Equal(EInvoiceCompleteness.SellerSiren, credit.Refusal);
        await using var check = await portal.OpenAsSystemAsync();
        Assert.Equal(0, await check.Payments.CountAsync(p => p.Kind == PaymentKind.CreditNote));
    }

    [Fact]
    public async Task A_direct_debit_without_the_Providers_creditor_identifier_is_refused()
    {
        Guid globexId;
        await using (var db = await portal.OpenAsSystemAsync())
        {
            (await db.ProviderProfiles.SingleAsync()).SepaCreditorId = null;
            await db.SaveChangesAsync();
            globexId = (await db.Clients.SingleAsync(c => c.Number == "C-0002")).Id;
        }

        Assert.Equal(EInvoiceCompleteness.SellerCreditorId, (await RefusedAsync(globexId)).Message);
    }

    /// <summary>Issues what is due a month later for one Client; asserts nothing was issued or sent and no number was used.</summary>
    private async Task<IssueRefusal> RefusedAsync(Guid clientId) => Assert.Single(await NothingIssuedAsync(clientId));

    /// <summary>Issues what is due a month later for one Client, asserts nothing was issued or sent and no number was used, and gives the refusals.</summary>
    private async Task<List<IssueRefusal>> NothingIssuedAsync(Guid clientId)
    {
        long before;
        int emails;
        await using (var db = await portal.OpenAsSystemAsync())
            (before, emails) = (await db.NumberSequences.Where(n => n.Name == NumberSequence.Invoices).Select(n => n.Last).SingleAsync(), await db.OutboxEmails.CountAsync());
        portal.Clock.Advance(TimeSpan.FromDays(30));
        var refused = new List<IssueRefusal>();

        var issued = await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today(), clientId, refused: refused);

        Assert.Empty(issued);
        await using var check = await portal.OpenAsSystemAsync();
        Assert.Equal(before, await check.NumberSequences.Where(n => n.Name == NumberSequence.Invoices).Select(n => n.Last).SingleAsync());
        Assert.Equal(emails, await check.OutboxEmails.CountAsync());
        Assert.Empty(await check.Invoices.Where(i => i.ClientId == clientId && i.IssuedOn >= DateOnly.FromDateTime(Start.UtcDateTime)).ToListAsync());
        return refused;
    }

    private async Task<Guid> AddClientAsync(string country, PostalAddress address, string? registration, string? vat = "FR40303265045")
    {
        await using var db = await portal.OpenAsSystemAsync();
        var client = new Client
        {
            Number = "C-0105", LegalName = "Refused Test SAS", Country = country, Culture = "fr", VatNumber = vat,
            RegistrationNumber = registration, CreatedAt = Start, Address = address,
        };
        client.OrderForms.Add(new OrderForm
        {
            Reference = "OF-2027-105", SignedOn = new DateOnly(2027, 3, 20), EffectiveDate = new DateOnly(2027, 4, 1),
            BillingFrequency = BillingFrequency.Annual, PaymentMethod = PaymentMethod.BankTransfer, SeatCap = 5,
            Lines = [new OrderLine { Description = "Portal subscription (annual)", Kind = OrderLineKind.Subscription, Quantity = 1, UnitPriceExclVat = 1_200m }],
        });
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }
}
