namespace Portal.Domain.Clients;

/// <summary>
/// The company that runs the portal: the seller on every invoice (French invoicing mentions)
/// and the defaults every new contract starts from.
/// </summary>
public class ProviderProfile
{
    public int Id { get; set; } = 1;
    public required string LegalName { get; set; }
    public required string LegalForm { get; set; }
    public required PostalAddress Address { get; set; }

    /// <summary>e.g. "RCS Lyon 912 345 678".</summary>
    public required string RcsRegistration { get; set; }
    public required string Siren { get; set; }
    public required string VatNumber { get; set; }
    public decimal ShareCapitalEur { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public required string SupportEmail { get; set; }

    /// <summary>
    /// CGI art. 269-2-c: a provider of services owes VAT when it is paid, unless it opted to pay it on debits (when it
    /// invoices). Since the e-invoicing reform the option is printed on each invoice and carried in its XML.
    /// </summary>
    public bool VatOnDebits { get; set; }

    /// <summary>The SEPA creditor identifier (ICS, e.g. FR12ZZZ123456) named on invoices paid by direct debit (EN 16931 BT-90).</summary>
    public string? SepaCreditorId { get; set; }

    /// <summary>
    /// The Provider's electronic address for e-invoices (EN 16931 BT-34), as its certified platform (PA) registered it in
    /// the national directory: its SIREN, or a routing code "SIREN_suffix".
    /// </summary>
    public string? ElectronicAddress { get; set; }

    /// <summary>The CEF EAS scheme of <see cref="ElectronicAddress"/>: 0225 (French e-invoicing address, the default) or 0002 (a bare SIREN).</summary>
    public string ElectronicAddressScheme { get; set; } = "0225";
}
