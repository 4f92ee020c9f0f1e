using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>E-invoicing reform (CGI art. 242 nonies A, décret 2024-266): SIREN, nature of the operation, VAT on debits.</summary>
public class InvoiceMentionsTests
{
    [Theory]
    [InlineData("FR", "RCS Paris 552 100 554", "552100554")]
    [InlineData("fr", "552100554", "552100554")]
    [InlineData("FR", "552 100 554 00017", "552100554")] // a SIRET: its first 9 digits
    [InlineData("FR", "RCS Paris", null)]
    [InlineData("FR", null, null)]
    [InlineData("DE", "HRB 123456789", null)]             // only French companies have a SIREN
    [InlineData("BE", "BE0712345678", null)]
    public void The_buyers_SIREN_only_for_a_French_company(string country, string? registration, string? siren)
    {
        Assert.Equal(siren, InvoiceMentions.BuyerSiren(country, registration));
    }

    private static Invoice Invoice(string? siren, bool vatOnDebits) => new()
    {
        Number = "INV-000001", Culture = "fr", BuyerLegalName = "Acme", BuyerAddress = "Paris", BuyerSiren = siren, VatOnDebits = vatOnDebits,
    };

    [Fact]
    public void Every_invoice_names_services_then_the_SIREN_and_the_VAT_on_debits_option_when_they_apply()
    {
        Assert.Equal([new InvoiceMention("Nature of the operation: services"), new InvoiceMention("Buyer's SIREN: {0}", "552100554"),
                new InvoiceMention("VAT paid on debits")],
            InvoiceMentions.For(Invoice("552100554", true)));
        Assert.Equal([new InvoiceMention("Nature of the operation: services")], InvoiceMentions.For(Invoice(null, false)));
    }
}
