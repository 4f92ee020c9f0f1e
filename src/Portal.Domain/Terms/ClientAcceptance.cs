namespace Portal.Domain.Terms;

/// <summary>
/// Where a Client stands with each contract document: accepted, deemed accepted, inside an
/// amendment's notice month, or required before the portal opens (the gate).
/// </summary>
public static class ClientAcceptance
{
    /// <summary>
    /// Order forms and commercial proposals are the Client's own documents, signed on paper and recorded
    /// by staff (OrderFormSigned); the other types are accepted by clickwrap in the portal.
    /// </summary>
    public static bool IsClickwrap(DocumentType type) =>
        type is not (DocumentType.OrderForm or DocumentType.CommercialProposal);

    /// <param name="versions">Every published version, of every type.</param>
    /// <param name="records">The Client's own acceptance records.</param>
    public static IReadOnlyList<DocumentStanding> For(IEnumerable<DocumentVersion> versions, IEnumerable<AcceptanceRecord> records, DateTimeOffset now) =>
        For(versions, records, now, []);

    /// <param name="versions">Every published version, of every type.</param>
    /// <param name="records">The Client's own acceptance records.</param>
    /// <param name="terminatedOver">The versions the Client cited in an amendment termination that still counts
    /// (<see cref="Termination.TerminationRules.VersionsTerminatedOver"/>): never demanded of it.</param>
    public static IReadOnlyList<DocumentStanding> For(IEnumerable<DocumentVersion> versions, IEnumerable<AcceptanceRecord> records, DateTimeOffset now,
        IEnumerable<Guid> terminatedOver)
    {
        var refused = terminatedOver.ToHashSet();
        var byVersion = records.GroupBy(r => r.DocumentVersionId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.AcceptedAt).First());
        var result = new List<DocumentStanding>();
        foreach (var type in versions.Where(v => IsClickwrap(v.Type) && v.PublishedAt <= now).GroupBy(v => v.Type).OrderBy(g => g.Key))
        {
            var all = type.OrderBy(v => v.PublishedAt).ToList();
            var ordered = all.Take(BindingCount(all, refused, byVersion.ContainsKey)).ToList();
            var terminatedOverVersion = ordered.Count < all.Count ? all[ordered.Count] : null;
            // An acceptance covers the version accepted and every earlier one.
            AcceptanceRecord? LatestAcceptanceFrom(DocumentVersion version) =>
                ordered.SkipWhile(v => v.Id != version.Id).Select(v => byVersion.GetValueOrDefault(v.Id)).LastOrDefault(r => r is not null);

            // An editorial correction needs no new acceptance: the binding version is the latest that changed the meaning.
            var binding = ordered.LastOrDefault(v => v.EffectiveAt <= now && !v.IsEditorial)
                          ?? ordered.LastOrDefault(v => v.EffectiveAt <= now);
            if (binding is not null)
            {
                var shown = ordered.Last(v => v.EffectiveAt <= now);
                var record = LatestAcceptanceFrom(binding);
                result.Add((record is null
                    ? new DocumentStanding(shown, StandingKind.Required, null, null)
                    : new DocumentStanding(shown, record.Method == AcceptanceMethod.DeemedAfterNotice ? StandingKind.DeemedAccepted : StandingKind.Accepted,
                        record, binding.EffectiveAt)) with { TerminatedOver = terminatedOverVersion });
            }
            foreach (var upcoming in ordered.Where(v => v.EffectiveAt > now && !v.IsEditorial))
            {
                var early = LatestAcceptanceFrom(upcoming);
                result.Add(new DocumentStanding(upcoming, early is null ? StandingKind.InNoticeMonth : StandingKind.Accepted, early, upcoming.EffectiveAt));
            }
        }
        return result;
    }

    /// <summary>
    /// SEO §20.1, §14.3: how many of a type's versions (oldest first) can bind the Client. A Client that terminated over an
    /// amendment is neither required nor deemed to accept it: it stays on the version it accepted until its notice takes
    /// effect, and keeps the portal meanwhile (its data export included).
    /// </summary>
    // Choice: the versions published after the one cited are not demanded either, since each carries the amendment forward;
    // a Client that accepts one of them anyway (clickwrap) is bound by it as usual.
    private static int BindingCount(IReadOnlyList<DocumentVersion> ordered, IReadOnlySet<Guid> terminatedOver, Func<Guid, bool> accepted)
    {
        var cited = ordered.Select((v, i) => (v, i)).FirstOrDefault(x => terminatedOver.Contains(x.v.Id));
        return cited.v is null || ordered.Skip(cited.i).Any(v => accepted(v.Id)) ? ordered.Count : cited.i;
    }

    /// <summary>The gate: a ClientAdmin must accept these before any other page opens.</summary>
    public static bool MustAccept(IEnumerable<DocumentStanding> standings) => standings.Any(s => s.Kind == StandingKind.Required);

    /// <summary>
    /// SEO §20.1: when a notice month has ended, a Client that was bound by an earlier version and did not
    /// terminate is deemed to have accepted the amendment. Returns the versions to record as DeemedAfterNotice.
    /// </summary>
    /// <param name="citedByTermination">Versions the Client cited in an amendment termination notice.</param>
    public static IReadOnlyList<DocumentVersion> DeemedAcceptanceDue(IEnumerable<DocumentVersion> versions,
        IEnumerable<AcceptanceRecord> records, IEnumerable<Guid> citedByTermination, DateTimeOffset now)
    {
        var cited = citedByTermination.ToHashSet();
        var accepted = records.Select(r => r.DocumentVersionId).ToHashSet();
        var due = new List<DocumentVersion>();
        foreach (var type in versions.Where(v => IsClickwrap(v.Type)).GroupBy(v => v.Type))
        {
            var ordered = type.OrderBy(v => v.PublishedAt).ToList();
            // SEO §20.1: "if the Client has not terminated": nothing from the amendment it terminated over on is deemed accepted.
            var binding = BindingCount(ordered, cited, accepted.Contains);
            for (var i = 1; i < binding; i++)
            {
                var amendment = ordered[i];
                if (amendment.IsEditorial || amendment.EffectiveAt > now) continue;
                var boundBefore = ordered.Take(i).Any(v => accepted.Contains(v.Id));
                var acceptedSince = ordered.Skip(i).Any(v => accepted.Contains(v.Id));
                if (boundBefore && !acceptedSince) due.Add(amendment);
            }
        }
        return due;
    }
}

/// <param name="Version">The version shown: in force, or upcoming.</param>
/// <param name="Record">The acceptance that covers it, if any.</param>
/// <param name="Deadline">For an upcoming amendment, when it takes effect (the end of its notice month).</param>
public sealed record DocumentStanding(DocumentVersion Version, StandingKind Kind, AcceptanceRecord? Record, DateTimeOffset? Deadline)
{
    /// <summary>
    /// SEO §14.3: the amendment the Client terminated over; it does not bind the Client, which stays on
    /// <see cref="Version"/> until its notice takes effect. Null when the Client terminated over nothing of this type.
    /// </summary>
    public DocumentVersion? TerminatedOver { get; init; }
}

public enum StandingKind { Accepted, DeemedAccepted, InNoticeMonth, Required }
