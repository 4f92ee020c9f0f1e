using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Clients;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Benchmarks;

/// <summary>
/// A SQLite database built with the portal's own migrations and filled like a busy provider's: 500 Clients,
/// 7 document types of 4 versions each, 100,000 acceptance records over two years (a valid hash chain),
/// and 5,000 outbox e-mails. Deterministic: the same seed gives the same data.
/// </summary>
public sealed class BenchmarkDatabase : IDbContextFactory<PortalDb>
{
    public const int ClientCount = 500;
    public const int RecordCount = 100_000;
    public const int EmailCount = 5_000;

    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = Start.AddYears(2);

    /// <summary>"Now" for the outbox: just after the two years of records.</summary>
    public static readonly DateTimeOffset Now = End.AddHours(1);

    private static readonly string[] FirstNames =
    [
        "marie", "jean", "pierre", "michel", "anne", "sophie", "thomas", "julie", "nicolas", "claire", "paul", "lea",
        "hugo", "emma", "lucas", "chloe", "louis", "camille", "jonas", "mia", "lukas", "hannah", "felix", "sarah",
        "david", "laura", "martin", "ines", "nora", "tom",
    ];
    private static readonly string[] LastNames =
    [
        "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy", "moreau", "simon",
        "laurent", "weber", "schulz", "muller", "fischer", "wagner", "becker", "hoffmann", "faure", "girard", "roux",
    ];
    private static readonly string[] Labels = ["2025_01", "2025_07", "2026_01", "2026_07"];

    private readonly DbContextOptions<PortalDb> options;

    private BenchmarkDatabase(string path)
    {
        Path = path;
        options = Options(path).Options;
    }

    /// <summary>
    /// The portal's model as the app builds it: Identity's tables follow the schema version set in AccountFeature,
    /// which PortalDb reads from the application's services (without it, EF sees a model the migrations do not match).
    /// </summary>
    public static DbContextOptionsBuilder<PortalDb> Options(string path) => new DbContextOptionsBuilder<PortalDb>()
        .UseSqlite($"Data Source={path}")
        .UseApplicationServiceProvider(new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider());

    public string Path { get; }

    /// <summary>A Client with about the median number of records, for the "by Client" filter.</summary>
    public Guid SampleClientId { get; private set; }

    public PortalDb CreateDbContext() => new(options);

    /// <summary>A context that reads every Client, as Support's does (the tenancy filter stays in the SQL).</summary>
    public Task<PortalDb> OpenAsync() => this.OpenAsSystemAsync(TimeProvider.System);

