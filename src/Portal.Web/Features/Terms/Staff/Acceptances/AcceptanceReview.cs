using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Terms.Staff.Acceptances;

/// <summary>
/// Support's review of acceptance records (DOMAIN "Contract documents and acceptance"): the filtered
/// list, one record's evidence, and the CSV export, all from the same filter. Every filter lands on one
/// of the AcceptanceRecords indexes (each ends in AcceptedAt), so "newest first" is read in index order.
/// </summary>
public sealed class AcceptanceReview(PersonDatabase data)
{
    /// <summary>What Support narrows the records to; null means "any". Bound from the query string by the CSV endpoint.</summary>
    /// <param name="From">First UTC day included.</param>
    /// <param name="To">Last UTC day included.</param>
    /// <param name="Email">The start of the user's e-mail address as recorded.</param>
    public sealed record Filter(
        Guid? ClientId = null, DocumentType? Document = null, string? Version = null, AcceptanceMethod? Method = null,
        DateOnly? From = null, DateOnly? To = null, string? Email = null)
    {
        /// <summary>The same filter as the query string of the CSV export.</summary>
        public string ToQueryString() => QueryHelpers.AddQueryString("", new Dictionary<string, string?>
        {
            ["clientId"] = ClientId?.ToString(), ["document"] = Document?.ToString(), ["version"] = Version,
            ["method"] = Method?.ToString(), ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
            ["email"] = Email,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    /// <summary>The records matching <paramref name="filter"/>, unsorted: the page, the CSV and the benchmark share it.</summary>
    public static IQueryable<AcceptanceRecord> Matching(IQueryable<AcceptanceRecord> records, Filter filter)
    {
        if (filter.ClientId is { } client) records = records.Where(r => r.ClientId == client);
        if (filter.Document is { } type) records = records.Where(r => r.DocumentType == type);
        if (filter.Version?.Trim() is { Length: > 0 } label) records = records.Where(r => r.VersionLabel == label);
        if (filter.Method is { } method) records = records.Where(r => r.Method == method);
        // UTC days: from midnight of the first day to midnight after the last one.
        if (filter.From is { } from) records = records.Where(r => r.AcceptedAt >= StartOf(from));
        if (filter.To is { } to) records = records.Where(r => r.AcceptedAt < StartOf(to.AddDays(1)));
        if (EmailRange(filter.Email) is var (low, high))
            // A prefix as a range, so the (UserEmail, AcceptedAt) index serves it (LIKE would scan every row).
            records = records.Where(r => string.Compare(r.UserEmail, low) >= 0 && string.Compare(r.UserEmail, high) < 0);
        return records;
    }

    /// <summary>The list's rows in the chosen order; by default newest first, read backwards along the filter's index.</summary>
    public static IQueryable<AcceptanceRow> Rows(PortalDb db, Filter filter, AcceptanceSort sort = AcceptanceSort.Time, bool descending = true)
    {
        var records = Matching(db.AcceptanceRecords.AsNoTracking(), filter);
        // Document and method sorts run their times in the same direction, so the (DocumentType, AcceptedAt)
        // and (Method, AcceptedAt) indexes serve them without sorting; a Client's name is not indexed, so that sort costs one.
        var ordered = sort switch
        {
            AcceptanceSort.Client => Direction(records, r => db.Clients.Where(c => c.Id == r.ClientId).Select(c => c.LegalName).FirstOrDefault(), descending)
                .ThenByDescending(r => r.AcceptedAt).ThenByDescending(r => r.Id),
            AcceptanceSort.Document => Then(Direction(records, r => r.DocumentType, descending), descending),
            AcceptanceSort.Method => Then(Direction(records, r => r.Method, descending), descending),
            _ => descending ? records.OrderByDescending(r => r.AcceptedAt).ThenByDescending(r => r.Id) : records.OrderBy(r => r.AcceptedAt).ThenBy(r => r.Id),
        };
        return ordered.Select(r => new AcceptanceRow(r.Id, db.Clients.Where(c => c.Id == r.ClientId).Select(c => c.LegalName).FirstOrDefault() ?? "",
            r.UserName, r.UserEmail, r.DocumentType, r.VersionLabel, r.Method, r.AcceptedAt));
    }

    public async Task<(IReadOnlyList<AcceptanceRow> Rows, int Total)> PageAsync(
        Filter filter, AcceptanceSort sort, bool descending, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var total = await Matching(db.AcceptanceRecords, filter).CountAsync(ct);
        var rows = total == 0 ? [] : await Rows(db, filter, sort, descending).Skip(skip).Take(take).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>One record with its Client, or null when it does not exist or belongs to a Client the reader may not see.</summary>
    public async Task<AcceptanceEvidence?> EvidenceAsync(long id, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var found = await db.AcceptanceRecords.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Clients, r => r.ClientId, c => c.Id, (r, c) => new { Record = r, c.LegalName, c.Number })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new AcceptanceEvidence(found.Record, found.LegalName, found.Number);
    }

    /// <summary>Every matching record, newest first, streamed from the database (the CSV export).</summary>
    public async IAsyncEnumerable<AcceptanceEvidence> ExportAsync(Filter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var rows = Matching(db.AcceptanceRecords.AsNoTracking(), filter)
            .OrderByDescending(r => r.AcceptedAt).ThenByDescending(r => r.Id)
            .Join(db.Clients, r => r.ClientId, c => c.Id, (r, c) => new AcceptanceEvidence(r, c.LegalName, c.Number));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    /// <summary>Clients whose name or number contains <paramref name="search"/>, for the filter's autocomplete.</summary>
    public async Task<IReadOnlyList<ClientChoice>> ClientsAsync(string? search, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var clients = db.Clients.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } text)
            clients = clients.Where(c => c.LegalName.Contains(text) || c.Number.Contains(text));
        return await clients.OrderBy(c => c.LegalName).Take(20).Select(c => new ClientChoice(c.Id, c.LegalName, c.Number)).ToListAsync(ct);
    }

    /// <summary>The version labels published so far, newest first, for the filter's list.</summary>
    public async Task<IReadOnlyList<string>> VersionLabelsAsync(CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        return await db.DocumentVersions.Select(v => v.Label).Distinct().OrderByDescending(l => l).ToListAsync(ct);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The [low, high) range of e-mails that start with <paramref name="prefix"/>. Compared as recorded, in lower
    /// case: the portal stores addresses as people type them, and people type them in lower case.
    /// </summary>
    internal static (string Low, string High)? EmailRange(string? prefix)
    {
        var low = prefix?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(low) || low[^1] == char.MaxValue) return null;
        return (low, low[..^1] + (char)(low[^1] + 1));
    }

    /// <summary>Then by time and chain position (ties on the same millisecond keep a stable page order).</summary>
    private static IOrderedQueryable<AcceptanceRecord> Then(IOrderedQueryable<AcceptanceRecord> records, bool descending) =>
        descending ? records.ThenByDescending(r => r.AcceptedAt).ThenByDescending(r => r.Id) : records.ThenBy(r => r.AcceptedAt).ThenBy(r => r.Id);

    private static IOrderedQueryable<AcceptanceRecord> Direction<TKey>(
        IQueryable<AcceptanceRecord> records, System.Linq.Expressions.Expression<Func<AcceptanceRecord, TKey>> key, bool descending) =>
        descending ? records.OrderByDescending(key) : records.OrderBy(key);
}

public enum AcceptanceSort { Time, Client, Document, Method }

public sealed record AcceptanceRow(
    long Id, string Client, string? UserName, string? UserEmail, DocumentType Document, string Version, AcceptanceMethod Method, DateTimeOffset AcceptedAt);

/// <summary>A record as evidence: everything it holds, its Client, and whether its own hash still matches its content.</summary>
public sealed record AcceptanceEvidence(AcceptanceRecord Record, string Client, string ClientNumber)
{
    public bool HashHolds => AcceptanceChain.HashOf(Record) == Record.Hash;
}
