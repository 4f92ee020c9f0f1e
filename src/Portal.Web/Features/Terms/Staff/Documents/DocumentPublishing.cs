using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Web.Features.Terms.Staff.Documents;

/// <param name="Version">The version published, when it was.</param>
/// <param name="NoticesQueued">How many amendment e-mails were queued with it.</param>
/// <param name="Error">What the author must fix, when nothing was published.</param>
public sealed record PublishResult(DocumentVersion? Version, int NoticesQueued, string? Error)
{
    public bool Succeeded => Version is not null;
}

/// <summary>
/// DOMAIN "Contract documents": a ProviderAdmin publishes document versions. A version is never
/// edited, so there is no update here: a correction is a new version.
/// </summary>
public sealed class DocumentPublishing(PersonDatabase data, TimeProvider clock, IStringLocalizer<UserText> T)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IReadOnlyList<DocumentShelf>> RegisterAsync()
    {
        await using var db = await data.OpenAsync();
        var versions = await db.DocumentVersions.AsNoTracking().ToListAsync();
        return DocumentShelves.Of(versions, Now);
    }

    /// <summary>The versions of one document type, oldest first.</summary>
    public async Task<IReadOnlyList<DocumentVersion>> VersionsOfAsync(DocumentType type)
    {
        await using var db = await data.OpenAsync();
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.Type == type).ToListAsync();
        return versions.OrderBy(v => v.PublishedAt).ToList();
    }

    /// <summary>Who an amendment notice goes to: how many ClientAdmins, of how many Clients.</summary>
    public async Task<(int Admins, int Clients)> NoticeAudienceAsync()
    {
        await using var db = await data.OpenAsync();
        var recipients = await Recipients(db).ToListAsync();
        return (recipients.Count, recipients.Select(r => r.ClientId).Distinct().Count());
    }

    public async Task<PublishResult> PublishAsync(NewVersion input)
    {
        await RequireProviderAdminAsync();
        if (input.Problem(T) is { } problem) return Refused(problem);

        await using var db = await data.OpenAsync();
        var existing = await db.DocumentVersions.Where(v => v.Type == input.Type)
            .Select(v => new { v.Label, v.ContentSha256, v.PublishedAt }).ToListAsync();
        if (existing.Any(v => v.Label.Equals(input.TrimmedLabel, StringComparison.OrdinalIgnoreCase))) return Duplicate(input);
        if (existing.MaxBy(v => v.PublishedAt) is { } latest && latest.ContentSha256 == AcceptanceChain.Sha256(input.Content))
            return Refused(T["The text is the same as version {0}: change it before publishing.", latest.Label]);

        var plan = PublicationPlan.For(input, isFirstOfItsType: existing.Count == 0, Now);
        var version = input.ToVersion(plan.PublishedAt, plan.EffectiveAt);
        db.DocumentVersions.Add(version);

        // DOMAIN "Amendments": every Client is notified by e-mail, saved with the version so nothing is announced that was not published.
        var notices = 0;
        if (plan.NotifiesClients)
            foreach (var r in await Recipients(db).ToListAsync())
            {
                var email = AmendmentEmail.For(T, version, r.Culture, r.Name);
                Outbox.Enqueue(db, r.Email, r.Name, email.Subject, email.HtmlBody, r.ClientId, AmendmentEmail.ReasonFor(version));
                notices++;
            }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Someone published the same label between our check and our save: the unique index on (Type, Label) refused it.
            return Duplicate(input);
        }
        return new PublishResult(version, notices, null);
    }

    // ClientAdmins of every Client that still has access, who can sign in.
    private static IQueryable<Recipient> Recipients(PortalDb db) =>
        from user in db.ClientAdmins()
        join client in db.Clients on user.ClientId equals client.Id
        where client.AccessClosedAt == null
        orderby client.Number, user.Email
        select new Recipient(user.Email!, user.DisplayName, client.Id, client.Culture);

    private sealed record Recipient(string Email, string Name, Guid ClientId, string Culture);

    private async Task RequireProviderAdminAsync()
    {
        // The page is for ProviderAdmins only; this guards against any other caller.
        if (!(await data.PrincipalAsync()).IsInRole(Role.ProviderAdmin))
            throw new UnauthorizedAccessException("Only a ProviderAdmin publishes document versions.");
    }

    // SQLite: UNIQUE constraint failed (19); PostgreSQL: unique_violation (23505).
    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19,
        { } other => other.GetType().GetProperty("SqlState")?.GetValue(other) as string == "23505",
        _ => false,
    };

    private PublishResult Duplicate(NewVersion input) =>
        Refused(T["{0} already has a version {1}. Choose another label: a published version is never replaced.",
            T[DisplayNames.Of(input.Type)], input.TrimmedLabel]);

    private static PublishResult Refused(string message) => new(null, 0, message);
}
