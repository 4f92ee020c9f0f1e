using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Operations;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Domain.Staff;
using Portal.Domain.Subsidiaries;
using Portal.Domain.Terms;
using Portal.Domain.Termination;

namespace Portal.Web.Data;

/// <summary>
/// The portal's database. Open it through <see cref="PersonDatabase"/>, which scopes it to the
/// signed-in person: a Client's people then read only their own Client's rows (the query filters
/// below), and every change is audited in their name.
/// </summary>
public class PortalDb(DbContextOptions<PortalDb> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who is acting and which Client they may read; the query filters and the audit read it.</summary>
    public Actor Actor { get; internal set; } = Actor.Nobody;

    /// <summary>The clock audit entries are stamped with; tests set the date through it.</summary>
    public TimeProvider Clock { get; internal set; } = TimeProvider.System;

    // Read by the query filters on every query (EF parameterises members of the context).
    internal bool SeesAllClients => Actor.SeesAllClients;
    internal Guid? ScopeClientId => Actor.ClientId;
    internal Guid[] AssignedClientIds => Actor.AssignedClientIds ?? [];
    internal bool SeesStaff => Actor.AssignedClientIds is not null;

    public DbSet<ProviderProfile> ProviderProfiles => Set<ProviderProfile>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientAssignment> ClientAssignments => Set<ClientAssignment>();
    public DbSet<BillingContact> BillingContacts => Set<BillingContact>();
    public DbSet<OrderForm> OrderForms => Set<OrderForm>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Subsidiary> Subsidiaries => Set<Subsidiary>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<AcceptanceRecord> AcceptanceRecords => Set<AcceptanceRecord>();
    public DbSet<SignedOrderForm> SignedOrderForms => Set<SignedOrderForm>();
    public DbSet<LateChargesSettlement> LateChargesSettlements => Set<LateChargesSettlement>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PendingCharge> PendingCharges => Set<PendingCharge>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<SepaMandate> SepaMandates => Set<SepaMandate>();
    public DbSet<PriceRevision> PriceRevisions => Set<PriceRevision>();
    public DbSet<SeatRequest> SeatRequests => Set<SeatRequest>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<TerminationNotice> TerminationNotices => Set<TerminationNotice>();
    public DbSet<SlaMonth> SlaMonths => Set<SlaMonth>();
    public DbSet<DataExport> DataExports => Set<DataExport>();
    public DbSet<ImpersonationSession> ImpersonationSessions => Set<ImpersonationSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        TableMapping.Configure(builder, this);
    }

    // Each provider has its own migrations (Data/Migrations/Sqlite, Data/Migrations/PostgreSQL); set here so every
    // way of building PortalDb (the app, dotnet ef, tests, benchmarks) sees only the ones for its provider.
    protected override void OnConfiguring(DbContextOptionsBuilder options) =>
        options.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite keeps DateTimeOffset as text it cannot compare or sort; store it as a sortable
        // 64-bit number instead (every time the portal writes is UTC, to well under a millisecond).
        if (Database.IsSqlite())
            conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditTrail.Record(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.Record(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
