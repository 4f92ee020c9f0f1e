using System.Net.Mail;

namespace Portal.Domain.Seats;

/// <summary>The e-mail address a person is invited with: it becomes their user name.</summary>
public static class InviteeEmail
{
    /// <summary>The trimmed, lower-cased address, or why it cannot be used.</summary>
    public static (string? Address, string? Problem) Check(string? input)
    {
        var value = input?.Trim() ?? "";
        if (value.Length == 0) return (null, "Enter the person's e-mail address.");
        if (value.Length > 254) return (null, "An e-mail address has at most 254 characters.");
        // MailAddress also accepts "Name <a@b>" and addresses without a dot in the domain: neither can receive our mail.
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || value.Contains(' ')
            || !parsed.Host.Contains('.') || parsed.Host.StartsWith('.') || parsed.Host.EndsWith('.'))
            return (null, "Enter a valid e-mail address, such as name@company.com.");
        return (value.ToLowerInvariant(), null);
    }
}
