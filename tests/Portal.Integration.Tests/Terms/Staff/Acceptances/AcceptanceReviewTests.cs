using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Web.Shared.Csv;
using Portal.Web.Data;
using UglyToad.PdfPig;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Integration.Tests.Terms.Staff.Acceptances;

/// <summary>Support reviews, exports and verifies acceptance records; a ClientAdmin downloads only their own Client's certificates.</summary>
[Collection(nameof(PortalCollection))]
public sealed class AcceptanceReviewTests(PortalFactory portal)
{
    [Theory]
    [InlineData("support@provider.test")]
    [InlineData("owner@provider.test")]
    public async Task Support_and_ProviderAdmins_open_the_review_page(string email)
    {
        var staff = await PortalFactory.SignedInAsync(portal, email);

        var response = await staff.GetAsync("/staff/acceptances");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Verify integrity", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("admin@acme.test", "/staff/acceptances")]
    [InlineData("am@provider.test", "/staff/acceptances")]
    [InlineData("admin@acme.test", "/staff/acceptances/export.csv")]
    [InlineData("user@acme.test", "/acceptances/1/pdf")]
    public async Task Other_roles_are_sent_to_access_denied(string email, string url)
    {
        var client = await PortalFactory.SignedInAsync(portal, email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_CSV_export_has_a_BOM_a_header_and_one_line_per_record_newest_first()
    {
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        var records = await Records();

        var response = await support.GetAsync("/staff/acceptances/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Record,Accepted at (UTC),Client,", lines[0]);
        Assert.Equal(records.Count + 1, lines.Length);
        var newest = records.OrderByDescending(r => r.AcceptedAt).ThenByDescending(r => r.Id).First();
        Assert.StartsWith($"{newest.Id},{CsvSheet.Timestamp(newest.AcceptedAt)},", lines[1]);
        Assert.Contains("Hélène Dubois", Encoding.UTF8.GetString(bytes));
        Assert.All(records, r => Assert.Contains(r.Hash, Encoding.UTF8.GetString(bytes)));
    }

    [Fact]
    public async Task The_CSV_export_takes_the_filters_of_the_page()
    {
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        var globex = (await Records()).Where(r => r.UserEmail == "admin@globex.test").ToList();
        var filter = new AcceptanceReview.Filter(ClientId: globex[0].ClientId, Document: DocumentType.AcceptableUsePolicy, Email: "ADMIN@glob");

        var csv = await support.GetStringAsync("/staff/acceptances/export.csv" + filter.ToQueryString());

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var expected = globex.Single(r => r.DocumentType == DocumentType.AcceptableUsePolicy);
        Assert.StartsWith($"{expected.Id},", Assert.Single(rows));
    }

    [Fact]
    public async Task Support_gets_the_evidence_sheet_of_record_1_with_its_hashes_and_the_e_mail()
    {
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        var first = (await Records()).Single(r => r.Id == 1);

        var response = await support.GetAsync("/acceptances/1/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("acceptance-1.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Acceptance evidence", text);
        Assert.Contains(first.ContentSha256, text);
        Assert.Contains(first.Hash, text);
        Assert.Contains(first.UserEmail!, text);
        Assert.Contains(CsvSheet.Timestamp(first.AcceptedAt), text);
        Assert.Contains("matches its hash", text);
    }

    [Fact]
    public async Task A_ClientAdmin_downloads_their_own_Clients_certificate_and_gets_a_404_for_another_Client()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        var records = await Records();
        var own = records.First(r => r.UserEmail == "admin@acme.test");
        var other = records.First(r => r.UserEmail == "admin@globex.test");

        var ownResponse = await acme.GetAsync($"/acceptances/{own.Id}/pdf");
        var otherResponse = await acme.GetAsync($"/acceptances/{other.Id}/pdf");

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Contains(own.Hash, PdfText(await ownResponse.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, otherResponse.StatusCode);
        Assert.DoesNotContain("Globex", await otherResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_record_is_a_404()
    {
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");

        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync("/acceptances/999999/pdf")).StatusCode);
    }

    [Fact]
    public async Task The_demo_chain_is_intact_and_as_long_as_the_audit_log_says()
    {
        await PortalFactory.SignedInAsync(portal, "support@provider.test"); // the portal is up and seeded
        await using var db = portal.OpenAs(Actor.Staff("support", "support@provider.test"));
        var progress = new List<ChainProgress>();

        var report = await ChainIntegrity.CheckAsync(db, new SynchronousProgress(progress));

        Assert.True(report.Holds, $"{report}");
        Assert.True(report.Records >= 4);
        Assert.Equal(report.Records, report.IntactCount);
        Assert.Equal(report.Records, progress[^1].Read);
    }

    public static TheoryData<string, string> FiltersAndTheirIndexes => new()
    {
        { "", "IX_AcceptanceRecords_AcceptedAt" },
        { "client", "IX_AcceptanceRecords_ClientId_AcceptedAt" },
        { "document", "IX_AcceptanceRecords_DocumentType_AcceptedAt" },
        { "version", "IX_AcceptanceRecords_VersionLabel_AcceptedAt" },
        { "method", "IX_AcceptanceRecords_Method_AcceptedAt" },
        { "dates", "IX_AcceptanceRecords_AcceptedAt" },
        { "email", "IX_AcceptanceRecords_UserEmail_AcceptedAt" },
    };

    /// <summary>Each filter reads its own index, newest first, without sorting the table (an e-mail prefix is a range, so its matches are sorted).</summary>
    [Theory]
    [MemberData(nameof(FiltersAndTheirIndexes))]
    public async Task A_page_of_the_review_reads_the_filters_index(string filterName, string index)
    {
        await PortalFactory.SignedInAsync(portal, "support@provider.test");
        var records = await Records();
        AcceptanceReview.Filter filter = filterName switch
        {
            "client" => new(ClientId: records[0].ClientId),
            "document" => new(Document: DocumentType.AcceptableUsePolicy),
            "version" => new(Version: "2025_09"),
            "method" => new(Method: AcceptanceMethod.Clickwrap),
            "dates" => new(From: new DateOnly(2025, 1, 1), To: new DateOnly(2027, 12, 31)),
            "email" => new(Email: "admin@"),
            _ => new(),
        };
        await using var db = portal.OpenAs(Actor.Staff("support", "support@provider.test"));

        // The plan is SQLite's (EXPLAIN QUERY PLAN); PostgreSQL's planner scans a table this small whatever its
        // indexes, so there the test checks what each filter matches only.
        if (!TestDatabase.OnPostgres)
        {
            var plan = await PlanOf(db, AcceptanceReview.Rows(db, filter).Skip(25).Take(25));

            Assert.Contains(plan, step => Regex.IsMatch(step, $"INDEX {index}( |$)"));
            if (filterName != "email") Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY"));
        }
        Assert.Equal(records.Count(r => AcceptanceReview.Matching(new[] { r }.AsQueryable(), filter).Any()),
            await AcceptanceReview.Matching(db.AcceptanceRecords, filter).CountAsync());
    }

    [SqliteOnlyTheory("SQLite's EXPLAIN QUERY PLAN; PostgreSQL's planner scans a table of a few dozen rows whatever its indexes")]
    [InlineData(AcceptanceSort.Time, true)]
    [InlineData(AcceptanceSort.Time, false)]
    [InlineData(AcceptanceSort.Document, true)]
    [InlineData(AcceptanceSort.Document, false)]
    [InlineData(AcceptanceSort.Method, false)]
    public async Task Sorted_by_time_document_or_method_a_page_is_read_along_an_index_without_sorting(AcceptanceSort sort, bool descending)
    {
        await PortalFactory.SignedInAsync(portal, "support@provider.test");
        await using var db = portal.OpenAs(Actor.Staff("support", "support@provider.test"));

        var plan = await PlanOf(db, AcceptanceReview.Rows(db, new(), sort, descending).Take(25));

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_AcceptanceRecords_"));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE"));
    }

    /// <summary>
    /// PostgreSQL's equivalent: with sequential scans ruled out (a table this small would be scanned otherwise), a page
    /// is read along one of the review's indexes and at most ordered within equal times by Id (an incremental sort,
    /// which stops at the page's end), never by a full sort of the table.
    /// </summary>
    [PostgresOnlyTheory("PostgreSQL's EXPLAIN; SQLite's plan is checked above")]
    [InlineData(AcceptanceSort.Time, true)]
    [InlineData(AcceptanceSort.Time, false)]
    [InlineData(AcceptanceSort.Document, true)]
    [InlineData(AcceptanceSort.Document, false)]
    [InlineData(AcceptanceSort.Method, false)]
    public async Task On_PostgreSQL_a_sorted_page_is_read_along_an_index_without_sorting_the_table(AcceptanceSort sort, bool descending)
    {
        await PortalFactory.SignedInAsync(portal, "support@provider.test");
        await using var db = portal.OpenAs(Actor.Staff("support", "support@provider.test"));
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");

        await using var command = AcceptanceReview.Rows(db, new(), sort, descending).Take(25).CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, step => Regex.IsMatch(step, "Index Scan( Backward)? using \"?IX_AcceptanceRecords_"));
        Assert.DoesNotContain(plan, step => Regex.IsMatch(step, "^\\s*(->\\s*)?Sort\\s+\\(cost")); // a full Sort node (an Incremental Sort is fine)
    }

    private static async Task<List<string>> PlanOf<T>(PortalDb db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }

    private async Task<List<AcceptanceRecord>> Records()
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.AcceptanceRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    private sealed class SynchronousProgress(List<ChainProgress> seen) : IProgress<ChainProgress>
    {
        public void Report(ChainProgress value) => seen.Add(value);
    }
}
