using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Seats;
using Portal.Domain.Subscription;
using Portal.Domain.Terms;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Shared;

namespace Portal.Web.Features.Dashboard;

/// <summary>What each role sees first: where its contract stands (Client people) or which Clients need attention (staff).</summary>
public sealed class DashboardService(PersonDatabase data, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    /// <summary>The signed-in person's own Client; the tenancy filter makes it the only one they can read.</summary>
    public async Task<ClientOverview?> ClientOverviewAsync()
    {
        await using var db = await data.OpenAsync();
        var client = await db.Clients.AsNoTracking()
            .Include(c => c.OrderForms).ThenInclude(o => o.Lines)
            .SingleOrDefaultAsync();
        if (client?.OrderForms.AsQueryable().CurrentOrderForm(Today).FirstOrDefault() is not { } form) return null;

        var seatsUsed = await db.SeatHolders(client.Id).CountAsync();
        var subsidiaries = await db.Subsidiaries.CountAsync(s => s.EndedAt == null);
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .Where(i => i.Kind == InvoiceKind.Invoice).ToListAsync();
        var versions = await db.DocumentVersions.AsNoTracking().ToListAsync();
        var records = await db.AcceptanceRecords.AsNoTracking().ToListAsync();
        var terminatedOver = await db.TerminationNotices.VersionsTerminatedOverAsync();

        var now = clock.GetUtcNow();
        var open = invoices.Where(i => i.AmountOutstanding > 0).ToList();
        var overdue = open.Where(i => i.StatusOn(Today) == InvoiceStatus.Overdue).ToList();
        return new ClientOverview(
            client.LegalName, client.Number, form.Term.PeriodOn(Today), form.ExtensionPeriodMonths, form.TrialEndsOn, form.PartnerName,
            new SeatCap(form.SeatCap, seatsUsed), subsidiaries,
            open.Sum(i => i.AmountOutstanding), overdue.Count, overdue.Sum(i => i.AmountOutstanding),
            open.Where(i => i.StatusOn(Today) != InvoiceStatus.Overdue).OrderBy(i => i.DueOn).FirstOrDefault() is { } next
                ? new InvoiceDue(next.Number, next.DueOn, next.AmountOutstanding) : null,
            ClientAcceptance.For(versions, records, now, terminatedOver).Where(s => s.Kind != StandingKind.InNoticeMonth).ToList());
    }

    /// <summary>
    /// The next invoice the billing schedule will issue for the signed-in person's Client, as <see cref="InvoiceIssuer"/>
    /// will build it: from the order form in force, up to the last day of service of a running notice, with the charges
    /// waiting for it. Null when the Client has no order form.
    /// </summary>
    public async Task<NextInvoice?> NextInvoiceAsync()
    {
        await using var db = await data.OpenAsync();
        var form = await db.OrderForms.AsNoTracking().Include(f => f.Lines).CurrentOrderForm(Today).FirstOrDefaultAsync();
        if (form is null) return null;
        var lastDay = await InvoiceIssuer.LastDayOfServiceAsync(db, form.ClientId);
        var finalIssued = await InvoiceIssuer.FinalIssuedAsync(db, form.Id);
        var pending = await db.PendingCharges.AsNoTracking().Where(c => c.InvoiceId == null).ToListAsync();
        return NextInvoice.For(form, Today, lastDay, finalIssued, pending.Sum(c => Money.Round(c.Quantity * c.UnitPriceExclVat)));
    }

    /// <summary>
    /// The Clients a staff member looks after: an AccountManager's assigned Clients, or every Client
    /// for Support and ProviderAdmins.
    /// </summary>
    public async Task<IReadOnlyList<ClientRow>> ClientRowsAsync(string? assignedToUserId)
    {
        await using var db = await data.OpenAsync();
        var clients = db.Clients.AsNoTracking().Include(c => c.OrderForms).AsQueryable();
        if (assignedToUserId is not null)
            clients = clients.Where(c => c.AccountManagers.Any(a => a.StaffUserId == assignedToUserId));
        var list = await clients.OrderBy(c => c.LegalName).ToListAsync();

        var seats = await db.Users.SeatHolders()
            .GroupBy(u => u.ClientId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        var openInvoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .Where(i => i.Kind == InvoiceKind.Invoice && i.DueOn < Today).ToListAsync();

        return list.Select(c => (Client: c, Form: c.OrderForms.AsQueryable().CurrentOrderForm(Today).FirstOrDefault()))
            .Where(x => x.Form is not null).Select(x =>
        {
            var (c, form) = (x.Client, x.Form!);
            return new ClientRow(c.Id, c.Number, c.LegalName, form.Term.PeriodOn(Today), form.TrialEndsOn,
                new SeatCap(form.SeatCap, seats.GetValueOrDefault(c.Id)),
                openInvoices.Count(i => i.ClientId == c.Id && i.StatusOn(Today) == InvoiceStatus.Overdue));
        }).ToList();
    }

    /// <summary>DOMAIN "The Provider and its staff": until the Provider settings are complete, what they still lack.</summary>
    public async Task<IReadOnlyList<string>> MissingSellerDetailsAsync()
    {
        await using var db = await data.OpenAsync();
        return Portal.Domain.Settings.SellerDetails.Missing(await db.ProviderProfiles.AsNoTracking().FirstOrDefaultAsync());
    }

    /// <summary>Support's view: how many acceptance records exist and the latest ones.</summary>
    public async Task<AcceptanceSummary> AcceptanceSummaryAsync()
    {
        await using var db = await data.OpenAsync();
        var since = clock.GetUtcNow().AddDays(-30);
        var latest = await db.AcceptanceRecords.AsNoTracking().OrderByDescending(r => r.Id).Take(5)
            .Join(db.Clients, r => r.ClientId, c => c.Id, (r, c) => new RecentAcceptance(
                c.LegalName, r.UserEmail, r.DocumentType, r.VersionLabel, r.Method, r.AcceptedAt))
            .ToListAsync();
        return new AcceptanceSummary(
            await db.AcceptanceRecords.CountAsync(),
            await db.AcceptanceRecords.CountAsync(r => r.AcceptedAt >= since),
            latest);
    }
}

public sealed record ClientOverview(
    string ClientName, string ClientNumber, ServicePeriod Period, int ExtensionMonths, DateOnly? TrialEndsOn, string? PartnerName,
    SeatCap Seats, int Subsidiaries, decimal Outstanding, int OverdueCount, decimal OverdueAmount, InvoiceDue? NextDue,
    IReadOnlyList<DocumentStanding> Documents);

public sealed record InvoiceDue(string Number, DateOnly DueOn, decimal Amount);

public sealed record ClientRow(Guid Id, string Number, string Name, ServicePeriod Period, DateOnly? TrialEndsOn, SeatCap Seats, int OverdueInvoices);

public sealed record AcceptanceSummary(int Total, int Last30Days, IReadOnlyList<RecentAcceptance> Latest);

public sealed record RecentAcceptance(string Client, string? UserEmail, DocumentType Document, string Version, AcceptanceMethod Method, DateTimeOffset At);