    /// <param name="analyze">Gather SQLite's statistics (ANALYZE) after filling, so the planner knows which index is selective.</param>
    public static async Task<BenchmarkDatabase> CreateAsync(string path, bool analyze)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }) File.Delete(file);
        var database = new BenchmarkDatabase(path);
        var clock = Stopwatch.StartNew();
        await using (var db = database.CreateDbContext())
            await db.Database.MigrateAsync();
        Console.WriteLine($"Migrated {path} in {clock.ElapsedMilliseconds} ms");

        var random = new Random(20261123);
        var clients = await database.AddClientsAsync(random);
        var versions = await database.AddVersionsAsync();
        clock.Restart();
        await database.AddRecordsAsync(random, clients, versions);
        Console.WriteLine($"Inserted {RecordCount:N0} acceptance records in {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        await database.AddEmailsAsync(random, clients);
        Console.WriteLine($"Inserted {EmailCount:N0} outbox e-mails in {clock.ElapsedMilliseconds} ms");
        if (analyze)
        {
            clock.Restart();
            await using var db = database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine($"ANALYZE took {clock.ElapsedMilliseconds} ms");
        }
        else
            Console.WriteLine("No ANALYZE: the planner has no statistics, as in the portal today (run with --analyze to compare)");

        await using (var db = await database.OpenAsync())
        {
            // The raw inserts must read back through EF exactly as the portal wrote them (Guid text, time encoding).
            var perClient = await db.AcceptanceRecords.GroupBy(r => r.ClientId).Select(g => new { g.Key, Count = g.Count() })
                .OrderBy(g => g.Count).ToListAsync();
            if (perClient.Sum(c => c.Count) != RecordCount || perClient.Count != ClientCount)
                throw new InvalidOperationException("The raw inserts do not read back through EF.");
            database.SampleClientId = perClient[perClient.Count / 2].Key;
            var inRange = await db.AcceptanceRecords.CountAsync(r => r.AcceptedAt >= Start && r.AcceptedAt < End);
            if (inRange != RecordCount) throw new InvalidOperationException("AcceptedAt does not read back through EF.");
        }
        return database;
    }

    private async Task<List<(Guid Id, string Domain, string[] People)>> AddClientsAsync(Random random)
    {
        var clients = new List<(Guid, string, string[])>();
        await using var db = await OpenAsync();
        for (var i = 0; i < ClientCount; i++)
        {
            var domain = $"client{i:D3}.test";
            var client = new Client
            {
                Id = NewGuid(random), Number = $"C-{i + 1:D4}", LegalName = $"Client {i + 1:D3} SA", Country = i % 3 == 0 ? "DE" : "FR",
                Address = new PostalAddress($"{i + 1} rue de la Paix", null, "75002", "Paris", "FR"), CreatedAt = Start.AddDays(-30),
            };
            db.Clients.Add(client);
            var people = Enumerable.Range(0, random.Next(1, 7))
                .Select(_ => $"{FirstNames[random.Next(FirstNames.Length)]}.{LastNames[random.Next(LastNames.Length)]}@{domain}")
                .ToArray();
            clients.Add((client.Id, domain, people));
        }
        await db.SaveChangesAsync();
        return clients;
    }

    private async Task<List<DocumentVersion>> AddVersionsAsync()
    {
        await using var db = await OpenAsync();
        var versions = Enum.GetValues<DocumentType>()
            .SelectMany(type => Labels.Select((label, n) =>
            {
                var content = $"# {type} — version {label}\n\nBenchmark text.";
                var published = Start.AddMonths(6 * n);
                return new DocumentVersion
                {
                    Type = type, Label = label, Content = content, ContentSha256 = AcceptanceChain.Sha256(content),
                    ChangeSummary = n == 0 ? "First version." : "Amended.", PublishedAt = published,
                    EffectiveAt = n == 0 ? published : published.AddMonths(AmendmentNotice.DefaultNoticeMonths),
                };
            }))
            .ToList();
        db.DocumentVersions.AddRange(versions);
        await db.SaveChangesAsync();
        return versions;
    }

    /// <summary>
    /// Raw prepared inserts in one transaction: the append-only triggers only refuse UPDATE and DELETE, and going
    /// around PortalDb.SaveChanges spares 100,000 audit entries nobody needs here.
    /// </summary>
    private async Task AddRecordsAsync(Random random, List<(Guid Id, string Domain, string[] People)> clients, List<DocumentVersion> versions)
    {
        var span = (End - Start).Ticks;
        var times = Enumerable.Range(0, RecordCount)
            .Select(_ => new DateTimeOffset(Start.Ticks + random.NextInt64(span), TimeSpan.Zero))
            .Select(t => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMillisecond))) // UTC to the millisecond, as the portal records
            .Order().ToList();
        var deemedPairs = new HashSet<(Guid, Guid)>();
        var types = Enum.GetValues<DocumentType>();
        AcceptanceRecord? previous = null;

        await using var db = CreateDbContext();
        var time = db.Model.FindEntityType(typeof(AcceptanceRecord))!.FindProperty(nameof(AcceptanceRecord.AcceptedAt))!
            .GetTypeMapping().Converter!;
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        string[] columns =
        [
            "Id", "ClientId", "UserId", "UserName", "UserEmail", "DocumentType", "DocumentVersionId", "VersionLabel",
            "ContentSha256", "Method", "AcceptedAt", "IpAddress", "UserAgent", "Culture", "PageUrl", "CheckboxWording",
            "ButtonWording", "SignedDocumentFileName", "SignedDocumentSha256", "PreviousHash", "Hash",
        ];
        insert.CommandText = $"INSERT INTO AcceptanceRecords ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        var parameters = columns.ToDictionary(c => c, c =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "$" + c;
            insert.Parameters.Add(parameter);
            return parameter;
        });
        insert.Prepare();

        foreach (var at in times)
        {
            var client = clients[random.Next(clients.Count)];
            var type = types[random.Next(types.Length)];
            var version = versions.Where(v => v.Type == type && v.EffectiveAt <= at).MaxBy(v => v.EffectiveAt)
                          ?? versions.First(v => v.Type == type);
            // Deemed acceptance exists only for amendments (not first versions), once per Client and version.
            var method = !ClientAcceptance.IsClickwrap(type) ? AcceptanceMethod.OrderFormSigned
                : version.Label != Labels[0] && random.NextDouble() < 0.1 && deemedPairs.Add((client.Id, version.Id)) ? AcceptanceMethod.DeemedAfterNotice
                : AcceptanceMethod.Clickwrap;
            var person = method == AcceptanceMethod.DeemedAfterNotice ? null : client.People[random.Next(client.People.Length)];
            var record = new AcceptanceRecord
            {
                ClientId = client.Id, UserId = person is null ? null : AcceptanceChain.Sha256(person)[..16], UserEmail = person,
                UserName = person?.Split('@')[0].Replace('.', ' '),
                DocumentType = type, DocumentVersionId = version.Id, VersionLabel = version.Label, ContentSha256 = version.ContentSha256,
                Method = method, AcceptedAt = method == AcceptanceMethod.DeemedAfterNotice ? version.EffectiveAt : at,
                IpAddress = method == AcceptanceMethod.Clickwrap ? $"203.0.113.{random.Next(1, 255)}" : null,
                UserAgent = method == AcceptanceMethod.Clickwrap ? "Mozilla/5.0 (X11; Linux x86_64) Benchmark" : null,
                Culture = method == AcceptanceMethod.Clickwrap ? (random.Next(2) == 0 ? "fr" : "en") : null,
                PageUrl = method == AcceptanceMethod.Clickwrap ? "/terms" : null,
                CheckboxWording = method == AcceptanceMethod.Clickwrap ? "I have read and accept" : null,
                ButtonWording = method == AcceptanceMethod.Clickwrap ? "Accept" : null,
                SignedDocumentFileName = method == AcceptanceMethod.OrderFormSigned ? "signed.pdf" : null,
                SignedDocumentSha256 = method == AcceptanceMethod.OrderFormSigned ? AcceptanceChain.Sha256(at.ToString("O")) : null,
                PreviousHash = "", Hash = "",
            };
            AcceptanceChain.Seal(record, previous);
            previous = record;

            parameters["Id"].Value = record.Id;
            parameters["ClientId"].Value = GuidText(record.ClientId);
            parameters["UserId"].Value = (object?)record.UserId ?? DBNull.Value;
            parameters["UserName"].Value = (object?)record.UserName ?? DBNull.Value;
            parameters["UserEmail"].Value = (object?)record.UserEmail ?? DBNull.Value;
            parameters["DocumentType"].Value = (int)record.DocumentType;
            parameters["DocumentVersionId"].Value = GuidText(record.DocumentVersionId);
            parameters["VersionLabel"].Value = record.VersionLabel;
            parameters["ContentSha256"].Value = record.ContentSha256;
            parameters["Method"].Value = (int)record.Method;
            parameters["AcceptedAt"].Value = time.ConvertToProvider(record.AcceptedAt);
            parameters["IpAddress"].Value = (object?)record.IpAddress ?? DBNull.Value;
            parameters["UserAgent"].Value = (object?)record.UserAgent ?? DBNull.Value;
            parameters["Culture"].Value = (object?)record.Culture ?? DBNull.Value;
            parameters["PageUrl"].Value = (object?)record.PageUrl ?? DBNull.Value;
            parameters["CheckboxWording"].Value = (object?)record.CheckboxWording ?? DBNull.Value;
            parameters["ButtonWording"].Value = (object?)record.ButtonWording ?? DBNull.Value;
            parameters["SignedDocumentFileName"].Value = (object?)record.SignedDocumentFileName ?? DBNull.Value;
            parameters["SignedDocumentSha256"].Value = (object?)record.SignedDocumentSha256 ?? DBNull.Value;
            parameters["PreviousHash"].Value = record.PreviousHash;
            parameters["Hash"].Value = record.Hash;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    /// <summary>Outbox rows are not audited, so EF inserts them as the portal would: mostly sent, some failing, some due.</summary>
    private async Task AddEmailsAsync(Random random, List<(Guid Id, string Domain, string[] People)> clients)
    {
        await using var db = await OpenAsync();
        var span = (End - Start).Ticks;
        for (var i = 0; i < EmailCount; i++)
        {
            var client = clients[random.Next(clients.Count)];
            var created = i < EmailCount - 80 ? new DateTimeOffset(Start.Ticks + random.NextInt64(span), TimeSpan.Zero) : Now.AddMinutes(-random.Next(1, 120));
            var email = new OutboxEmail
            {
                CreatedAt = created, NextAttemptAt = created, ToEmail = client.People[0], Subject = $"Invoice {i}",
                HtmlBody = "<p>Your invoice is attached.</p>", ClientId = client.Id, Reason = $"Invoice:{i}",
            };
            if (i < EmailCount - 80) { email.SentAt = created.AddSeconds(5); email.Attempts = 1; }
            else if (i % 3 == 0) { email.Attempts = 2; email.LastError = "SocketException: Connection refused"; email.NextAttemptAt = Now.AddMinutes(4); }
            db.OutboxEmails.Add(email);
        }
        await db.SaveChangesAsync();
    }

    // EF Core stores a Guid in SQLite as upper-case text; the read-back check in CreateAsync proves it.
    private static string GuidText(Guid id) => id.ToString().ToUpperInvariant();

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
