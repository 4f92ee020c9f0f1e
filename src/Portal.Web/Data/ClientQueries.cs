using Microsoft.EntityFrameworkCore;
using Portal.Domain.Termination;

namespace Portal.Web.Data;

/// <summary>The one definition of each question several areas ask about a Client's data.</summary>
public static class ClientQueries
{
    /// <summary>
    /// SEO §14.3, §20.1: the amendments the Client terminated over with a notice that still counts
    /// (<see cref="TerminationRules.VersionsTerminatedOver"/>). Amendment notices are few (usually none), so the rule reads
    /// them whole rather than restating which statuses count. Pass the tenancy-filtered set, or one filtered to a Client.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> VersionsTerminatedOverAsync(this IQueryable<TerminationNotice> notices, CancellationToken ct = default) =>
        TerminationRules.VersionsTerminatedOver(await notices.AsNoTracking()
            .Where(n => n.Kind == TerminationKind.Amendment && n.CitedDocumentVersionId != null).ToListAsync(ct));
}
