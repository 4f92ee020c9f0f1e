using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Web.Data;

namespace Portal.Web.Features.Terms.Staff;

/// <summary>
/// DOMAIN "Contract documents and acceptance": a contract signed on paper is recorded by staff with the signed PDF
/// attached. One OrderFormSigned record per document version the order form incorporates, appended to the one chain
/// like every other record, naming the staff member who recorded it; never a fake click (no box, no button wording).
/// </summary>
public static class PaperSignatures
{
    public const string PageUrl = "/staff/clients/new";

    /// <summary>The staff member as they were when they recorded it, and their connection.</summary>
    public sealed record Recorder(string UserId, string Name, string? Email, string? IpAddress, string? UserAgent);

    /// <summary>Appends the records for <paramref name="signed"/> (already saved); returns how many.</summary>
    public static async Task<int> RecordAsync(PortalDb db, SignedOrderForm signed, string culture, Recorder by, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var versions = await db.DocumentVersions.AsNoTracking().ToListAsync(ct);
        var incorporated = ClientAcceptance.IncorporatedByOrderForm(versions, now);
        foreach (var version in incorporated)
            await AcceptanceLedger.AppendAsync(db, new AcceptanceRecord
            {
                ClientId = signed.ClientId, UserId = by.UserId, UserName = by.Name, UserEmail = by.Email,
                DocumentType = version.Type, DocumentVersionId = version.Id, VersionLabel = version.Label,
                ContentSha256 = version.ContentSha256, Method = AcceptanceMethod.OrderFormSigned, AcceptedAt = now,
                IpAddress = by.IpAddress, UserAgent = by.UserAgent, Culture = culture, PageUrl = PageUrl,
                SignedDocumentFileName = signed.FileName, SignedDocumentSha256 = signed.Sha256,
                PreviousHash = "", Hash = "",
            }, ct);
        return incorporated.Count;
    }

    /// <summary>The signed PDF an OrderFormSigned record points at, for staff; null when the record has none.</summary>
    public static async Task<SignedOrderForm?> DocumentOfAsync(PortalDb db, long recordId, CancellationToken ct = default)
    {
        var record = await db.AcceptanceRecords.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.ClientId, r.SignedDocumentSha256 }).SingleOrDefaultAsync(ct);
        if (record?.SignedDocumentSha256 is not { } sha) return null;
        return await db.SignedOrderForms.AsNoTracking().FirstOrDefaultAsync(s => s.ClientId == record.ClientId && s.Sha256 == sha, ct);
    }
}
