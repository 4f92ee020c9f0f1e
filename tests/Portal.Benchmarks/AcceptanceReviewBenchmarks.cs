using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Web.Shared.Mail;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Benchmarks;

/// <summary>A filter of Support's review with the name it has in the results table.</summary>
public sealed record NamedFilter(string Name, AcceptanceReview.Filter Filter)
{
    public override string ToString() => Name;

    public static IReadOnlyList<NamedFilter> For(BenchmarkDatabase data) =>
    [
        new("none", new()),
        new("client", new(ClientId: data.SampleClientId)),
        new("document type", new(Document: DocumentType.AcceptableUsePolicy)),
        new("method (deemed)", new(Method: AcceptanceMethod.DeemedAfterNotice)),
        new("date range (a month)", new(From: new DateOnly(2025, 6, 1), To: new DateOnly(2025, 6, 30))),
        new("e-mail prefix", new(Email: "marie")),
        new("combined", new(ClientId: data.SampleClientId, Document: DocumentType.GeneralTermsAndConditions,
            Method: AcceptanceMethod.Clickwrap, From: new DateOnly(2025, 1, 1), To: new DateOnly(2025, 12, 31))),
    ];
}

/// <summary>
/// Support's acceptance review on 100,000 records: the first page (25 rows, newest first) and the total count,
/// exactly as <see cref="AcceptanceReview.PageAsync"/> runs them, each on a fresh context as a request would.
/// </summary>
public class AcceptanceReviewBenchmarks
{
    [ParamsSource(nameof(Filters))]
    public NamedFilter Filter { get; set; } = null!;

    public static IEnumerable<NamedFilter> Filters => NamedFilter.For(BenchmarkRun.Data);

    [Benchmark(Description = "page of 25")]
    public async Task<int> Page()
    {
        await using var db = await BenchmarkRun.Data.OpenAsync();
        return (await AcceptanceReview.Rows(db, Filter.Filter).Skip(0).Take(25).ToListAsync()).Count;
    }

    [Benchmark(Description = "count")]
    public async Task<int> Count()
    {
        await using var db = await BenchmarkRun.Data.OpenAsync();
        return await AcceptanceReview.Matching(db.AcceptanceRecords, Filter.Filter).CountAsync();
    }
}

/// <summary>The outbox sender's look for due e-mails among 5,000, run every few seconds.</summary>
public class OutboxBenchmarks
{
    [Benchmark(Description = "outbox: next batch due")]
    public async Task<int> Due()
    {
        await using var db = await BenchmarkRun.Data.OpenAsync();
        return (await OutboxSender.Due(db.OutboxEmails.AsNoTracking(), BenchmarkDatabase.Now).Select(e => new { e.Id, e.NextAttemptAt }).ToListAsync()).Count;
    }
}
