using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Portal.Integration.Tests.Operations;

/// <summary>Issue #9 "Operations": structured JSON logs carrying the request id.</summary>
public sealed class StructuredLogTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_the_json_format_set_every_line_logged_during_a_request_carries_its_request_id()
    {
        var capture = new LogCapture();
        using var portal = new ClockedPortalFactory(Now, new Dictionary<string, string> { ["Logging:Console:FormatterName"] = "json" },
            services =>
            {
                services.AddSingleton<ILoggerProvider>(capture);
                // Request starting / finished are Information; the shipped settings keep Microsoft.AspNetCore at Warning.
                services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Information, null)));
                services.AddSingleton<IStartupFilter, EchoRequestId>();
            });
        var path = $"/no-such-page-{Guid.NewGuid():N}";

        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var requestId = Assert.Single(response.Headers.GetValues(EchoRequestId.Header));
        var json = portal.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var lines = capture.Entries
            .Where(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Message.Contains(path))
            .Select(e => JsonDocument.Parse(e.Format(json)).RootElement).ToList();
        Assert.Contains(lines, l => l.GetProperty("EventId").GetInt32() == 1); // Request starting
        Assert.Contains(lines, l => l.GetProperty("EventId").GetInt32() == 2); // Request finished
        foreach (var line in lines)
        {
            var request = line.GetProperty("Scopes").EnumerateArray().Single(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _));
            Assert.Equal(requestId, request.GetProperty("RequestId").GetString());
            Assert.Equal(path, request.GetProperty("RequestPath").GetString());
            Assert.Equal("Information", line.GetProperty("LogLevel").GetString());
        }
    }

    /// <summary>Tells the test the request's id (HttpContext.TraceIdentifier), which the portal itself does not send.</summary>
    private sealed class EchoRequestId : IStartupFilter
    {
        public const string Header = "X-Test-Request-Id";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.Headers[Header] = context.TraceIdentifier;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
