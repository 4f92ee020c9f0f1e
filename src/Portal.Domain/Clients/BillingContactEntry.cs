using System.Text.RegularExpressions;

namespace Portal.Domain.Clients;

/// <summary>Why a billing contact is refused; the page says what to fix for each.</summary>
public enum BillingContactProblem { EmailMissing, EmailMalformed, EmailTooLong, Duplicate, TooMany, NameTooLong }

/// <summary>
/// The accounts-payable addresses a ClientAdmin names to receive every invoice (DOMAIN "Invoices and payment").
/// An address is kept trimmed and in lower case: mailboxes are matched without case in practice, so
/// "AP@acme.test" and "ap@acme.test" are the same contact and a second one is refused.
/// </summary>
public static partial class BillingContactEntry
{
    /// <summary>Our choice: ten addresses cover any accounts-payable team; more is a mailing list's job.</summary>
    public const int MaxContacts = 10;

    public const int MaxEmailLength = 254; // RFC 5321's limit for a forward path
    public const int MaxNameLength = 100;

    /// <param name="existingEmails">The Client's contacts today.</param>
    /// <returns>The contact to add, or why it is refused.</returns>
    public static (BillingContact? Contact, BillingContactProblem? Problem) Check(Guid clientId, string? email, string? name,
        IReadOnlyCollection<string> existingEmails)
    {
        var address = email?.Trim().ToLowerInvariant() ?? "";
        var label = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (address.Length == 0) return (null, BillingContactProblem.EmailMissing);
        if (address.Length > MaxEmailLength) return (null, BillingContactProblem.EmailTooLong);
        if (!IsWellFormed(address)) return (null, BillingContactProblem.EmailMalformed);
        if (label?.Length > MaxNameLength) return (null, BillingContactProblem.NameTooLong);
        if (existingEmails.Any(e => string.Equals(e, address, StringComparison.OrdinalIgnoreCase)))
            return (null, BillingContactProblem.Duplicate);
        if (existingEmails.Count >= MaxContacts) return (null, BillingContactProblem.TooMany);
        return (new BillingContact { ClientId = clientId, Email = address, Name = label }, null);
    }

    /// <summary>One address, no display name: a local part without spaces or dots at its ends, a domain with a dot.</summary>
    public static bool IsWellFormed(string address) =>
        Address().IsMatch(address) && !address.Split('@')[0].Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?!\.)[^@\s<>(),;:""\[\]\\]+(?<!\.)@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
