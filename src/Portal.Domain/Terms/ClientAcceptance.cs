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
        var list = versions.ToList();
        var byId = list.ToDictionary(v => v.Id);
        var byVersion = records.GroupBy(r => r.DocumentVersionId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.AcceptedAt).First());
        return Positions(list.Select(VersionDates.Of), byVersion.Keys.ToHashSet(), terminatedOver.ToHashSet(), now).Select(p =>
        {
            var version = byId[p.Shown.Id];
            var record = p.CoveredBy is { } id ? byVersion[id] : null;
            var kind = record is null ? (p.Upcoming ? StandingKind.InNoticeMonth : StandingKind.Required)
                : record.Method == AcceptanceMethod.DeemedAfterNotice && !p.Upcoming ? StandingKind.DeemedAccepted
                : StandingKind.Accepted;
            return new DocumentStanding(version, kind, record, kind == StandingKind.Required ? null : p.Since)
            {
                TerminatedOver = p.TerminatedOver is { } over ? byId[over] : null,
            };
        }).ToList();
    }

    /// <summary>The gate: a ClientAdmin must accept these before any other page opens.</summary>
    public static bool MustAccept(IEnumerable<DocumentStanding> standings) => standings.Any(s => s.Kind == StandingKind.Required);

    /// <summary>
    /// The gate from the versions' dates alone, without their text (what every request reads): some version in force binds
    /// the Client and neither it nor a later version of its type was accepted.
    /// </summary>
    /// <param name="acceptedVersionIds">The versions the Client has an acceptance record of (any method).</param>
    /// <param name="terminatedOver">As in <see cref="For(IEnumerable{DocumentVersion}, IEnumerable{AcceptanceRecord}, DateTimeOffset, IEnumerable{Guid})"/>:
    /// required here so the gate cannot forget a termination (SEO §14.3).</param>
    public static bool MustAccept(IEnumerable<VersionDates> versions, IEnumerable<Guid> acceptedVersionIds, IEnumerable<Guid> terminatedOver, DateTimeOffset now) =>
        Positions(versions, acceptedVersionIds.ToHashSet(), terminatedOver.ToHashSet(), now).Any(p => !p.Upcoming && p.CoveredBy is null);

    /// <summary>The amendments in their notice month that the Client has not accepted early: what the banner announces.
    /// An amendment the Client terminated over is not announced (it will never bind it).</summary>
    public static IReadOnlyList<VersionDates> InNoticeMonth(IEnumerable<VersionDates> versions, IEnumerable<Guid> acceptedVersionIds,
        IEnumerable<Guid> terminatedOver, DateTimeOffset now) =>
        Positions(versions, acceptedVersionIds.ToHashSet(), terminatedOver.ToHashSet(), now).Where(p => p.Upcoming && p.CoveredBy is null).Select(p => p.Shown).ToList();

    /// <summary>One standing before its record is looked up: the version shown and the accepted version that covers it.</summary>
    /// <param name="Since">In force: the binding version's effective date; upcoming: when it takes effect.</param>
    /// <param name="TerminatedOver">The version of this type the Client terminated over, if it does not bind the Client.</param>
    private readonly record struct Position(VersionDates Shown, Guid? CoveredBy, bool Upcoming, DateTimeOffset Since, Guid? TerminatedOver);

    /// <summary>The one definition of where a Client stands, per clickwrap type: the version in force, then each upcoming amendment.</summary>
    private static IEnumerable<Position> Positions(IEnumerable<VersionDates> versions, IReadOnlySet<Guid> accepted, IReadOnlySet<Guid> terminatedOver,
        DateTimeOffset now)
    {
        foreach (var type in versions.Where(v => IsClickwrap(v.Type) && v.PublishedAt <= now).GroupBy(v => v.Type).OrderBy(g => g.Key))
        {
            var all = type.OrderBy(v => v.PublishedAt).ToList();
            var ordered = all.Take(BindingCount(all.Select(v => v.Id).ToList(), terminatedOver, accepted.Contains)).ToList();
            Guid? terminatedOverVersion = ordered.Count < all.Count ? all[ordered.Count].Id : null;
            // An acceptance covers the version accepted and every earlier one.
            Guid? LatestAcceptedFrom(VersionDates version) =>
                ordered.SkipWhile(v => v.Id != version.Id).Where(v => accepted.Contains(v.Id)).Select(v => (Guid?)v.Id).LastOrDefault();

            // An editorial correction needs no new acceptance: the binding version is the latest that changed the meaning.
            var binding = ordered.LastOrDefault(v => v.EffectiveAt <= now && !v.IsEditorial)
                          ?? ordered.LastOrDefault(v => v.EffectiveAt <= now);
            if (binding is not null)
                yield return new Position(ordered.Last(v => v.EffectiveAt <= now), LatestAcceptedFrom(binding), Upcoming: false, binding.EffectiveAt,
                    terminatedOverVersion);
            foreach (var upcoming in ordered.Where(v => v.EffectiveAt > now && !v.IsEditorial))
                yield return new Position(upcoming, LatestAcceptedFrom(upcoming), Upcoming: true, upcoming.EffectiveAt, TerminatedOver: null);
        }
    }

    /// <summary>
    /// DOMAIN "Contract documents and acceptance": an order form signed on paper incorporates the versions in force when
    /// staff record it, the ones the gate would otherwise ask the Client to accept; each gets an OrderFormSigned record.
    /// </summary>
    public static IReadOnlyList<DocumentVersion> IncorporatedByOrderForm(IEnumerable<DocumentVersion> versions, DateTimeOffset now) =>
        For(versions, [], now).Where(s => s.Kind == StandingKind.Required).Select(s => s.Version).ToList();

    /// <summary>
    /// SEO §20.1, §14.3: how many of a type's versions (oldest first) can bind the Client. A Client that terminated over an
    /// amendment is neither required nor deemed to accept it: it stays on the version it accepted until its notice takes
    /// effect, and keeps the portal meanwhile (its data export included).
    /// </summary>
    // Choice: the versions published after the one cited are not demanded either, since each carries the amendment forward;
    // a Client that accepts one of them anyway (clickwrap) is bound by it as usual.
    /// <param name="orderedIds">The type's versions, oldest first.</param>
    private static int BindingCount(IReadOnlyList<Guid> orderedIds, IReadOnlySet<Guid> terminatedOver, Func<Guid, bool> accepted)
    {
        var cited = orderedIds.Select((id, i) => (id, i)).Where(x => terminatedOver.Contains(x.id)).Select(x => (int?)x.i).FirstOrDefault();
        return cited is not { } at || orderedIds.Skip(at).Any(accepted) ? orderedIds.Count : at;
    }

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
            var binding = BindingCount(ordered.Select(v => v.Id).ToList(), cited, accepted.Contains);
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

/// <summary>What decides where a Client stands with a version, without its text: the gate and the banner read only this.</summary>
public sealed record VersionDates(Guid Id, DocumentType Type, DateTimeOffset PublishedAt, DateTimeOffset EffectiveAt, bool IsEditorial)
{
    public static VersionDates Of(DocumentVersion v) => new(v.Id, v.Type, v.PublishedAt, v.EffectiveAt, v.IsEditorial);
}
