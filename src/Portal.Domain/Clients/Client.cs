namespace Portal.Domain.Clients;

/// <summary>A company that signed an order form with the Provider.</summary>
public class Client
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The Provider's reference, e.g. C-0001: what people quote on the phone.</summary>
    public required string Number { get; set; }
    public required string LegalName { get; set; }
    public required PostalAddress Address { get; set; }

    /// <summary>ISO 3166-1 alpha-2, e.g. FR. Drives VAT treatment and the invoice language.</summary>
    public required string Country { get; set; }
    public string? VatNumber { get; set; }
    public string? RegistrationNumber { get; set; }

    /// <summary>The language of the Client's documents and e-mails: "fr" or "en".</summary>
    public string Culture { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set at the end of the last day of service (SEO §8.3): nobody of the Client signs in after.</summary>
    public DateTimeOffset? AccessClosedAt { get; set; }

    public List<OrderForm> OrderForms { get; set; } = [];
    public List<ClientAssignment> AccountManagers { get; set; } = [];
    public List<BillingContact> BillingContacts { get; set; } = [];
}

public record PostalAddress(string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>An AccountManager who looks after a Client (DOMAIN: "Clients assigned to them").</summary>
public class ClientAssignment
{
    public Guid ClientId { get; set; }
    public required string StaffUserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>An accounts-payable address that receives every issued invoice (DOMAIN: billing contacts).</summary>
public class BillingContact
{
    public int Id { get; set; }
    public Guid ClientId { get; set; }
    public required string Email { get; set; }
    public string? Name { get; set; }
}
