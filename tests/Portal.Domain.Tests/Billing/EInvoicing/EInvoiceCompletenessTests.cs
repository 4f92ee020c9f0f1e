using Portal.Domain.Billing;
using Portal.Domain.Billing.EInvoicing;

namespace Portal.Domain.Tests.Billing.EInvoicing;

/// <summary>DOMAIN "E-invoicing": what EN 16931 cannot express is refused at issue, naming the missing term.</summary>
public class EInvoiceCompletenessTests
{
    private static readonly EInvoiceAddress Lyon = new("12 rue des Tanneurs", null, "69002", "Lyon", "FR");

    private static EInvoice Complete() => new()
    {
        Number = "INV-000042", Type = EInvoiceType.Invoice, IssuedOn = new(2026, 7, 1), DueOn = new(2026, 7, 31),
        PeriodStart = new(2026, 7, 1), PeriodEnd = new(2027, 6, 30), Language = "fr",
        Seller = new("Nuagelis SAS", Lyon, "912345678", null, "FR74912345678", ["SAS au capital de 50 000 €", "RCS Lyon 912 345 678"]),
        Buyer = new("Acme Industries SA", new("8 avenue de la Grande Armée", null, "75017", "Paris", "FR"), "552100554", null, "FR32552100554", []),
        Lines = [new(1, "Seats", 10, 240m, EInvoiceVatCategory.Standard, 0.20m, 2_400m, new(2026, 7, 1), new(2027, 6, 30))],
        VatBreakdown = [new(EInvoiceVatCategory.Standard, 0.20m, 2_400m, 480m, null, null)],
        TotalExclVat = 2_400m, TotalVat = 480m, TotalInclVat = 2_880m,
        Payment = new(EInvoicePaymentMeans.SepaCreditTransfer, "Virement", Iban: "FR7630006000011234567890189"),
        Notes = [],
    };

    [Fact]
    public void A_complete_invoice_is_not_refused() => Assert.Null(EInvoiceCompleteness.Refusal(Complete()));

    public static TheoryData<string, Func<EInvoice, EInvoice>> Gaps => new()
    {
        { EInvoiceCompleteness.SellerSiren, i => i with { Seller = i.Seller with { Siren = null } } },
        { EInvoiceCompleteness.SellerVatNumber, i => i with { Seller = i.Seller with { VatNumber = " " } } },
        { EInvoiceCompleteness.SellerAddress, i => i with { Seller = i.Seller with { Address = Lyon with { City = "" } } } },
        { EInvoiceCompleteness.BuyerName, i => i with { Buyer = i.Buyer with { Name = "" } } },
        { EInvoiceCompleteness.BuyerAddress, i => i with { Buyer = i.Buyer with { Address = new(null, null, null, null, "FR") } } },
        { EInvoiceCompleteness.BuyerAddress, i => i with { Buyer = i.Buyer with { Address = i.Buyer.Address with { CountryCode = "France" } } } },
        { EInvoiceCompleteness.BuyerSiren, i => i with { Buyer = i.Buyer with { Siren = null } } },
        { EInvoiceCompleteness.UnhandledVatCategory, i => i with { Lines = [i.Lines[0] with { Category = null }] } },
        { EInvoiceCompleteness.BuyerVatNumber, i => i with
            {
                Buyer = i.Buyer with { VatNumber = null, Address = i.Buyer.Address with { CountryCode = "DE" } },
                Lines = [i.Lines[0] with { Category = EInvoiceVatCategory.ReverseCharge, VatRate = 0 }],
            } },
        { EInvoiceCompleteness.CorrectedInvoice, i => i with { Type = EInvoiceType.CreditNote, Corrects = null } },
        { EInvoiceCompleteness.SellerIban, i => i with { Payment = i.Payment with { Iban = null } } },
        { EInvoiceCompleteness.SellerCreditorId, i => i with { Payment = new(EInvoicePaymentMeans.SepaDirectDebit, "Prélèvement") } },
    };

    [Theory]
    [MemberData(nameof(Gaps))]
    public void A_missing_term_is_named(string refusal, Func<EInvoice, EInvoice> gap) =>
        Assert.Equal(refusal, EInvoiceCompleteness.Refusal(gap(Complete())));

    [Fact]
    public void A_foreign_buyer_needs_no_SIREN() =>
        Assert.Null(EInvoiceCompleteness.Refusal(Complete() with
        {
            Buyer = Complete().Buyer with { Siren = null, RegistrationNumber = "HRB 123456", Address = new("Leopoldstraße 42", null, "80802", "München", "DE") },
        }));

    [Theory]
    [InlineData(VatTreatment.FrenchVat, EInvoiceVatCategory.Standard)]
    [InlineData(VatTreatment.ReverseCharge, EInvoiceVatCategory.ReverseCharge)]
    [InlineData(VatTreatment.OutsideEu, null)]
    public void The_VAT_category_of_a_treatment(VatTreatment treatment, EInvoiceVatCategory? category) =>
        Assert.Equal(category, EInvoiceCompleteness.CategoryOf(treatment));
}
