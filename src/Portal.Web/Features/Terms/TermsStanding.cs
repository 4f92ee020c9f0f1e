using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Terms;

/// <summary>
/// Where the signed-in person's Client stands with the contract documents, read on every request and every navigation:
/// the versions' dates and flags, the Client's acceptances of them and the versions it terminated over, never a document's
/// text (two light queries, a third when the gate would close).
/// </summary>
public sealed class TermsStanding(PersonDatabase data, TimeProvider clock)
{
    /// <summary>The gate's question (<see cref="ClientAcceptance.MustAccept(IEnumerable{VersionDates}, IEnumerable{Guid}, IEnumerable{Guid}, DateTimeOffset)"/>).</summary>
    public async Task<bool> MustAcceptAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await data.OpenAsync();
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.PublishedAt <= now)
            .Select(v => new VersionDates(v.Id, v.Type, v.PublishedAt, v.EffectiveAt, v.IsEditorial))
            .ToListAsync(ct);
        var accepted = await AcceptedAsync(db, versions.Select(v => v.Id).ToList(), ct);
        // The versions terminated over only ever open the gate: read them only when it would otherwise close.
        return ClientAcceptance.MustAccept(versions, accepted, [], now)
               && ClientAcceptance.MustAccept(versions, accepted, await db.TerminationNotices.VersionsTerminatedOverAsync(ct), now);
    }

    /// <summary>The amendments in their notice month the Client has not accepted early, for the banner every Client person sees.</summary>
    public async Task<IReadOnlyList<AmendmentInNotice>> AmendmentsInNoticeMonthAsync(CancellationToken ct = default)
    {
        if (PortalClaims.ClientIdOf(await data.PrincipalAsync()) is null) return [];
        var now = clock.GetUtcNow();
        await using var db = await data.OpenAsync();
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.PublishedAt <= now)
            .Select(v => new { Dates = new VersionDates(v.Id, v.Type, v.PublishedAt, v.EffectiveAt, v.IsEditorial), v.Label })
            .ToListAsync(ct);
        var labels = versions.ToDictionary(v => v.Dates.Id, v => v.Label);
        var dates = versions.Select(v => v.Dates).ToList();
        return ClientAcceptance.InNoticeMonth(dates, await AcceptedAsync(db, labels.Keys.ToList(), ct), await db.TerminationNotices.VersionsTerminatedOverAsync(ct), now)
            .Select(v => new AmendmentInNotice(v.Type, labels[v.Id], v.EffectiveAt)).ToList();
    }

    // The tenancy filter keeps the records to the signed-in person's Client.
    private static async Task<List<Guid>> AcceptedAsync(Data.PortalDb db, List<Guid> versionIds, CancellationToken ct) =>
        await db.AcceptanceRecords.AsNoTracking().Where(r => versionIds.Contains(r.DocumentVersionId))
            .Select(r => r.DocumentVersionId).Distinct().ToListAsync(ct);

}

/// <param name="TakesEffectAt">The end of its notice month (SEO §20.1).</param>
public sealed record AmendmentInNotice(DocumentType Type, string Label, DateTimeOffset TakesEffectAt);
