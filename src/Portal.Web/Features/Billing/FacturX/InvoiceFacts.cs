using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Web.Data;

namespace Portal.Web.Features.Billing.FacturX;

/// <summary>
/// Everything an invoice's documents (PDF and Factur-X XML) are drawn from: the issued invoice, the seller as the
/// Provider's settings say, how the Client pays, its SEPA mandate and, for a credit note, the invoice it corrects.
/// </summary>
/// <param name="PaymentMethod">From the Client's latest order form.</param>
/// <param name="Mandate">The Client's SEPA mandate in force on the issue date, if any.</param>
/// <param name="Corrected">For a credit note: the invoice it corrects.</param>
/// <param name="ClientRegistrationNumber">The Client's registration number today: the SIREN of an invoice issued before
/// invoices kept their own copy of it (i17).</param>
public sealed record InvoiceFacts(Invoice Invoice, ProviderProfile Provider, PaymentMethod PaymentMethod, SepaMandate? Mandate = null,
    Invoice? Corrected = null, string? ClientRegistrationNumber = null)
{
    /// <summary>Reads the facts of <paramref name="invoice"/> through <paramref name="db"/>'s scope.</summary>
    public static async Task<InvoiceFacts> LoadAsync(PortalDb db, Invoice invoice, CancellationToken ct = default) =>
        (await LoadAsync(db, [invoice], ct))[0];

    /// <summary>The facts of several invoices in four queries, whatever their number (the zip, the data export).</summary>
    public static async Task<IReadOnlyList<InvoiceFacts>> LoadAsync(PortalDb db, IReadOnlyList<Invoice> invoices, CancellationToken ct = default)
    {
        if (invoices.Count == 0) return [];
        var provider = await db.ProviderProfiles.AsNoTracking().FirstAsync(ct);
        var clientIds = invoices.Select(i => i.ClientId).Distinct().ToList();
        var forms = (await db.OrderForms.AsNoTracking().Where(f => clientIds.Contains(f.ClientId))
                .Select(f => new { f.ClientId, f.SignedOn, f.PaymentMethod }).ToListAsync(ct))
            .GroupBy(f => f.ClientId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.SignedOn).First().PaymentMethod);
        var mandates = (await db.SepaMandates.AsNoTracking().Where(m => clientIds.Contains(m.ClientId)).ToListAsync(ct))
            .GroupBy(m => m.ClientId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.SignedAt).ToList());
        var registrations = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.RegistrationNumber, ct);
        var correctedIds = invoices.Where(i => i.CorrectsInvoiceId != null).Select(i => i.CorrectsInvoiceId!.Value).Distinct().ToList();
        var corrected = correctedIds.Count == 0 ? [] : await db.Invoices.AsNoTracking().Where(i => correctedIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, ct);
        return [.. invoices.Select(i => new InvoiceFacts(i, provider, forms.GetValueOrDefault(i.ClientId, PaymentMethod.BankTransfer),
            MandateOn(mandates.GetValueOrDefault(i.ClientId), i.IssuedOn),
            i.CorrectsInvoiceId is { } id ? corrected.GetValueOrDefault(id) : null,
            registrations.GetValueOrDefault(i.ClientId)))];
    }

    /// <summary>The mandate signed last before the end of the issue day and not revoked by then; else the latest one.</summary>
    private static SepaMandate? MandateOn(List<SepaMandate>? mandates, DateOnly day)
    {
        if (mandates is null) return null;
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return mandates.FirstOrDefault(m => m.SignedAt < end && (m.RevokedAt is null || m.RevokedAt >= end)) ?? mandates[0];
    }
}
