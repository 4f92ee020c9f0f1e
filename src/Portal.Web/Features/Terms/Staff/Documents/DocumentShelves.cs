using Portal.Domain.Terms;

namespace Portal.Web.Features.Terms.Staff.Documents;

public enum VersionStatus { InForce, InNoticeMonth, Superseded }

public sealed record RegisteredVersion(DocumentVersion Version, VersionStatus Status);

/// <summary>One document type and its versions, newest first.</summary>
public sealed record DocumentShelf(DocumentType Type, IReadOnlyList<RegisteredVersion> Versions);

/// <summary>Every document type in order of precedence (SEO §1), each with its versions and where each stands today.</summary>
public static class DocumentShelves
{
    public static IReadOnlyList<DocumentShelf> Of(IReadOnlyCollection<DocumentVersion> versions, DateTimeOffset now)
    {
        // In force: the latest version published that is already in effect, as ClientAcceptance shows it to Clients.
        var inForce = versions.Where(v => v.EffectiveAt <= now).GroupBy(v => v.Type)
            .Select(g => g.MaxBy(v => v.PublishedAt)!.Id).ToHashSet();
        return Enum.GetValues<DocumentType>().Order()
            .Select(type => new DocumentShelf(type, versions.Where(v => v.Type == type)
                .OrderByDescending(v => v.PublishedAt)
                .Select(v => new RegisteredVersion(v,
                    inForce.Contains(v.Id) ? VersionStatus.InForce
                    : v.EffectiveAt > now ? VersionStatus.InNoticeMonth
                    : VersionStatus.Superseded))
                .ToList()))
            .ToList();
    }
}
