using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Web.Features.Audit;

/// <summary>
/// DOMAIN "Audit": Support and ProviderAdmins read every change of state, filtered and paged on the server,
/// and export the filtered set as CSV. Entries are written by AuditTrail in the data layer, never here.
/// </summary>
public sealed class AuditLog(PersonDatabase data)
{
    /// <param name="Person">Start of the e-mail of whoever acted, or on whose behalf.</param>
    /// <param name="Kind">The changed entity type (Invoice, ImpersonationSession…) or an event family (Impersonation).</param>
    /// <param name="From">First UTC day included.</param>
    /// <param name="To">Last UTC day included.</param>
    public sealed record Filter(Guid? ClientId = null, string? Person = null, string? Kind = null, DateOnly? From = null, DateOnly? To = null)
    {
        public string ToQueryString() => QueryHelpers.AddQueryString("", new Dictionary<string, string?>
        {
            ["clientId"] = ClientId?.ToString(), ["person"] = Person, ["kind"] = Kind,
            ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    public static IQueryable<AuditEntry> Matching(IQueryable<AuditEntry> entries, Filter filter)
    {
        if (filter.ClientId is { } client) entries = entries.Where(e => e.ClientId == client);
        if (filter.Person?.Trim().ToLowerInvariant() is { Length: > 0 } person)
            entries = entries.Where(e => (e.ActorEmail != null && e.ActorEmail.ToLower().StartsWith(person))
                                         || (e.OnBehalfOfEmail != null && e.OnBehalfOfEmail.ToLower().StartsWith(person)));
        if (filter.Kind?.Trim() is { Length: > 0 } kind)
            entries = entries.Where(e => e.EntityType == kind || e.Action.StartsWith(kind + "."));
        if (filter.From is { } from) entries = entries.Where(e => e.At >= StartOf(from));
        if (filter.To is { } to) entries = entries.Where(e => e.At < StartOf(to.AddDays(1)));
        return entries;
    }

    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> PageAsync(Filter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var matching = Matching(db.AuditEntries.AsNoTracking(), filter);
        var total = await matching.CountAsync(ct);
        var rows = total == 0 ? [] : await Rows(db, matching).Skip(skip).Take(take).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Every matching entry, newest first, streamed (the CSV export).</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(Filter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        await foreach (var row in Rows(db, Matching(db.AuditEntries.AsNoTracking(), filter)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    /// <summary>The kinds present in the log, for the filter's list.</summary>
    public async Task<IReadOnlyList<string>> KindsAsync(CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var types = await db.AuditEntries.Where(e => e.EntityType != null).Select(e => e.EntityType!).Distinct().ToListAsync(ct);
        return types.Append("Impersonation").Distinct().Order().ToList();
    }

    private static IQueryable<AuditRow> Rows(Data.PortalDb db, IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new AuditRow(
            e.Id, e.At, e.ActorEmail, e.OnBehalfOfEmail, e.ClientId,
            db.Clients.Where(c => c.Id == e.ClientId).Select(c => c.LegalName).FirstOrDefault(),
            e.Action, e.EntityType, e.EntityId, e.Before, e.After));

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A JSON snapshot indented for reading; what is not JSON is shown as it is.</summary>
    public static string Readable(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return "";
        try
        {
            using var doc = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(doc.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record AuditRow(long Id, DateTimeOffset At, string? ActorEmail, string? OnBehalfOfEmail, Guid? ClientId, string? Client,
    string Action, string? EntityType, string? EntityId, string? Before, string? After);
