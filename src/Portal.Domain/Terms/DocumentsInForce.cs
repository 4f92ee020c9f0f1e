namespace Portal.Domain.Terms;

/// <summary>Which version of each contract document binds the Client at a given moment (SEO §1, §20.1).</summary>
public static class DocumentsInForce
{
    /// <summary>For each document type, the latest version already in effect, in order of precedence.</summary>
    public static IReadOnlyList<DocumentVersion> At(IEnumerable<DocumentVersion> versions, DateTimeOffset now) =>
        versions
            .Where(v => v.EffectiveAt <= now)
            .GroupBy(v => v.Type)
            .Select(g => g.OrderByDescending(v => v.EffectiveAt).ThenByDescending(v => v.PublishedAt).First())
            .OrderBy(v => v.Type)
            .ToList();

    /// <summary>Amendments published but not yet in effect: the Client is in their notice month.</summary>
    public static IReadOnlyList<DocumentVersion> Upcoming(IEnumerable<DocumentVersion> versions, DateTimeOffset now) =>
        versions
            .Where(v => v.PublishedAt <= now && v.EffectiveAt > now && !v.IsEditorial)
            .OrderBy(v => v.EffectiveAt)
            .ToList();
}
