using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Staff;
using Portal.Domain.Termination;
using Portal.Domain.Terms;
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
        ["/staff/acceptances/{id:long}/signed-order-form"] = "paper",
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

    /// <summary>
    /// DOMAIN "People": an AccountManager reads only the Clients assigned to them. Every AccountManager, on every route,
    /// with every unassigned Client's ids, gets a 404 (or exactly what an id nobody has gets) and none of its data.
    /// </summary>
    [Fact]
    public async Task Every_AccountManager_gets_404_for_every_unassigned_Clients_ids_on_every_route()
    {
        var clients = await ClientDataAsync();
        var failures = new List<string>();
        var requests = 0;
        foreach (var (email, assigned) in await AccountManagersAsync())
        {
            var browser = await PortalFactory.SignedInAsync(portal, email);
            foreach (var (route, kind) in RouteIdKind)
            {
                var unknown = await browser.GetAsync(Url(route, UnknownId(kind)));
                foreach (var other in clients.Where(c => !assigned.Contains(c.Id)))
                foreach (var id in other.Ids[kind])
                {
                    requests++;
                    var url = Url(route, id);
                    var response = await browser.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    var sameAsUnknown = response.StatusCode == unknown.StatusCode
                                        && PathOf(response) == PathOf(unknown);
                    if (response.StatusCode != HttpStatusCode.NotFound && !sameAsUnknown)
                        failures.Add($"{email} {url} ({other.LegalName}'s {kind}): {(int)response.StatusCode} {response.Headers.Location}");
                    else if (body.Contains(other.LegalName) || body.Contains(other.Number))
                        failures.Add($"{email} {url}: {(int)response.StatusCode} but the body shows {other.LegalName}'s data");
                }
            }
            // The list and the dashboard name no unassigned Client.
            foreach (var page in new[] { "/staff/clients", "/" })
            {
                var body = await browser.GetStringAsync(page);
                foreach (var other in clients.Where(c => !assigned.Contains(c.Id)))
                    if (body.Contains(other.LegalName)) failures.Add($"{email} {page} names {other.LegalName}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests by AccountManagers were not a 404:\n" + string.Join("\n", failures));
        Assert.True(requests >= 5, $"only {requests} requests: no AccountManager has an unassigned Client");
    }

    [Fact]
    public async Task An_AccountManager_still_reads_the_Clients_assigned_to_them_and_Support_reads_every_Client()
    {
        var clients = await ClientDataAsync();
        var acme = clients.Single(c => c.LegalName == "Acme Industries SA");
        var globex = clients.Single(c => c.LegalName.StartsWith("Globex"));
        var am = await PortalFactory.SignedInAsync(portal, "am@provider.test");
        Assert.Equal(HttpStatusCode.OK, (await am.GetAsync($"/staff/clients/{acme.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await am.GetAsync($"/invoices/{acme.Ids["invoice"][0]}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await am.GetAsync($"/staff/clients/{globex.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await am.GetAsync($"/invoices/{globex.Ids["invoice"][0]}/pdf")).StatusCode);
        var owner = await PortalFactory.SignedInAsync(portal, "owner@provider.test");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/staff/clients/{globex.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/invoices/{globex.Ids["invoice"][0]}/pdf")).StatusCode);
        // Support's pages are other ones (acceptances, audit): what they read is every Client's rows.
        foreach (var email in new[] { "support@provider.test", "owner@provider.test" })
        {
            await using var scope = await portal.ScopeAsAsync(email);
            await using var db = await scope.ServiceProvider.GetRequiredService<PersonDatabase>().OpenAsync();
            Assert.Equal(clients.Count, await db.Clients.CountAsync());
            Assert.True(await db.Invoices.AnyAsync(i => i.ClientId == globex.Id));
        }
        List<Guid> globexInvoices;
        await using (var system = portal.OpenAs(Actor.System))
            globexInvoices = await system.Invoices.Where(i => i.ClientId == globex.Id).Select(i => i.Id).ToListAsync();
        await using (var scope = await portal.ScopeAsAsync("am@provider.test"))
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<PersonDatabase>().OpenAsync();
            Assert.False(await db.Invoices.AnyAsync(i => i.ClientId == globex.Id));
            Assert.False(await db.InvoiceLines.AnyAsync(l => globexInvoices.Contains(l.InvoiceId)));
            Assert.False(await db.Payments.AnyAsync(p => globexInvoices.Contains(p.InvoiceId)));
            Assert.False(await db.Users.AnyAsync(u => u.ClientId == globex.Id));
            Assert.True(await db.Users.AnyAsync(u => u.Email == "owner@provider.test")); // staff are named
            Assert.True(await db.Invoices.AnyAsync(i => i.ClientId == acme.Id));
        }
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

    /// <summary>Where a redirect goes, without its query (which repeats the requested address).</summary>
    private static string? PathOf(HttpResponseMessage response) => response.Headers.Location is { } l
        ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0])
        : null;

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
        "acceptance" or "paper" => "999999999",
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

    private async Task<List<(string Email, HashSet<Guid> Assigned)>> AccountManagersAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        var managers = await (from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Portal.Domain.People.Role.AccountManager && u.DeactivatedAt == null && u.PasswordHash != null
            select new { u.Id, u.Email }).ToListAsync();
        Assert.Contains(managers, m => m.Email == "am@provider.test");
        var result = new List<(string, HashSet<Guid>)>();
        foreach (var m in managers)
            result.Add((m.Email!, (await db.ClientAssignments.Where(a => a.StaffUserId == m.Id).Select(a => a.ClientId).ToListAsync()).ToHashSet()));
        return result;
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
                    EffectiveOn = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(6),
                });
                var export = new DataExport { ClientId = client.Id, RequestedAt = now };
                export.StartBuilding();
                export.Complete($"export-{client.Number}.zip", [0x50, 0x4B, 0x05, 0x06, .. new byte[18]], now);
                db.DataExports.Add(export);
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
            // Issue 15 §5: an order form signed on paper for each Client, so the signed PDF's download is swept too.
            var owner = await db.Users.FirstAsync(u => u.Email == "owner@provider.test");
            foreach (var client in clients)
            {
                byte[] pdf = [.. "%PDF-1.4\n"u8, .. System.Text.Encoding.ASCII.GetBytes(client.Number)];
                var signed = new SignedOrderForm
                {
                    ClientId = client.Id, OrderFormId = await db.OrderForms.Where(o => o.ClientId == client.Id).Select(o => o.Id).FirstAsync(),
                    FileName = $"{client.Number}-signed.pdf", Content = pdf, Sha256 = SignedOrderForm.HashOf(pdf), RecordedByUserId = owner.Id,
                    RecordedAt = DateTimeOffset.UtcNow,
                };
                db.SignedOrderForms.Add(signed);
                await db.SaveChangesAsync();
                // One OrderFormSigned record pointing at the PDF is enough for the sweep.
                foreach (var version in (await db.DocumentVersions.AsNoTracking().ToListAsync()).Where(v => v.PublishedAt <= DateTimeOffset.UtcNow).Take(1))
                    await AcceptanceLedger.AppendAsync(db, new AcceptanceRecord
                    {
                        ClientId = client.Id, UserId = owner.Id, UserName = owner.DisplayName, UserEmail = owner.Email, DocumentType = version.Type,
                        DocumentVersionId = version.Id, VersionLabel = version.Label, ContentSha256 = version.ContentSha256,
                        Method = AcceptanceMethod.OrderFormSigned, AcceptedAt = DateTimeOffset.UtcNow, SignedDocumentFileName = signed.FileName,
                        SignedDocumentSha256 = signed.Sha256, PreviousHash = "", Hash = "",
                    });
            }
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
                ["paper"] = (await db.AcceptanceRecords.Where(a => a.ClientId == client.Id && a.SignedDocumentSha256 != null).Select(a => a.Id).ToListAsync())
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
