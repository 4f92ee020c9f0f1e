using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Staff;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Terms;

namespace Portal.Integration.Tests.Security;

/// <summary>
/// The cross-tenant sweep: every route with a parameter, taken from the app's own endpoints (pages and downloads),
/// requested by every Client account with every OTHER Client's ids and numbers, answers 404 with none of that
/// Client's data. A route with a parameter this sweep has no data for fails the test, so a new one is not skipped.
/// A portal of its own: the sweep adds a notice, an export and an impersonation session to each Client.
/// </summary>
public sealed class CrossTenantSweepTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record ClientData(Guid Id, string Number, string LegalName, Dictionary<string, List<string>> Ids);

    /// <summary>Which ids each route takes, by kind; the kinds are read from the database per Client.</summary>
    private static readonly Dictionary<string, string> RouteIdKind = new()
    {
        ["/invoices/{Number}"] = "invoice",
        ["/invoices/{number}/pdf"] = "invoice",
        ["/invoices/{number}/xml"] = "invoice",
        ["/staff/invoices/{Number}"] = "invoice",
        ["/staff/clients/{Number}"] = "client",
        ["/acceptances/{id:long}/pdf"] = "acceptance",
        ["/termination/notices/{id:guid}/pdf"] = "notice",
        ["/termination/exports/{id:guid}"] = "export",
        ["/staff/impersonation/{id:guid}/enter"] = "impersonation",
    };

    /// <summary>Routes whose parameter is not a Client's data, and why.</summary>
    private static readonly Dictionary<string, string> NotClientData = new()
    {
        ["/culture/{name}"] = "a language code",
        ["{**path:file}"] = "the static files' fallback",
        ["/terms/{versionId:guid}/pdf"] = "contract document versions are the Provider's, the same for every Client",
    };

    /// <summary>
    /// A staff-only route refuses a Client's account by its role (a redirect to AccessDenied) before looking at the id:
    /// that answer says nothing about the id as long as an id nobody has gets the very same one.
    /// </summary>
    private static bool SameRefusal(HttpResponseMessage response, HttpResponseMessage unknown) =>
        response.StatusCode == HttpStatusCode.Redirect && unknown.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.AbsolutePath == "/Account/AccessDenied"
        && unknown.Headers.Location?.AbsolutePath == "/Account/AccessDenied";

    [Fact]
    public async Task Every_Client_account_gets_404_for_every_other_Clients_ids_on_every_route()
    {
        var routes = ParameterisedRoutes();
        var unswept = routes.Where(r => !RouteIdKind.ContainsKey(r) && !NotClientData.ContainsKey(r)).ToList();
        Assert.True(unswept.Count == 0, "Routes with a parameter the sweep has no data for (add them to RouteIdKind or NotClientData):\n"
                                        + string.Join("\n", unswept));
        Assert.All(RouteIdKind.Keys, r => Assert.Contains(r, routes)); // the map is not stale

        var clients = await ClientDataAsync();
        var failures = new List<string>();
        var requests = 0;
        foreach (var (email, clientId) in await ClientAccountsAsync())
        {
            var browser = await PortalFactory.SignedInAsync(portal, email);
            foreach (var route in RouteIdKind.Keys)
            {
                var kind = RouteIdKind[route];
                // What this account gets for an id nobody has: a role refusal must not depend on the data.
                var unknown = await browser.GetAsync(Url(route, UnknownId(kind)));
                foreach (var other in clients.Where(c => c.Id != clientId))
                foreach (var id in other.Ids[kind])
                {
                    requests++;
                    var url = Url(route, id);
                    var response = await browser.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.NotFound || SameRefusal(response, unknown))
                    {
                        if (body.Contains(other.LegalName) || body.Contains(other.Number))
                            failures.Add($"{email} {url}: {(int)response.StatusCode} but the body shows {other.LegalName}'s data");
                    }
                    else
                        failures.Add($"{email} {url} ({other.LegalName}'s {kind}): {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} cross-tenant requests were not a 404:\n" + string.Join("\n", failures));
        Assert.True(requests >= 50, $"only {requests} cross-tenant requests: the sweep data is missing");
    }

    /// <summary>Against a sweep that passes because every URL is wrong: each route serves its own Client's (or staff's) data.</summary>
    [Fact]
    public async Task The_same_routes_serve_the_rightful_reader()
    {
        var clients = await ClientDataAsync();
        var acme = clients.Single(c => c.LegalName == "Acme Industries SA");
        var acmeAdmin = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        var owner = await PortalFactory.SignedInAsync(portal, "owner@provider.test");

        foreach (var (route, kind) in RouteIdKind.Where(r => r.Value != "impersonation"))
        {
            var reader = route.StartsWith("/staff/") ? owner : acmeAdmin;
            var response = await reader.GetAsync(Url(route, acme.Ids[kind][0]));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} for Acme's own {kind}: {(int)response.StatusCode}");
        }
    }

    private List<string> ParameterisedRoutes() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .Select(e => e.RoutePattern.RawText!)
            // Blazor's own hub and framework files carry no Client data.
            .Where(raw => !raw.StartsWith("/_") && !raw.StartsWith("_"))
            .Distinct().Order().ToList();

    private static string Url(string route, string id) => Regex.Replace(route, @"\{[^}]+\}", Uri.EscapeDataString(id));

    private static string UnknownId(string kind) => kind switch
    {
        "acceptance" => "999999999",
        "invoice" or "client" => "NO-SUCH-" + Guid.NewGuid().ToString("N")[..8],
        _ => Guid.NewGuid().ToString(),
    };

    private async Task<List<(string Email, Guid ClientId)>> ClientAccountsAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        var accounts = await db.Users.Where(u => u.ClientId != null && !u.IsServiceAccount && u.DeactivatedAt == null && u.PasswordHash != null)
            .Select(u => new { u.Email, u.ClientId }).ToListAsync();
        Assert.Contains(accounts, a => a.Email == "admin@initech.test");
        return accounts.Select(a => (a.Email!, a.ClientId!.Value)).ToList();
    }

    /// <summary>Each Client's ids by kind; the kinds the demo data lacks (notices, exports, sessions) are added once.</summary>
    private async Task<List<ClientData>> ClientDataAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        var clients = await db.Clients.AsNoTracking().ToListAsync();
        if (!await db.DataExports.AnyAsync())
        {
            var staff = await db.Users.FirstAsync(u => u.Email == "am@provider.test");
            foreach (var client in clients)
            {
                var admin = await db.Users.FirstAsync(u => u.ClientId == client.Id);
                var now = DateTimeOffset.UtcNow;
                db.TerminationNotices.Add(new TerminationNotice
                {
                    ClientId = client.Id, Kind = TerminationKind.NonRenewal, FiledAt = now, FiledByUserId = admin.Id,
                    EffectiveOn = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(6), Status = TerminationStatus.Filed,
                });
                db.DataExports.Add(new DataExport
                {
                    ClientId = client.Id, RequestedAt = now, Status = DataExportStatus.Ready, Percent = 100,
                    FileName = $"export-{client.Number}.zip", Content = [0x50, 0x4B, 0x05, 0x06, .. new byte[18]], CompletedAt = now,
                });
                db.ImpersonationSessions.Add(new ImpersonationSession
                {
                    StaffUserId = staff.Id, StaffEmail = staff.Email!, TargetUserId = admin.Id, ClientId = client.Id,
                    Reason = "cross-tenant sweep", StartedAt = now, ExpiresAt = now.AddMinutes(30),
                });
            }
            await db.SaveChangesAsync();
            // Initech has accepted nothing, so the terms gate would stop it before any id is looked at: accept them.
            await using var scope = await portal.ScopeAsAsync("admin@initech.test");
            var terms = scope.ServiceProvider.GetRequiredService<TermsService>();
            foreach (var standing in (await terms.OverviewAsync()).Standings)
                Assert.Null((await terms.AcceptAsync(standing.Version.Id, boxTicked: true, "/terms")).Error);
        }

        var result = new List<ClientData>();
        foreach (var client in clients)
        {
            var ids = new Dictionary<string, List<string>>
            {
                ["client"] = [client.Number],
                ["invoice"] = await db.Invoices.Where(i => i.ClientId == client.Id).Select(i => i.Number).ToListAsync(),
                ["acceptance"] = (await db.AcceptanceRecords.Where(a => a.ClientId == client.Id).Select(a => a.Id).ToListAsync())
                    .Select(id => id.ToString()).ToList(),
                ["notice"] = (await db.TerminationNotices.Where(n => n.ClientId == client.Id).Select(n => n.Id).ToListAsync())
                    .Select(id => id.ToString()).ToList(),
                ["export"] = (await db.DataExports.Where(x => x.ClientId == client.Id).Select(x => x.Id).ToListAsync())
                    .Select(id => id.ToString()).ToList(),
                ["impersonation"] = (await db.ImpersonationSessions.Where(s => s.ClientId == client.Id).Select(s => s.Id).ToListAsync())
                    .Select(id => id.ToString()).ToList(),
            };
            result.Add(new ClientData(client.Id, client.Number, client.LegalName, ids));
        }
        return result;
    }
}
