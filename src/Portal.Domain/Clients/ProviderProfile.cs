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

    /// <summary>
    /// The Provider opted to pay VAT on debits rather than on receipts (CGI art. 269-2-c): its invoices must then say so
    /// (e-invoicing reform, CGI art. 242 nonies A). Off by default: services pay VAT on receipts.
    /// </summary>
    public bool VatOnDebits { get; set; }
    public string? Bic { get; set; }
    public required string SupportEmail { get; set; }

    /// <summary>DOMAIN "The Provider and its staff": staff reach no staff page without two-factor. On in a new installation.</summary>
    public bool RequireStaffTwoFactor { get; set; } = Staff.StaffTwoFactor.DefaultRequired;

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
