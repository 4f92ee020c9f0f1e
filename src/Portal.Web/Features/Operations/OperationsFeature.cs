using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Portal.Web.Shared;

namespace Portal.Web.Features.Operations;

public static class OperationsFeature
{
    /// <summary>The checks that only /health/ready runs: /health stays what monitors already poll (the database).</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long stopping waits for a background job's round in progress before cutting it short.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Structured logs, the readiness checks and graceful shutdown.</summary>
    public static void AddOperationsFeature(this WebApplicationBuilder builder)
    {
        // Logging:Console:FormatterName picks the console's format: "json" (the shipped appsettings.json: one object a
        // line with its scopes, so each line carries its RequestId and, inside a circuit, its CircuitId) for a log
        // collector; "simple" (appsettings.Development.json) for a person at a terminal.
        if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                // Accents and quotes as they are, not \u00E9: the lines are read by people too, never embedded in HTML.
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        builder.Services.AddScoped<CircuitHandler, CircuitLogScope>();

        builder.Services.AddHealthChecks()
            .AddCheck<MigrationsCheck>("migrations", tags: [ReadyTag])
            .AddCheck<MailPickupCheck>("mail-pickup", tags: [ReadyTag]);

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddScoped<ProviderAdminLink>();
    }

    /// <summary>In Production a missing or plain-http Portal:PublicUrl stops start-up, naming the setting.</summary>
    public static bool HasUsablePublicUrl(this WebApplication app)
    {
        if (!app.Environment.IsProduction()) return true;
        if (PublicUrl.Problem(app.Configuration[PublicUrl.Setting], requireHttps: true) is not { } problem) return true;
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Startup").LogCritical("{Problem}", problem);
        return false;
    }

    /// <summary>
    /// For containers (README "Go live"): while no ProviderAdmin exists, Portal:Bootstrap:AdminEmail is created at
    /// start-up as add-provider-admin would, and the link is logged; once one exists this does nothing, so it is logged once.
    /// </summary>
    public static async Task<bool> BootstrapProviderAdminAsync(this WebApplication app)
    {
        var bootstrap = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.Bootstrap;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail)) return true;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Bootstrap");
        await using var scope = app.Services.CreateAsyncScope();
        var link = scope.ServiceProvider.GetRequiredService<ProviderAdminLink>();
        if (await link.AnyProviderAdminAsync()) return true;
        var result = await link.IssueAsync(bootstrap.AdminEmail.Trim(), bootstrap.AdminName, via: "Portal:Bootstrap:AdminEmail");
        if (result.Succeeded) log.LogWarning("{Message}", result.Message);
        else log.LogCritical("Portal:Bootstrap:AdminEmail: {Message}", result.Message);
        return result.Succeeded;
    }

    /// <summary>
    /// /health/live: the process answers (no dependency, so a database outage does not get every instance restarted);
    /// /health/ready: the database answers, its schema is this build's, e-mail can be written (send traffic here);
    /// /health: the database, as before. Each answers JSON, 503 when Unhealthy.
    /// </summary>
    public static void MapOperationsEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", Json(check => !check.Tags.Contains(ReadyTag)));
        app.MapHealthChecks("/health/live", Json(_ => false));
        app.MapHealthChecks("/health/ready", Json(_ => true));
    }

    // Status per check only: the reasons (paths, migration names) go to the log, not to whoever can reach the URL.
    private static HealthCheckOptions Json(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            }));
        },
    };
}
