using Portal.Domain.Billing;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Clients;
using Portal.Domain.Staff;
using Portal.Domain.Terms;

namespace Portal.Web.Data;

/// <summary>
/// DOMAIN "Audit": every change of state writes an append-only entry (who, on behalf of whom,
/// when, what, before and after). Done here, in the data layer, so no page can forget it.
/// </summary>
internal static class AuditTrail
{
    /// <summary>
    /// Columns never copied into the audit log: secrets, bank details, and document bodies
    /// (their SHA-256 is logged beside them).
    /// </summary>
    private static readonly HashSet<string> Hidden =
    [
        nameof(PortalUser.PasswordHash), nameof(PortalUser.SecurityStamp), nameof(PortalUser.ConcurrencyStamp),
        "Iban", "Content",
    ];

    public static void Record(PortalDb db)
    {
        db.ChangeTracker.DetectChanges();
        var now = db.Clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            RefuseChangesToAppendOnly(entry);
            if (!IsAudited(entry)) continue;

            entries.Add(new AuditEntry
            {
                At = now,
                ActorUserId = db.Actor.UserId,
                ActorEmail = db.Actor.Email,
                OnBehalfOfUserId = db.Actor.OnBehalfOfUserId,
                OnBehalfOfEmail = db.Actor.OnBehalfOfEmail,
                ClientId = ClientIdOf(entry) ?? db.Actor.ClientId,
                Action = $"{entry.Metadata.ClrType.Name}.{entry.State}",
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, p => p.OriginalValue),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, p => p.CurrentValue),
            });
        }
        db.AuditEntries.AddRange(entries);
    }

    /// <summary>
    /// An event that changes no row but must be on the record (a refused impersonation or a refused action
    /// while impersonating), in the same actor's name as entity changes. Saved with the caller's next SaveChanges.
    /// </summary>
    public static AuditEntry Event(PortalDb db, string action, Guid? clientId, object? details)
    {
        var entry = new AuditEntry
        {
            At = db.Clock.GetUtcNow(),
            ActorUserId = db.Actor.UserId,
            ActorEmail = db.Actor.Email,
            OnBehalfOfUserId = db.Actor.OnBehalfOfUserId,
            OnBehalfOfEmail = db.Actor.OnBehalfOfEmail,
            ClientId = clientId ?? db.Actor.ClientId,
            Action = action,
            After = details is null ? null : JsonSerializer.Serialize(details),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Acceptance records, the signed PDFs they point at and audit entries are evidence, and a late-charges settlement is a
    /// decision never revisited (a late-charges invoice is corrected by a credit note): the data layer throws on any update or delete.
    /// </summary>
    private static void RefuseChangesToAppendOnly(EntityEntry entry)
    {
        if (entry.Entity is AcceptanceRecord or AuditEntry or SignedOrderForm or LateChargesSettlement && entry.State is EntityState.Modified or EntityState.Deleted)
            throw new InvalidOperationException(
                $"{entry.Metadata.ClrType.Name} rows are append-only: they cannot be changed or deleted.");
    }

    // An owned value (an address) is part of its owner's row and is not an entity of its own.
    private static bool IsAudited(EntityEntry entry) => !entry.Metadata.IsOwned() && entry.Entity is not (AuditEntry
        // The outbox is delivery bookkeeping; the change that queued an e-mail is audited itself.
        or OutboxEmail
        or DataProtectionKey
        // Which instance runs a job's round: operational state, taken and released every few seconds.
        or Portal.Domain.Operations.JobLease
        // Identity's tokens hold authenticator keys and recovery codes; the change shows on the user row.
        or IdentityUserToken<string>);

    // A Client row is its own Client: the audit log's Client filter finds its creation and changes too.
    private static Guid? ClientIdOf(EntityEntry entry) => entry.Entity is Client client ? client.Id :
        entry.Metadata.FindProperty("ClientId") is { } p ? entry.Property(p.Name).CurrentValue as Guid? : null;

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    private static string Snapshot(EntityEntry entry, Func<PropertyEntry, object?> value)
    {
        var changedOnly = entry.State == EntityState.Modified;
        var values = entry.Properties
            .Where(p => !changedOnly || p.IsModified)
            .Where(p => !Hidden.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, value);
        return JsonSerializer.Serialize(values);
    }
}
