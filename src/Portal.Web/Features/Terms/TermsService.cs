using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Domain.Terms;
using Portal.Web.Shared;
using Portal.Web.Data;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Terms;

/// <summary>The Client's side of the contract documents: where it stands, its history, and clickwrap acceptance.</summary>
public sealed class TermsService(PersonDatabase data, TimeProvider clock, ConnectionEvidence connection, NotWhileImpersonating guard, IStringLocalizer<UserText> T)
{
    /// <summary>The exact wording shown next to the box and on the button; recorded with each acceptance.</summary>
    public string CheckboxWording => T["I have read and accept this document."];
    public string ButtonWording => T["Accept"];

    public async Task<TermsOverview> OverviewAsync()
    {
        await using var db = await data.OpenAsync();
        var versions = await db.DocumentVersions.AsNoTracking().ToListAsync();
        var records = await db.AcceptanceRecords.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync();
        // SEO §14.3: an amendment the Client terminated over is shown as such, never as required.
        var terminatedOver = await db.TerminationNotices.VersionsTerminatedOverAsync();
        return new TermsOverview(ClientAcceptance.For(versions, records, clock.GetUtcNow(), terminatedOver), records);
    }

    /// <summary>
    /// Clickwrap (SEO §2.1): the signed-in ClientAdmin accepts one version after ticking the box.
    /// Refused, with a message the page shows, while impersonating or when the box is not ticked.
    /// </summary>
    public async Task<AcceptanceOutcome> AcceptAsync(Guid versionId, bool boxTicked, string pageUrl)
    {
        var user = await data.PrincipalAsync();
        if (await guard.RefusalAsync(GuardedAction.AcceptTerms) is { } refusal) return AcceptanceOutcome.Refused(refusal);
        if (!user.IsInRole(Role.ClientAdmin) || PortalClaims.ClientIdOf(user) is not { } clientId)
            return AcceptanceOutcome.Refused(T["Only your company's administrators can accept contract documents."]);
        if (!boxTicked)
            return AcceptanceOutcome.Refused(T["Tick the box to confirm you have read the document, then accept."]);

        await using var db = await data.OpenAsync();
        var version = await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId);
        if (version is null || !ClientAcceptance.IsClickwrap(version.Type) || version.PublishedAt > clock.GetUtcNow())
            return AcceptanceOutcome.Refused(T["This document version cannot be accepted here."]);
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.FindFirstValue(ClaimTypes.NameIdentifier));

        connection.Capture();
        var record = new AcceptanceRecord
        {
            ClientId = clientId, UserId = person.Id, UserName = person.DisplayName, UserEmail = person.Email,
            DocumentType = version.Type, DocumentVersionId = version.Id, VersionLabel = version.Label,
            ContentSha256 = version.ContentSha256, Method = AcceptanceMethod.Clickwrap,
            AcceptedAt = TruncateToMillisecond(clock.GetUtcNow()),
            IpAddress = connection.IpAddress, UserAgent = connection.UserAgent,
            Culture = CultureInfo.CurrentUICulture.Name, PageUrl = pageUrl,
            CheckboxWording = CheckboxWording, ButtonWording = ButtonWording,
            PreviousHash = "", Hash = "",
        };
        await AcceptanceLedger.AppendAsync(db, record);
        return AcceptanceOutcome.Accepted(record);
    }

    // The record keeps UTC to the millisecond (DOMAIN); the hash is computed from that same value.
    private static DateTimeOffset TruncateToMillisecond(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}

public sealed record TermsOverview(IReadOnlyList<DocumentStanding> Standings, IReadOnlyList<AcceptanceRecord> History);

public sealed record AcceptanceOutcome(AcceptanceRecord? Record, string? Error)
{
    public static AcceptanceOutcome Accepted(AcceptanceRecord record) => new(record, null);
    public static AcceptanceOutcome Refused(string error) => new(null, error);
}
