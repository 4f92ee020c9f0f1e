using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Settings;
using Portal.Domain.Seats;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Billing.FacturX;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Web.Features.Billing;

/// <summary>
/// Issues invoices and credit notes: what each order form's schedule says is due, the final invoice of an early
/// end, and corrections. Every document is issued in its own transaction that first takes the next number from
/// <see cref="NumberSequence"/>: concurrent issuances (two staff clicks, two instances) queue on that row, and one
/// that fails gives its number back, so the sequence has neither gap nor duplicate. The issued invoice, its
/// pending charges and its e-mails (Factur-X PDF attached) are saved together or not at all. A document that EN 16931
/// cannot express (DOMAIN "E-invoicing") is refused before anything is saved, with the missing term named.
/// </summary>
public sealed class InvoiceIssuer(IDbContextFactory<PortalDb> factory, TimeProvider clock, ILogger<InvoiceIssuer> log, IStringLocalizer<UserText> T)
{
    /// <summary>A final invoice closes the order form's billing: the schedule issues nothing after it.</summary>
    public const string FinalKeyPrefix = "final:";

    /// <summary>
    /// The last day of service when a notice ends the contract: the earliest of the notices still running or taken
    /// effect (a withdrawn or cured one does not end it). Null while nothing ends it. Read through <paramref name="db"/>'s scope.
    /// </summary>
    public static async Task<DateOnly?> LastDayOfServiceAsync(PortalDb db, Guid clientId, CancellationToken ct = default) =>
        (await db.TerminationNotices
            .Where(n => n.ClientId == clientId && (n.Status == TerminationStatus.Filed || n.Status == TerminationStatus.Received
                                                   || n.Status == TerminationStatus.Effective))
            .Select(n => (DateOnly?)n.EffectiveOn).ToListAsync(ct)).Min();

    /// <summary>Whether a final invoice closed the order form's billing.</summary>
    public static Task<bool> FinalIssuedAsync(PortalDb db, Guid orderFormId, CancellationToken ct = default) =>
        db.Invoices.AnyAsync(i => i.OrderFormId == orderFormId && i.ScheduleKey != null && i.ScheduleKey.StartsWith(FinalKeyPrefix), ct);

    /// <summary>Issues every invoice due on or before <paramref name="today"/>, oldest first, for one Client or all.</summary>
    /// <param name="by">Who issues: staff from the billing page, <see cref="Actor.System"/> from the daily job.</param>
    /// <param name="refused">Receives each invoice that was due but refused (EN 16931 cannot express it), with why.</param>
    /// <returns>The numbers issued now; empty when everything due was already issued.</returns>
    public async Task<IReadOnlyList<string>> IssueDueAsync(Actor by, DateOnly today, Guid? clientId = null, CancellationToken ct = default,
        ICollection<IssueRefusal>? refused = null)
    {
        if (await RefusedForMissingSellerDetailsAsync(ct)) return [];
        List<Guid> clientIds;
        await using (var db = await OpenAsync(by))
            clientIds = await db.Clients.Where(c => c.AccessClosedAt == null && c.OrderForms.Any())
                .Where(c => clientId == null || c.Id == clientId)
                .OrderBy(c => c.Number).Select(c => c.Id).ToListAsync(ct);

        var issued = new List<string>();
        foreach (var id in clientIds)
        {
            var (form, lastDayOfService) = await ContractOfAsync(by, id, ct);
            // IAM §11.3: a free trial is not invoiced; a Client that buys signs a new order form.
            if (form is null || form.IsTrial) continue;
            foreach (var due in await NotYetIssuedAsync(by, form, today, lastDayOfService, ct))
            {
                var (invoice, refusal) = await IssueAsync(by, id, form.Id, due, today, ct);
                if (invoice is not null) issued.Add(invoice.Number);
                if (refusal is not null)
                {
                    refused?.Add(refusal);
                    break; // the later periods wait for the same fix: numbers stay in date order
                }
            }
        }
        return issued;
    }

