using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Billing.Staff;

/// <summary>
/// The Provider's side of billing (DOMAIN "People": an AccountManager issues invoices and credit notes and records
/// payments for the Clients assigned to them; a ProviderAdmin for every Client; Support reads only).
/// </summary>
public sealed class Receivables(PersonDatabase data, InvoiceIssuer issuer, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>One page of invoices across Clients, newest first, filtered on the server.</summary>
    public async Task<(IReadOnlyList<StaffInvoiceRow> Rows, int Total)> ListAsync(StaffInvoiceFilter filter, int skip, int take)
    {
        await using var db = await data.OpenAsync();
        var query = from i in db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments).AsSplitQuery()
                    join c in db.Clients on i.ClientId equals c.Id
                    select new { Invoice = i, c.Number, c.LegalName };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(x => x.Invoice.Number.Contains(term) || x.LegalName.Contains(term) || x.Number.Contains(term));
        }
        if (filter.Year is { } year)
            query = query.Where(x => x.Invoice.IssuedOn >= new DateOnly(year, 1, 1) && x.Invoice.IssuedOn <= new DateOnly(year, 12, 31));
        if (filter.AssignedToMe && (await data.PrincipalAsync()).FindFirstValue(ClaimTypes.NameIdentifier) is { } me)
            query = query.Where(x => db.ClientAssignments.Any(a => a.ClientId == x.Invoice.ClientId && a.StaffUserId == me));

        // Status depends on today and on payments: filter the (already narrowed) set in memory, page after.
        // A few thousand invoices a year per Provider: reading the narrowed set is cheap (#9 measures it).
        var found = await query.OrderByDescending(x => x.Invoice.Sequence).ToListAsync();
        var rows = found.Select(x => new StaffInvoiceRow(x.Invoice, x.Number, x.LegalName, x.Invoice.StatusOn(Today)))
            .Where(r => filter.Status is null || (r.Invoice.Kind == InvoiceKind.Invoice && r.Status == filter.Status))
            .ToList();
        return (rows.Skip(skip).Take(take).ToList(), rows.Count);
    }

    public async Task<StaffInvoice?> FindAsync(string number)
    {
        await using var db = await data.OpenAsync();
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.Id)).Include(i => i.Payments)
            .SingleOrDefaultAsync(i => i.Number == number);
        if (invoice is null) return null;
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == invoice.ClientId);
        var related = await db.Invoices.AsNoTracking()
            .Where(i => i.CorrectsInvoiceId == invoice.Id || i.Id == invoice.CorrectsInvoiceId)
            .OrderBy(i => i.Sequence).Select(i => new RelatedDocument(i.Number, i.Kind, i.IssuedOn)).ToListAsync();
        return new StaffInvoice(invoice, client, related, await MayActForAsync(db, invoice.ClientId),
            LateInterest.On(invoice.TotalInclVat, invoice.DueOn, invoice.Payments, Today));
    }

    /// <summary>What the Provider settings still lack before any invoice may be issued (their English labels).</summary>
    public Task<IReadOnlyList<string>> MissingSellerDetailsAsync() => issuer.MissingSellerDetailsAsync();

    /// <summary>Issues what the schedules say is due today, for every Client this person may bill.</summary>
    /// <param name="refused">Receives each due invoice that EN 16931 cannot express, with the missing term.</param>
    public async Task<IReadOnlyList<string>> IssueDueAsync(ICollection<IssueRefusal>? refused = null)
    {
        var (actor, clientIds) = await BillableClientsAsync();
        var issued = new List<string>();
        foreach (var clientId in clientIds)
            issued.AddRange(await issuer.IssueDueAsync(actor, Today, clientId, refused: refused));
        return issued;
    }

    /// <returns>Null when recorded; otherwise why not.</returns>
    public async Task<string?> RecordPaymentAsync(string number, PaymentKind kind, decimal amount, DateOnly receivedOn, string? reference)
    {
        await using var db = await data.OpenAsync();
        var invoice = await db.Invoices.Include(i => i.Lines).Include(i => i.Payments).SingleOrDefaultAsync(i => i.Number == number);
        if (invoice is null) return $"There is no invoice {number}.";
        if (!await MayActForAsync(db, invoice.ClientId)) return NotYours;
        var (payment, refusal) = PaymentEntry.Check(invoice, kind, amount, receivedOn, Today, reference);
        if (payment is null) return refusal;
        payment.RecordedByUserId = db.Actor.UserId;
        db.Payments.Add(payment);
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<CreditNoteDraft> IssueCreditNoteAsync(string number, IReadOnlyList<CreditedLine> credited)
    {
        await using (var db = await data.OpenAsync())
        {
            var clientId = await db.Invoices.Where(i => i.Number == number).Select(i => (Guid?)i.ClientId).SingleOrDefaultAsync();
            if (clientId is null) return CreditNoteDraft.Refused($"There is no invoice {number}.");
            if (!await MayActForAsync(db, clientId.Value)) return CreditNoteDraft.Refused(NotYours);
        }
        return await issuer.IssueCreditNoteAsync(await data.ActorAsync(), number, credited);
    }

    internal const string NotYours = "Only the Client's AccountManager or a ProviderAdmin may do this.";

    private async Task<bool> MayActForAsync(PortalDb db, Guid clientId) => await StaffAccess.MayActForAsync(await data.PrincipalAsync(), db, clientId);

    private async Task<(Actor Actor, List<Guid> ClientIds)> BillableClientsAsync()
    {
        var user = await data.PrincipalAsync();
        await using var db = await data.OpenAsync();
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var clients = user.IsInRole(Role.ProviderAdmin) ? db.Clients.Select(c => c.Id)
            : user.IsInRole(Role.AccountManager) ? db.ClientAssignments.Where(a => a.StaffUserId == me).Select(a => a.ClientId)
            : db.Clients.Where(_ => false).Select(c => c.Id);
        return (db.Actor, await clients.ToListAsync());
    }
}

public sealed record StaffInvoiceFilter(string? Search = null, InvoiceStatus? Status = null, int? Year = null, bool AssignedToMe = false);

public sealed record StaffInvoiceRow(Invoice Invoice, string ClientNumber, string ClientName, InvoiceStatus Status);

public sealed record RelatedDocument(string Number, InvoiceKind Kind, DateOnly IssuedOn);

/// <param name="MayAct">Whether the signed-in staff member may record payments and issue credit notes for this Client.</param>
/// <param name="Late">Interest, indemnity and rejection fees as of today (SEO §11.3.2).</param>
public sealed record StaffInvoice(Invoice Invoice, Client Client, IReadOnlyList<RelatedDocument> Related, bool MayAct, LateCharges Late);
