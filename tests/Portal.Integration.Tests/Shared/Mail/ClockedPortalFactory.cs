using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Features.Terms;
using Portal.Web.Shared.Jobs;

namespace Portal.Integration.Tests;

/// <summary>
/// The real portal on a temporary SQLite file, like <see cref="PortalFactory"/>, but on a clock the test sets
/// (the demo data is written relative to it) and with the background jobs off: tests run each job's pass by hand.
/// </summary>
public sealed class ClockedPortalFactory(DateTimeOffset start, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? configure = null)
    : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-it-clock-").FullName;
    private TestDatabase? database;

    public SettableClock Clock { get; } = new(start);

    public string MailFolder => Path.Combine(folder, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        database ??= new TestDatabase(folder);
        database.Apply(builder);
        builder.UseSetting("Portal:SeedDemoData", "true");
        builder.UseSetting("Portal:MailPickupFolder", MailFolder);
        builder.UseSetting("Portal:BackgroundJobs", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddPortalJob<DeemedAcceptanceJob>(); // idempotent: also fine once Program.cs registers it
            configure?.Invoke(services);
        });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A PortalDb for the portal's own work, on the test's clock.</summary>
    public Task<PortalDb> OpenAsSystemAsync() => Get<IDbContextFactory<PortalDb>>().OpenAsSystemAsync(Clock);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database?.Dispose();
        database = null;
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset at) => now = at;

    public void Advance(TimeSpan by) => now += by;
}
