using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Billing.EInvoicing;
using Portal.Domain.Clients;

namespace Portal.Web.Features.Billing.FacturX;

/// <summary>
/// An issued invoice and its facts as the one <see cref="EInvoice"/> its PDF and its Factur-X XML are both drawn from,
/// with every text (payment terms, legal mentions) in the invoice's language, as printed.
/// </summary>
public static class EInvoiceMapping
{
    /// <summary>The model, whether or not EN 16931 can express it (<see cref="EInvoiceCompleteness.Refusal"/> says).</summary>
    public static EInvoice From(InvoiceFacts facts)
    {
        var (invoice, provider) = (facts.Invoice, facts.Provider);
        var L = InvoiceLabels.For(invoice.Culture);
        var f = new InvoiceFormat(L.Culture);
        var creditNote = invoice.Kind == InvoiceKind.CreditNote;
        var category = EInvoiceCompleteness.CategoryOf(invoice.VatTreatment);

        var lines = invoice.Lines.Select((l, i) => new EInvoiceLine(i + 1, l.Description, l.Quantity, l.UnitPriceExclVat, category,
            l.VatRate, l.AmountExclVat, l.PeriodStart ?? invoice.PeriodStart, l.PeriodEnd ?? invoice.PeriodEnd)).ToList();
        // One breakdown per category and rate (BR-CO-17: its VAT is its taxable amount × rate, rounded once). Portal
        // bills one rate per invoice, so the total VAT is the invoice's own, rounded once too.
        var breakdown = lines.Where(l => l.Category is not null).GroupBy(l => (Category: l.Category!.Value, l.VatRate))
            .Select(g =>
            {
                var taxable = Money.Round(g.Sum(l => l.AmountExclVat));
                var reverse = g.Key.Category == EInvoiceVatCategory.ReverseCharge;
                return new EInvoiceVatBreakdown(g.Key.Category, g.Key.VatRate, taxable, Money.Round(taxable * g.Key.VatRate),
                    reverse ? VatRule.Wordings[VatRule.ReverseChargeWordingKey] : null, reverse ? "VATEX-EU-AE" : null);
            }).ToList();
        var totalExclVat = Money.Round(lines.Sum(l => l.AmountExclVat));
        var totalVat = breakdown.Count == 0 ? invoice.TotalVat : breakdown.Sum(b => b.VatAmount);

        var monthlyRate = (LateInterest.AnnualRate / 12 * 100).ToString("0.##", L.Culture);
        var notes = new List<EInvoiceNote>
        {
            new("PMD", string.Format(L.Culture, L.LatePenalties, monthlyRate)),
            new("PMT", string.Format(L.Culture, L.Indemnity, f.EurWhole(LateInterest.CollectionIndemnity))),
            new("AAB", L.NoDiscount),
        };
        if (provider.VatOnDebits) notes.Add(new("TXD", L.Culture.TwoLetterISOLanguageName == "fr" ? VatOnDebitsFr : VatOnDebitsEn));

        return new EInvoice
        {
            Number = invoice.Number,
            Type = creditNote ? EInvoiceType.CreditNote : EInvoiceType.Invoice,
            IssuedOn = invoice.IssuedOn,
            DueOn = creditNote ? null : invoice.DueOn,
            PeriodStart = invoice.PeriodStart,
            PeriodEnd = invoice.PeriodEnd,
            Language = L.Culture.TwoLetterISOLanguageName,
            PurchaseOrderReference = Blank(invoice.PurchaseOrderReference) ? null : invoice.PurchaseOrderReference!.Trim(),
            Corrects = facts.Corrected is { } c ? new EInvoiceReference(c.Number, c.IssuedOn) : null,
            Seller = Seller(provider, L, f),
            Buyer = Buyer(invoice, facts.ClientRegistrationNumber),
            Lines = lines,
            VatBreakdown = breakdown,
            TotalExclVat = totalExclVat,
            TotalVat = totalVat,
            TotalInclVat = totalExclVat + totalVat,
            Payment = creditNote
                ? new EInvoicePayment(null, string.Format(L.Culture, L.CreditNoteSettlement, facts.Corrected?.Number ?? "—"))
                : Payment(facts, L),
            VatOnDebits = provider.VatOnDebits,
            Notes = notes,
            VatMention = invoice.VatTreatment switch
            {
                VatTreatment.ReverseCharge => VatRule.Wordings[VatRule.ReverseChargeWordingKey],
                VatTreatment.OutsideEu => VatRule.Wordings[VatRule.OutsideEuWordingKey],
                _ => null,
            },
        };
    }

    // CGI art. 242 nonies A 13°: the mention of the option, in the invoice's language.
    private const string VatOnDebitsFr = "Option pour le paiement de la taxe d'après les débits.";
    private const string VatOnDebitsEn = "VAT paid on debits: the seller opted to pay VAT on invoicing (French Tax Code, Article 269-2-c).";

