using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Domain.Staff;
using Portal.Domain.Subscription;
using Portal.Domain.Termination;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Features.Terms;
using Portal.Web.Features.Terms.Staff;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Clients;

/// <summary>
/// The staff's Clients: the searchable list, one Client with everything about it, a new Client with its
/// signed order form, and the AccountManagers assigned to it.
/// </summary>
public sealed class ClientDirectory(PersonDatabase data, TimeProvider clock, ConnectionEvidence connection)
{
    /// <param name="Text">Part of the legal name or the number.</param>
    public sealed record Filter(string? Text = null, string? AccountManagerId = null, bool Trial = false, bool RenewalSoon = false,
        bool Overdue = false, bool OpenNotices = false);

    public async Task<IReadOnlyList<ClientListRow>> SearchAsync(Filter filter, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = await data.OpenAsync();
        var clients = db.Clients.AsNoTracking().Include(c => c.OrderForms).Include(c => c.AccountManagers).AsQueryable();
        // Contains, not LIKE: a typed % or _ is a character, not a wildcard.
        if (filter.Text?.Trim().ToLower() is { Length: > 0 } text)
            clients = clients.Where(c => c.LegalName.ToLower().Contains(text) || c.Number.ToLower().Contains(text));
        if (filter.AccountManagerId is { } am)
            clients = clients.Where(c => c.AccountManagers.Any(a => a.StaffUserId == am));
        var list = await clients.OrderBy(c => c.LegalName).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();

        var staffNames = await StaffNamesAsync(db, ct);
        var seats = await db.Users.SeatHolders().Where(u => ids.Contains(u.ClientId!.Value))
            .GroupBy(u => u.ClientId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overdue = (await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
                .Where(i => ids.Contains(i.ClientId) && i.Kind == InvoiceKind.Invoice && i.DueOn < today).ToListAsync(ct))
            .Where(i => i.StatusOn(today) == InvoiceStatus.Overdue).GroupBy(i => i.ClientId).ToDictionary(g => g.Key, g => g.Count());
        var notices = (await db.TerminationNotices.AsNoTracking().Where(n => ids.Contains(n.ClientId)).Select(n => new { n.ClientId, n.Status }).ToListAsync(ct))
            .Where(n => ClientWatch.IsOpen(n.Status)).GroupBy(n => n.ClientId).ToDictionary(g => g.Key, g => g.Count());

        var rows = list.Select(c =>
        {
            var form = c.OrderForms.AsQueryable().CurrentOrderForm(today).FirstOrDefault();
            return new ClientListRow(c.Id, c.Number, c.LegalName,
                c.AccountManagers.Select(a => staffNames.GetValueOrDefault(a.StaffUserId, "?")).Order().ToList(),
                form?.Term.PeriodOn(today), form?.TrialEndsOn, new SeatCap(form?.SeatCap ?? 0, seats.GetValueOrDefault(c.Id)),
                overdue.GetValueOrDefault(c.Id), notices.GetValueOrDefault(c.Id));
        });
        return rows.Where(r => (!filter.Trial || r.TrialEndsOn is not null)
                && (!filter.RenewalSoon || r.Period is { } p && ClientWatch.RenewsWithin(p, today))
                && (!filter.Overdue || r.OverdueInvoices > 0)
                && (!filter.OpenNotices || r.OpenNotices > 0))
            .ToList();
    }

    /// <summary>Every AccountManager, for the list's filter and the assignment picker.</summary>
    public async Task<IReadOnlyList<StaffChoice>> AccountManagersAsync(CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        return await UsersInRole(db, Role.AccountManager).Where(u => u.DeactivatedAt == null).OrderBy(u => u.DisplayName)
            .Select(u => new StaffChoice(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);
    }

    /// <summary>One Client with its contract, seats, invoices, notices, acceptances and people; null when no such number.</summary>
    public async Task<ClientDetails?> DetailsAsync(string number, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = await data.OpenAsync();
        var client = await db.Clients.AsNoTracking().Include(c => c.OrderForms).ThenInclude(o => o.Lines)
            .Include(c => c.AccountManagers).Include(c => c.BillingContacts)
            .SingleOrDefaultAsync(c => c.Number == number, ct);
        if (client is null) return null;

        var form = client.OrderForms.AsQueryable().CurrentOrderForm(today).FirstOrDefault();
        var users = await db.Users.AsNoTracking().Where(u => u.ClientId == client.Id).ToListAsync(ct);
        var admins = await db.ClientAdmins(client.Id)
            .OrderBy(u => u.DisplayName).Select(u => new StaffChoice(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);
        var invoices = (await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
                .Where(i => i.ClientId == client.Id).ToListAsync(ct))
            .OrderByDescending(i => i.Sequence)
            .Select(i => new ClientInvoice(i.Number, i.Kind, i.IssuedOn, i.DueOn, i.TotalInclVat, i.AmountOutstanding,
                i.Kind == InvoiceKind.Invoice ? i.StatusOn(today) : null)).ToList();
        var notices = await db.TerminationNotices.AsNoTracking().Where(n => n.ClientId == client.Id)
            .OrderByDescending(n => n.FiledAt).ToListAsync(ct);
        var acceptances = await db.AcceptanceRecords.AsNoTracking().Where(r => r.ClientId == client.Id)
            .OrderByDescending(r => r.AcceptedAt).Take(50).ToListAsync(ct);
        var staffNames = await StaffNamesAsync(db, ct);
        var managers = client.AccountManagers
            .Select(a => new StaffChoice(a.StaffUserId, staffNames.GetValueOrDefault(a.StaffUserId, "?"), "")).OrderBy(s => s.Name).ToList();

        var user = await data.PrincipalAsync();
        var roles = StaffAccess.RolesOf(user);
        var assigned = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } me && client.AccountManagers.Any(a => a.StaffUserId == me);
        return new ClientDetails(client, form, form?.Term.PeriodOn(today),
            new SeatCap(form?.SeatCap ?? 0, users.AsQueryable().SeatHolders().Count()), admins, managers, invoices, notices, acceptances,
            MayActFor: !PortalClaims.IsImpersonated(user) && StaffPermissions.MayActFor(roles, assigned),
            MayAssign: StaffPermissions.MayAssignAccountManagers(roles));
    }

    /// <summary>
    /// Records a new Client and its signed order form in one save, after <see cref="OrderFormRule"/>; its number
    /// continues the C-000N series. An AccountManager who creates a Client is assigned to it.
    /// </summary>
    /// <param name="administratorEmail">Issue 15 §4: the first ClientAdmin to invite once the Client exists; checked here first,
    /// so a typo refuses the whole form instead of leaving a Client without its invitation.</param>
    /// <param name="signedOnPaper">Issue 15 §5: the PDF of an order form signed on paper; kept with its SHA-256, and an
    /// OrderFormSigned record is written for each document version it incorporates.</param>
    public async Task<CreateClientResult> CreateAsync(Client client, OrderForm form, string? administratorEmail = null,
        SignedUpload? signedOnPaper = null, CancellationToken ct = default)
    {
        var user = await data.PrincipalAsync();
        var roles = StaffAccess.RolesOf(user);
        if (PortalClaims.IsImpersonated(user) || !StaffPermissions.MayCreateClients(roles))
            return new CreateClientResult(null, [new("", "Only Account Managers and Provider administrators can create Clients.")]);
        var problems = OrderFormRule.Check(client, form).ToList();
        await using var db = await data.OpenAsync();
        if (!string.IsNullOrWhiteSpace(administratorEmail))
        {
            var (email, emailProblem) = InviteeEmail.Check(administratorEmail);
            if (emailProblem is not null) problems.Add(new(AdministratorEmailField, emailProblem));
            else if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == email!.ToUpperInvariant(), ct))
                problems.Add(new(AdministratorEmailField, "This address already has an account. Each person has one account with one e-mail address."));
        }
        if (signedOnPaper is not null && SignedOrderForm.Problem(signedOnPaper.FileName, signedOnPaper.Length, signedOnPaper.Content) is { } pdfProblem)
            problems.Add(new(SignedOrderFormField, pdfProblem));
        if (problems.Count > 0) return new CreateClientResult(null, problems);

        var now = clock.GetUtcNow();
        client.Number = ClientNumbering.Next(await db.Clients.IgnoreQueryFilters().Select(c => c.Number).ToListAsync(ct));
        client.CreatedAt = now;
        client.LegalName = client.LegalName.Trim();
        client.Country = client.Country.ToUpperInvariant();
        form.ClientId = client.Id;
        client.OrderForms.Add(form);
        if (roles.Contains(Role.AccountManager) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } me)
            client.AccountManagers.Add(new ClientAssignment { ClientId = client.Id, StaffUserId = me, AssignedAt = now });
        db.Clients.Add(client);
        var signed = signedOnPaper is null ? null : new SignedOrderForm
        {
            ClientId = client.Id, OrderFormId = form.Id, FileName = Path.GetFileName(signedOnPaper.FileName), Content = signedOnPaper.Content,
            Sha256 = SignedOrderForm.HashOf(signedOnPaper.Content), RecordedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier)!, RecordedAt = now,
        };
        if (signed is not null) db.SignedOrderForms.Add(signed);
        try
        {
            await db.SaveChangesAsync(ct); // the Client, its order form and the signed PDF together
        }
        catch (DbUpdateException)
        {
            // Two staff members creating a Client at the same moment took the same number: nothing was saved.
            return new CreateClientResult(null, [new("", "Another Client was created at the same moment. Save again.")]);
        }
        if (signed is not null)
        {
            // After the Client is saved: the ledger saves each record on its own, retrying a race for the chain's tail.
            connection.Capture();
            await PaperSignatures.RecordAsync(db, signed, client.Culture, new PaperSignatures.Recorder(
                signed.RecordedByUserId, PortalClaims.DisplayNameOf(user), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
                connection.IpAddress, connection.UserAgent), ct);
        }
        return new CreateClientResult(client.Number, []);
    }

    public const string AdministratorEmailField = "AdministratorEmail";
    public const string SignedOrderFormField = "SignedOrderForm";

    /// <summary>ProviderAdmins assign and unassign AccountManagers; returns the refusal message, or null when done.</summary>
    public async Task<string?> SetAssignmentAsync(Guid clientId, string staffUserId, bool assigned, CancellationToken ct = default)
    {
        var user = await data.PrincipalAsync();
        if (PortalClaims.IsImpersonated(user) || !StaffPermissions.MayAssignAccountManagers(StaffAccess.RolesOf(user)))
            return "Only Provider administrators can assign Account Managers.";
        await using var db = await data.OpenAsync();
        if (!await UsersInRole(db, Role.AccountManager).AnyAsync(u => u.Id == staffUserId && u.DeactivatedAt == null, ct))
            return "Choose an active Account Manager.";
        var existing = await db.ClientAssignments.SingleOrDefaultAsync(a => a.ClientId == clientId && a.StaffUserId == staffUserId, ct);
        if (assigned && existing is null)
            db.ClientAssignments.Add(new ClientAssignment { ClientId = clientId, StaffUserId = staffUserId, AssignedAt = clock.GetUtcNow() });
        else if (!assigned && existing is not null)
            db.ClientAssignments.Remove(existing);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static IQueryable<PortalUser> UsersInRole(PortalDb db, string role) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    private static Task<Dictionary<string, string>> StaffNamesAsync(PortalDb db, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.ClientId == null).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
}

public sealed record ClientListRow(Guid Id, string Number, string Name, IReadOnlyList<string> AccountManagers, ServicePeriod? Period,
    DateOnly? TrialEndsOn, SeatCap Seats, int OverdueInvoices, int OpenNotices);

public sealed record ClientInvoice(string Number, InvoiceKind Kind, DateOnly IssuedOn, DateOnly DueOn, decimal Total, decimal Outstanding, InvoiceStatus? Status);

public sealed record ClientDetails(Client Client, OrderForm? OrderForm, ServicePeriod? Period, SeatCap Seats,
    IReadOnlyList<StaffChoice> Admins, IReadOnlyList<StaffChoice> AccountManagers, IReadOnlyList<ClientInvoice> Invoices,
    IReadOnlyList<TerminationNotice> Notices, IReadOnlyList<AcceptanceRecord> Acceptances, bool MayActFor, bool MayAssign);

/// <param name="Length">The size as received (may exceed what was read, when over the limit).</param>
public sealed record SignedUpload(string FileName, long Length, byte[] Content);

public sealed record CreateClientResult(string? Number, IReadOnlyList<OrderFormProblem> Problems);
