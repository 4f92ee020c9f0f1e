using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Billing;

/// <summary>
/// The accounts-payable addresses a ClientAdmin names: each invoice is e-mailed to them, PDF attached, by
/// <see cref="InvoiceIssuer"/>; to the Client's administrators when none is named. Changing them is refused while
/// impersonating: where the Client's invoices go is the Client's own decision.
/// </summary>
public sealed class BillingContacts(PersonDatabase data, NotWhileImpersonating guard, IStringLocalizer<UserText> T)
{
    /// <summary>The Client's contacts in the order they were named, and the administrators who get invoices when there is none.</summary>
    public async Task<BillingContactsView> ViewAsync()
    {
        var user = await data.PrincipalAsync();
        await using var db = await data.OpenAsync();
        var contacts = await db.BillingContacts.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var admins = PortalClaims.ClientIdOf(user) is { } clientId
            ? await db.ClientAdmins(clientId).Select(u => u.Email!).ToListAsync()
            : [];
        return new BillingContactsView(contacts, admins);
    }

    public async Task<BillingContactResult> AddAsync(string? email, string? name)
    {
        if (await RefusalAsync() is { } refusal) return BillingContactResult.Refused(refusal);
        var clientId = PortalClaims.ClientIdOf(await data.PrincipalAsync())!.Value;

        await using var db = await data.OpenAsync();
        // One transaction: two admins adding at once cannot both pass the limit or the duplicate check.
        await using var tx = await db.Database.BeginTransactionAsync();
        var existing = await db.BillingContacts.Select(c => c.Email).ToListAsync();
        var (contact, problem) = BillingContactEntry.Check(clientId, email, name, existing);
        if (problem is { } p) return BillingContactResult.Refused(Message(p));

        db.BillingContacts.Add(contact!);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) // the unique index: the same address was added a moment ago
        {
            return BillingContactResult.Refused(Message(BillingContactProblem.Duplicate));
        }
        await tx.CommitAsync();
        return new BillingContactResult(contact, null);
    }

    /// <returns>Why it was refused; null once removed.</returns>
    public async Task<string?> RemoveAsync(int id)
    {
        if (await RefusalAsync() is { } refusal) return refusal;
        await using var db = await data.OpenAsync();
        // Another Client's contact is invisible through the tenancy filter: the same answer as an unknown one.
        var contact = await db.BillingContacts.SingleOrDefaultAsync(c => c.Id == id);
        if (contact is null) return T["This billing contact no longer exists: the list has been refreshed."];
        db.BillingContacts.Remove(contact);
        await db.SaveChangesAsync();
        return null;
    }

    private async Task<string?> RefusalAsync()
    {
        if (await guard.RefusalAsync(GuardedAction.BillingContacts) is { } refusal) return refusal;
        var user = await data.PrincipalAsync();
        if (!user.IsInRole(Role.ClientAdmin) || PortalClaims.ClientIdOf(user) is null || user.FindFirstValue(ClaimTypes.NameIdentifier) is null)
            return T["Only your company's administrators can change the billing contacts."];
        return null;
    }

    private string Message(BillingContactProblem problem) => problem switch
    {
        BillingContactProblem.EmailMissing => T["Enter the e-mail address that should receive your invoices."],
        BillingContactProblem.EmailTooLong => T["This e-mail address is too long: at most 254 characters."],
        BillingContactProblem.EmailMalformed => T["This is not a valid e-mail address: check for a typo (one address, e.g. accounts@company.com)."],
        BillingContactProblem.NameTooLong => T["Keep the name to 100 characters at most."],
        BillingContactProblem.Duplicate => T["This address already receives your invoices."],
        BillingContactProblem.TooMany => T["You can name at most {0} billing contacts: remove one first.", BillingContactEntry.MaxContacts],
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };
}

/// <param name="Administrators">The Client's administrators: who receives the invoices when no contact is named.</param>
public sealed record BillingContactsView(IReadOnlyList<BillingContact> Contacts, IReadOnlyList<string> Administrators);

public sealed record BillingContactResult(BillingContact? Contact, string? Error)
{
    public bool Saved => Contact is not null;

    public static BillingContactResult Refused(string error) => new(null, error);
}