    private static EInvoiceParty Seller(ProviderProfile p, InvoiceLabels L, InvoiceFormat f) => new(
        p.LegalName,
        new EInvoiceAddress(p.Address.Line1, p.Address.Line2, p.Address.PostalCode, p.Address.City, Country(p.Address.Country)),
        Siren.From(p.Siren),
        null,
        Trimmed(p.VatNumber),
        [string.Format(L.Culture, L.LegalFormAndCapital, p.LegalForm, f.EurWhole(p.ShareCapitalEur)), p.RcsRegistration],
        Blank(p.ElectronicAddress) ? null : new EInvoiceElectronicAddress(p.ElectronicAddress!.Trim(), p.ElectronicAddressScheme));

    private static EInvoiceParty Buyer(Invoice i, string? clientRegistration)
    {
        var address = i.BuyerStreet is null ? LegacyAddress(i.BuyerAddress)
            : new EInvoiceAddress(i.BuyerStreet, Trimmed(i.BuyerStreet2), i.BuyerPostalCode, i.BuyerCity, Country(i.BuyerCountry));
        // An invoice issued before i17 kept no registration number: the Client's is its SIREN (it rarely changes).
        var registration = i.BuyerStreet is null ? clientRegistration : i.BuyerRegistrationNumber;
        var siren = address.CountryCode == "FR" ? Siren.From(registration) : null;
        return new EInvoiceParty(i.BuyerLegalName, address, siren, siren is null ? Trimmed(registration) : null, Trimmed(i.BuyerVatNumber), [],
            // French CTC (BR-FR-21): a French buyer's directory address starts with its SIREN, scheme 0225.
            siren is null ? null : new EInvoiceElectronicAddress(siren, "0225"));
    }

    /// <summary>
    /// An invoice issued before i17 kept its buyer's address as printed only: "line 1 [\n line 2]\n postcode city\n country"
    /// (<see cref="InvoiceIssue.Address"/>). Split back at the first space of the postcode line, which prints the same.
    /// </summary>
    private static EInvoiceAddress LegacyAddress(string printed)
    {
        var lines = printed.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 3) return new EInvoiceAddress(lines.FirstOrDefault(), null, null, null, null);
        var (postalCode, city) = lines[^2].IndexOf(' ') is var space and > 0 ? (lines[^2][..space], lines[^2][(space + 1)..]) : (null, lines[^2]);
        return new EInvoiceAddress(lines[0], lines.Length > 3 ? string.Join(", ", lines[1..^2]) : null, postalCode, city, Country(lines[^1]));
    }

    private static EInvoicePayment Payment(InvoiceFacts facts, InvoiceLabels L)
    {
        var p = facts.Provider;
        return facts.PaymentMethod switch
        {
            // SEPA Rulebook: the debtor is told the mandate reference and the creditor identifier. DOMAIN: billing goes
            // on without a mandate (suspension may follow), so a missing one leaves BT-89 out rather than refusing.
            PaymentMethod.SepaDirectDebit => new EInvoicePayment(EInvoicePaymentMeans.SepaDirectDebit, L.DirectDebit,
                MandateReference: facts.Mandate is { } m ? SepaMandateReference.Of(m) : null,
                CreditorIdentifier: Trimmed(p.SepaCreditorId), DebitedIban: facts.Mandate?.Iban.Replace(" ", "")),
            PaymentMethod.Online => new EInvoicePayment(EInvoicePaymentMeans.OnlinePayment, L.Online),
            _ => new EInvoicePayment(EInvoicePaymentMeans.SepaCreditTransfer,
                string.Format(L.Culture, L.BankTransfer, GroupIban(p.Iban) ?? "—", p.Bic ?? "—"),
                Iban: Blank(p.Iban) ? null : p.Iban!.Replace(" ", ""), Bic: Trimmed(p.Bic)),
        };
    }

    /// <summary>An IBAN in groups of four, as it is printed.</summary>
    private static string? GroupIban(string? iban) =>
        Blank(iban) ? null : string.Join(' ', iban!.Replace(" ", "").Chunk(4).Select(c => new string(c)));

    private static string? Country(string? code) => Blank(code) ? null : code!.Trim().ToUpperInvariant();

    private static string? Trimmed(string? value) => Blank(value) ? null : value!.Trim();

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}

/// <summary>
/// SEPA Rulebook: a mandate is quoted by its unique reference (at most 35 characters). Portal's mandates have no
/// reference of their own: it is the mandate's id, 32 hexadecimal characters, the same on every invoice it pays.
/// </summary>
public static class SepaMandateReference
{
    public static string Of(SepaMandate mandate) => mandate.Id.ToString("N", CultureInfo.InvariantCulture).ToUpperInvariant();
}