    /// <summary>
    /// DOMAIN "The Provider and its staff": never an invoice without the seller's legal mentions. The Provider
    /// settings fields still empty (their English labels); none when invoices may be issued.
    /// </summary>
    public async Task<IReadOnlyList<string>> MissingSellerDetailsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        return SellerDetails.Missing(await db.ProviderProfiles.AsNoTracking().FirstOrDefaultAsync(ct));
    }

    private async Task<bool> RefusedForMissingSellerDetailsAsync(CancellationToken ct)
    {
        var missing = await MissingSellerDetailsAsync(ct);
        if (missing.Count == 0) return false;
        log.LogWarning("No invoice issued: the Provider settings (/staff/settings) still lack {Missing}", string.Join(", ", missing));
        return true;
    }

    /// <summary>
    /// SEO §14.4: on an early end, one final invoice gathers every fee the schedule still calls for up to the
    /// contractual end. Issued once per <paramref name="reason"/> (e.g. "Termination:{noticeId}"), by the portal.
    /// </summary>
    /// <returns>The invoice; null when nothing was left to invoice or it was issued before.</returns>
    public async Task<Invoice?> IssueFinalAsync(Guid clientId, DateOnly contractualEnd, string reason, CancellationToken ct = default)
    {
        if (await RefusedForMissingSellerDetailsAsync(ct)) return null;
        var today = clock.Today();
        // Whatever fell due before the end is issued on its own first, so the final invoice only holds the remainder.
        await IssueDueAsync(Actor.System, today, clientId, ct);
        var (form, _) = await ContractOfAsync(Actor.System, clientId, ct);
        if (form is null || form.IsTrial) return null;
        var key = FinalKeyPrefix + reason;
        var remaining = await NotYetInvoicedToAsync(form, contractualEnd, ct);
        return InvoiceIssue.Final(remaining, key) is { } final
            ? (await IssueAsync(Actor.System, clientId, form.Id, final, today, ct)).Invoice
            : null;
    }

    /// <summary>A credit note for some lines of an issued invoice (an issued invoice itself never changes).</summary>
    public async Task<CreditNoteDraft> IssueCreditNoteAsync(Actor by, string invoiceNumber, IReadOnlyList<CreditedLine> credited,
        CancellationToken ct = default)
    {
        var today = clock.Today();
        CreditNoteDraft draft = CreditNoteDraft.Refused($"There is no invoice {invoiceNumber}.");
        var (_, refusal) = await InTransactionAsync(by, async (db, sequence) =>
        {
            var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.Id))
                .SingleOrDefaultAsync(i => i.Number == invoiceNumber, ct);
            if (invoice is null) return null;
            var earlier = await db.Invoices.AsNoTracking().Include(i => i.Lines)
                .Where(i => i.CorrectsInvoiceId == invoice.Id).ToListAsync(ct);
            draft = CreditNote.For(invoice, earlier, credited, sequence, today);
            // The credit note settles the invoice it corrects, in the same transaction (SEO §11: deducted from what is owed).
            if (draft.CreditNote is { } note)
                db.Payments.Add(new Payment
                {
                    InvoiceId = invoice.Id, Kind = PaymentKind.CreditNote, Amount = note.TotalInclVat, ReceivedOn = today,
                    Reference = note.Number, RecordedByUserId = by.UserId,
                });
            return draft.CreditNote;
        }, ct);
        return refusal is null ? draft : CreditNoteDraft.Refused(refusal.Message);
    }

    /// <summary>The numbers missing from the sequence: none, unless a row was deleted outside the portal (tests and operators check it).</summary>
    public async Task<IReadOnlyList<long>> GapsAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Actor.System);
        return InvoiceNumbering.Gaps(await db.Invoices.Select(i => i.Sequence).ToListAsync(ct));
    }

    private async Task<(Invoice? Invoice, IssueRefusal? Refusal)> IssueAsync(Actor by, Guid clientId, Guid formId, ScheduledInvoice due,
        DateOnly today, CancellationToken ct) =>
        await InTransactionAsync(by, async (db, sequence) =>
        {
            // Checked again under the number's lock: another instance may have issued this period a moment ago.
            if (await db.Invoices.AnyAsync(i => i.OrderFormId == formId && i.ScheduleKey == due.Key, ct)) return null;
            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId, ct);
            var form = await db.OrderForms.AsNoTracking().SingleAsync(f => f.Id == formId, ct);
            var charges = await db.PendingCharges.Where(c => c.ClientId == clientId && c.InvoiceId == null)
                .OrderBy(c => c.CreatedAt).ToListAsync(ct);
            var invoice = InvoiceIssue.For(due, client, form, charges, sequence, today);
            foreach (var charge in charges) charge.InvoiceId = invoice.Id;
            return invoice;
        }, ct);

    /// <summary>
    /// One issuance: take the next number, build the document, check that EN 16931 can express it, save it with its
    /// e-mails, commit. When <paramref name="build"/> returns null, the document is refused, or anything fails, the
    /// transaction rolls back and the number is not used.
    /// </summary>
    private async Task<(Invoice? Invoice, IssueRefusal? Refusal)> InTransactionAsync(Actor by, Func<PortalDb, long, Task<Invoice?>> build,
        CancellationToken ct)
    {
        await using var db = await OpenAsync(by);
        // SQLite begins it IMMEDIATE (the write lock first); PostgreSQL locks the counter's row in TakeNumberAsync.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await TakeNumberAsync(db, ct);
        var invoice = await build(db, sequence);
        if (invoice is null) return (null, null); // Disposing the transaction rolls the counter back.

        var facts = await InvoiceFacts.LoadAsync(db, invoice, ct);
        if (FacturXInvoice.Refusal(facts) is { } refusal)
        {
            var client = await db.Clients.Where(c => c.Id == invoice.ClientId).Select(c => c.Number).SingleAsync(ct);
            log.LogWarning("Not issued for Client {Client}: {Refusal}", client, refusal);
            return (null, new IssueRefusal(client, refusal)); // rolled back: nothing saved, the number given back
        }
        db.Invoices.Add(invoice);
        await EmailAsync(db, invoice, FacturXInvoice.Pdf(facts), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Issued {Kind} {Number} for Client {ClientId}", invoice.Kind, invoice.Number, invoice.ClientId);
        return (invoice, null);
    }

    /// <summary>The counter's UPDATE is the transaction's first write, so the row stays locked until commit or rollback.</summary>
    private static async Task<long> TakeNumberAsync(PortalDb db, CancellationToken ct)
    {
        var counter = db.NumberSequences.Where(n => n.Name == NumberSequence.Invoices);
        if (await counter.ExecuteUpdateAsync(s => s.SetProperty(n => n.Last, n => n.Last + 1), ct) != 1)
            throw new InvalidOperationException("The invoice number counter is missing: run the database migrations.");
        return await counter.Select(n => n.Last).SingleAsync(ct);
    }

    /// <summary>One e-mail per billing contact, the Factur-X PDF attached; the ClientAdmins when the Client named none, so no invoice goes unseen.</summary>
    private async Task EmailAsync(PortalDb db, Invoice invoice, byte[] pdf, CancellationToken ct)
    {
        var recipients = await db.BillingContacts.Where(c => c.ClientId == invoice.ClientId)
            .Select(c => new { c.Email, c.Name }).ToListAsync(ct);
        if (recipients.Count == 0)
            recipients = await db.ClientAdmins(invoice.ClientId).Select(u => new { Email = u.Email!, Name = (string?)u.DisplayName }).ToListAsync(ct);
        if (recipients.Count == 0) return;

        var provider = await db.ProviderProfiles.AsNoTracking().FirstAsync(ct);
        foreach (var to in recipients)
        {
            var mail = InvoiceEmail.For(T, invoice, provider.LegalName, to.Name);
            var email = Outbox.Enqueue(db, to.Email, to.Name, mail.Subject, mail.HtmlBody, invoice.ClientId, InvoiceEmail.ReasonFor(invoice, to.Email));
            (email.AttachmentFileName, email.AttachmentContentType, email.Attachment) = (InvoicePdf.FileName(invoice), "application/pdf", pdf);
        }
    }

    /// <summary>The Client's order form in force today and, when a notice ends the contract, its last day of service.</summary>
    private async Task<(OrderForm? Form, DateOnly? LastDayOfService)> ContractOfAsync(Actor by, Guid clientId, CancellationToken ct)
    {
        await using var db = await OpenAsync(by);
        var form = await db.OrderForms.AsNoTracking().Include(f => f.Lines).CurrentOrderForm(clientId, db.Clock.Today()).FirstOrDefaultAsync(ct);
        return (form, await LastDayOfServiceAsync(db, clientId, ct));
    }

    private async Task<IReadOnlyList<ScheduledInvoice>> NotYetIssuedAsync(Actor by, OrderForm form, DateOnly upTo, DateOnly? lastDayOfService,
        CancellationToken ct)
    {
        var (schedule, issued) = await ScheduleAsync(by, form, upTo, lastDayOfService, ct);
        return [.. schedule.Where(i => !issued.ContainsKey(i.Key))];
    }

    /// <summary>
    /// The schedule up to <paramref name="contractualEnd"/> less what was invoiced: whole periods not yet issued, and the
    /// rest of a period that was billed only to a last day of service (SEO §14.4: fees run to the contractual end).
    /// </summary>
    private async Task<IReadOnlyList<ScheduledInvoice>> NotYetInvoicedToAsync(OrderForm form, DateOnly contractualEnd, CancellationToken ct)
    {
        var (schedule, issued) = await ScheduleAsync(Actor.System, form, contractualEnd, contractualEnd, ct);
        return [.. schedule.Select(due => issued.TryGetValue(due.Key, out var invoice) ? InvoiceIssue.Remainder(due, invoice) : due)
            .OfType<ScheduledInvoice>()];
    }

    /// <returns>Every period the schedule calls for, priced as in force on its first day (SEO §10.3), and the invoices
    /// already issued by key; nothing when a final invoice closed the order form's billing.</returns>
    private async Task<(IReadOnlyList<ScheduledInvoice> Schedule, Dictionary<string, Invoice> Issued)> ScheduleAsync(Actor by, OrderForm form,
        DateOnly upTo, DateOnly? lastDayOfService, CancellationToken ct)
    {
        await using var db = await OpenAsync(by);
        var issued = (await db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.Id))
            .Where(i => i.OrderFormId == form.Id && i.ScheduleKey != null).ToListAsync(ct))
            .ToDictionary(i => i.ScheduleKey!, StringComparer.Ordinal);
        if (issued.Keys.Any(k => k.StartsWith(FinalKeyPrefix, StringComparison.Ordinal))) return ([], issued);
        var revisions = await db.PriceRevisions.AsNoTracking().Where(r => r.OrderFormId == form.Id).ToListAsync(ct);
        var approvals = (await db.SeatRequests.AsNoTracking()
            .Where(r => r.ClientId == form.ClientId && r.Status == SeatRequestStatus.Approved && r.DecidedAt != null)
            .Select(r => new { r.DecidedAt, r.ExtraSeats }).ToListAsync(ct))
            .Select(r => (DateOnly.FromDateTime(r.DecidedAt!.Value.UtcDateTime), r.ExtraSeats)).ToList();
        var terms = BillingTerms.From(form);
        var signed = form.Lines.Select(ScheduledLine.From).ToList();
        // Each period is billed with the seats approved before it and at the prices in force on its first day (SEO §10.3).
        IReadOnlyList<ScheduledLine> LinesOn(DateOnly start) => PriceRevisionRule.LinesOn(
            ApprovedSeats.LinesOn(signed, form.Term, form.SeatPriceExclVat, approvals, start), revisions, start);
        return ([.. BillingSchedule.For(terms, signed, upTo, lastDayOfService)
            .Select(i => revisions.Count == 0 && approvals.Count == 0 ? i
                : BillingSchedule.For(terms, LinesOn(i.PeriodStart), upTo, lastDayOfService).Single(r => r.Key == i.Key))], issued);
    }

    private async Task<PortalDb> OpenAsync(Actor by)
    {
        var db = await factory.CreateDbContextAsync();
        db.Actor = by;
        db.Clock = clock;
        return db;
    }
}

/// <summary>An invoice that was due but not issued: which Client, and why (the missing EN 16931 term).</summary>
public sealed record IssueRefusal(string ClientNumber, string Message);
