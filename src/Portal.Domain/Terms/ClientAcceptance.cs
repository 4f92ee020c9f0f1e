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
    public static IReadOnlyList<DocumentStanding> For(IEnumerable<DocumentVersion> versions, IEnumerable<AcceptanceRecord> records, DateTimeOffset now)
    {
        var byVersion = records.GroupBy(r => r.DocumentVersionId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.AcceptedAt).First());
        var result = new List<DocumentStanding>();
        foreach (var type in versions.Where(v => IsClickwrap(v.Type) && v.PublishedAt <= now).GroupBy(v => v.Type).OrderBy(g => g.Key))
        {
            var ordered = type.OrderBy(v => v.PublishedAt).ToList();
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
                result.Add(record is null
                    ? new DocumentStanding(shown, StandingKind.Required, null, null)
                    : new DocumentStanding(shown, record.Method == AcceptanceMethod.DeemedAfterNotice ? StandingKind.DeemedAccepted : StandingKind.Accepted,
                        record, binding.EffectiveAt));
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
    /// DOMAIN "Contract documents and acceptance": an order form signed on paper incorporates the versions in force when
    /// staff record it, the ones the gate would otherwise ask the Client to accept; each gets an OrderFormSigned record.
    /// </summary>
    public static IReadOnlyList<DocumentVersion> IncorporatedByOrderForm(IEnumerable<DocumentVersion> versions, DateTimeOffset now) =>
        For(versions, [], now).Where(s => s.Kind == StandingKind.Required).Select(s => s.Version).ToList();

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
            for (var i = 1; i < ordered.Count; i++)
            {
                var amendment = ordered[i];
                if (amendment.IsEditorial || amendment.EffectiveAt > now || cited.Contains(amendment.Id)) continue;
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
public sealed record DocumentStanding(DocumentVersion Version, StandingKind Kind, AcceptanceRecord? Record, DateTimeOffset? Deadline);

public enum StandingKind { Accepted, DeemedAccepted, InNoticeMonth, Required }
