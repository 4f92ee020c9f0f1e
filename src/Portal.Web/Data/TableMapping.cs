using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Operations;
using Portal.Domain.Seats;
using Portal.Domain.Staff;
using Portal.Domain.Subsidiaries;
using Portal.Domain.Terms;
using Portal.Domain.Termination;

namespace Portal.Web.Data;

/// <summary>Table shapes, keys, indexes and the one tenancy filter, for every Domain entity.</summary>
internal static class TableMapping
{
    public static void Configure(ModelBuilder b, PortalDb db)
    {
        b.Entity<ProviderProfile>(e =>
        {
            e.OwnsOne(p => p.Address);
            e.Property(p => p.ShareCapitalEur).HasPrecision(18, 2);
            e.Property(p => p.ElectronicAddressScheme).HasDefaultValue("0225");
        });

        b.Entity<Client>(e =>
        {
            e.HasIndex(c => c.Number).IsUnique();
            e.HasIndex(c => c.LegalName);
            e.OwnsOne(c => c.Address);
            e.HasMany(c => c.OrderForms).WithOne().HasForeignKey(o => o.ClientId);
            e.HasMany(c => c.AccountManagers).WithOne().HasForeignKey(a => a.ClientId);
            e.HasMany(c => c.BillingContacts).WithOne().HasForeignKey(c => c.ClientId);
            e.HasQueryFilter(c => db.SeesAllClients || c.Id == db.ScopeClientId || db.AssignedClientIds.Contains(c.Id));
        });
        // Each accounts-payable address once per Client (stored in lower case by BillingContactEntry).
        b.Entity<BillingContact>(e => e.HasIndex(c => new { c.ClientId, c.Email }).IsUnique());
        b.Entity<ClientAssignment>(e =>
        {
            e.HasKey(a => new { a.ClientId, a.StaffUserId });
            e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.StaffUserId);
        });
        b.Entity<OrderForm>(e =>
        {
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderFormId);
            e.Property(o => o.SyntecBaseIndex).HasPrecision(10, 2);
            e.Property(o => o.SeatPriceExclVat).HasPrecision(18, 2);
        });
        b.Entity<OrderLine>(e =>
        {
            e.Property(l => l.Quantity).HasPrecision(18, 4);
            e.Property(l => l.UnitPriceExclVat).HasPrecision(18, 2);
            e.Property(l => l.DescriptionFr).HasMaxLength(500);
            e.HasQueryFilter(l => db.SeesAllClients ||
                db.OrderForms.Any(o => o.Id == l.OrderFormId && ((Guid?)o.ClientId == db.ScopeClientId || db.AssignedClientIds.Contains(o.ClientId))));
        });

        b.Entity<Subsidiary>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId);
            e.Property(s => s.ControlPercent).HasPrecision(5, 2);
        });
        b.Entity<PortalUser>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(u => u.ClientId);
            e.HasOne<Subsidiary>().WithMany().HasForeignKey(u => u.SubsidiaryId);
            e.HasIndex(u => new { u.ClientId, u.DeactivatedAt });
            e.HasIndex(u => new { u.ClientId, u.DisplayName });
            // Identity checks uniqueness by a query; two creations racing (add-provider-admin beside the start-up
            // bootstrap, two invitations) would both pass it. The database keeps one account per address.
            e.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        });

        b.Entity<DocumentVersion>(e => e.HasIndex(v => new { v.Type, v.Label }).IsUnique());
        b.Entity<AcceptanceRecord>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId);
            e.HasOne<DocumentVersion>().WithMany().HasForeignKey(r => r.DocumentVersionId);
            e.HasIndex(r => r.Hash).IsUnique();
            // One index per filter of Support's review (issue #4), each ending in the default sort.
            e.HasIndex(r => r.AcceptedAt);
            e.HasIndex(r => new { r.ClientId, r.AcceptedAt });
            e.HasIndex(r => new { r.DocumentType, r.AcceptedAt });
            e.HasIndex(r => new { r.DocumentVersionId, r.AcceptedAt });
            e.HasIndex(r => new { r.VersionLabel, r.AcceptedAt });
            e.HasIndex(r => new { r.Method, r.AcceptedAt });
            e.HasIndex(r => new { r.UserEmail, r.AcceptedAt });
            // A notice month ends once: at most one deemed acceptance per Client and version.
            e.HasIndex(r => new { r.ClientId, r.DocumentVersionId })
                .HasFilter($"\"Method\" = {(int)AcceptanceMethod.DeemedAfterNotice}").IsUnique()
                .HasDatabaseName("IX_AcceptanceRecords_OneDeemedPerClientAndVersion");
        });

        b.Entity<Invoice>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId);
            e.HasIndex(i => i.Number).IsUnique();
            e.HasIndex(i => i.Sequence).IsUnique();
            e.HasIndex(i => new { i.ClientId, i.IssuedOn });
            e.HasIndex(i => new { i.OrderFormId, i.ScheduleKey }).IsUnique()
                .HasFilter("\"ScheduleKey\" IS NOT NULL");
            e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId);
            e.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId);
            e.Property(i => i.BuyerSiren).HasMaxLength(9);
        });
        b.Entity<InvoiceLine>(e =>
        {
            e.Property(l => l.Quantity).HasPrecision(18, 4);
            // Money.UnitPriceDecimals: a unit price derived from an amount (833.33 over 1,000 seats) keeps 4 decimals.
            e.Property(l => l.UnitPriceExclVat).HasPrecision(18, 4);
            e.Property(l => l.InvoicedAmountExclVat).HasPrecision(18, 2);
            e.Property(l => l.VatRate).HasPrecision(5, 4);
            e.HasQueryFilter(l => db.SeesAllClients ||
                db.Invoices.Any(i => i.Id == l.InvoiceId && ((Guid?)i.ClientId == db.ScopeClientId || db.AssignedClientIds.Contains(i.ClientId))));
        });
        b.Entity<Payment>(e =>
        {
            e.Property(p => p.Amount).HasPrecision(18, 2);
            e.Property(p => p.Reference).HasMaxLength(140);
            e.HasQueryFilter(p => db.SeesAllClients ||
                db.Invoices.Any(i => i.Id == p.InvoiceId && ((Guid?)i.ClientId == db.ScopeClientId || db.AssignedClientIds.Contains(i.ClientId))));
        });
        b.Entity<PendingCharge>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId);
            e.HasIndex(c => c.Source).IsUnique();
            e.HasIndex(c => new { c.ClientId, c.InvoiceId });
            e.Property(c => c.Quantity).HasPrecision(18, 4);
            e.Property(c => c.UnitPriceExclVat).HasPrecision(18, 2);
        });
        b.Entity<LateChargesSettlement>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId);
            e.HasOne<Invoice>().WithMany().HasForeignKey(x => x.InvoiceId);
            e.HasOne<Invoice>().WithMany().HasForeignKey(x => x.ChargesInvoiceId);
            // Late charges are settled once per late invoice (invoiced or waived), even when two staff decide at once.
            e.HasIndex(x => x.InvoiceId).IsUnique();
            e.Property(x => x.Interest).HasPrecision(18, 2);
            e.Property(x => x.Indemnity).HasPrecision(18, 2);
            e.Property(x => x.RejectionFees).HasPrecision(18, 2);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Ignore(x => x.Charges);
        });
        b.Entity<NumberSequence>(e => e.HasKey(n => n.Name));
        b.Entity<SepaMandate>(e => e.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId));
        b.Entity<PriceRevision>(e =>
        {
            e.HasOne<OrderForm>().WithMany().HasForeignKey(r => r.OrderFormId);
            e.Property(r => r.PreviousIndex).HasPrecision(10, 2);
            e.Property(r => r.NewIndex).HasPrecision(10, 2);
        });

        b.Entity<SeatRequest>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId);
            e.Property(r => r.QuotedPriceExclVat).HasPrecision(18, 2);
            e.HasIndex(r => new { r.Status, r.RequestedAt });
        });
        // Issue 15 §5: the PDF of an order form signed on paper; OrderFormSigned records name it by its SHA-256.
        b.Entity<SignedOrderForm>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId);
            e.HasOne<OrderForm>().WithMany().HasForeignKey(s => s.OrderFormId);
            e.Property(s => s.FileName).HasMaxLength(255);
            e.Property(s => s.Sha256).HasMaxLength(64);
            e.HasIndex(s => new { s.ClientId, s.Sha256 });
        });
        b.Entity<Invitation>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => new { i.UserId, i.AcceptedAt, i.RevokedAt });
        });
        b.Entity<TerminationNotice>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId);
            e.HasOne<DocumentVersion>().WithMany().HasForeignKey(n => n.CitedDocumentVersionId);
            // At most one open (Filed or Received) notice of each kind per Client, even when two admins file at once.
            e.HasIndex(n => new { n.ClientId, n.Kind })
                .HasFilter($"\"Status\" IN ({(int)TerminationStatus.Filed}, {(int)TerminationStatus.Received})").IsUnique()
                .HasDatabaseName("IX_TerminationNotices_OneOpenPerKind");
            e.HasIndex(n => new { n.Status, n.EffectiveOn });
        });
        b.Entity<DataExport>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId);
            e.HasIndex(x => new { x.Status, x.RequestedAt });
            e.HasIndex(x => new { x.ClientId, x.RequestedAt });
        });
        b.Entity<SlaMonth>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId);
            e.HasIndex(m => new { m.ClientId, m.Month }).IsUnique();
            e.Property(m => m.AvailabilityPercent).HasPrecision(6, 3);
            e.Property(m => m.TargetPercent).HasPrecision(6, 3);
        });
        b.Entity<ImpersonationSession>(e =>
        {
            e.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId);
            e.HasIndex(s => new { s.StaffUserId, s.EndedAt });
        });
        b.Entity<OutboxEmail>(e =>
        {
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            e.HasIndex(m => m.Reason);
        });
        b.Entity<JobLease>(e =>
        {
            e.HasKey(l => l.Job);
            e.Property(l => l.Job).HasMaxLength(100);
            e.Property(l => l.Holder).HasMaxLength(200);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.ClientId, a.At });
            e.HasIndex(a => new { a.ActorUserId, a.At });
        });

        // The one tenancy filter: rows that belong to a Client are visible to Support, ProviderAdmins and
        // jobs, to the AccountManagers assigned to that Client, or to that Client's own people. Subsidiaries' rows carry their parent's ClientId.
        FilterByClient<ClientAssignment>(b, db, x => x.ClientId);
        FilterByClient<BillingContact>(b, db, x => x.ClientId);
        FilterByClient<OrderForm>(b, db, x => x.ClientId);
        FilterByClient<Subsidiary>(b, db, x => x.ClientId);
        FilterByClient<AcceptanceRecord>(b, db, x => x.ClientId);
        FilterByClient<Invoice>(b, db, x => x.ClientId);
        FilterByClient<SepaMandate>(b, db, x => x.ClientId);
        FilterByClient<PendingCharge>(b, db, x => x.ClientId);
        FilterByClient<LateChargesSettlement>(b, db, x => x.ClientId);
        FilterByClient<PriceRevision>(b, db, x => x.ClientId);
        FilterByClient<SeatRequest>(b, db, x => x.ClientId);
        FilterByClient<Invitation>(b, db, x => x.ClientId);
        FilterByClient<SignedOrderForm>(b, db, x => x.ClientId);
        FilterByClient<TerminationNotice>(b, db, x => x.ClientId);
        FilterByClient<SlaMonth>(b, db, x => x.ClientId);
        FilterByClient<DataExport>(b, db, x => x.ClientId);
        FilterByClient<ImpersonationSession>(b, db, x => x.ClientId);
        b.Entity<AuditEntry>().HasQueryFilter(a => db.SeesAllClients || a.ClientId == db.ScopeClientId
            || (a.ClientId != null && db.AssignedClientIds.Contains(a.ClientId.Value)));
        // An AccountManager also reads the Provider's staff (ClientId null), to name who did what.
        b.Entity<PortalUser>().HasQueryFilter(u => db.SeesAllClients || u.ClientId == db.ScopeClientId
            || (db.SeesStaff && (u.ClientId == null || db.AssignedClientIds.Contains(u.ClientId.Value))));
    }

    private static void FilterByClient<T>(ModelBuilder b, PortalDb db, Expression<Func<T, Guid>> clientId) where T : class
    {
        Expression<Func<Guid, bool>> rule = id => db.SeesAllClients || (Guid?)id == db.ScopeClientId || db.AssignedClientIds.Contains(id);
        var body = ReplacingExpressionVisitor.Replace(rule.Parameters[0], clientId.Body, rule.Body);
        b.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(body, clientId.Parameters[0]));
    }
}
