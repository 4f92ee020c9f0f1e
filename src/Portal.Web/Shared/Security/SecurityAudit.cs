using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Shared.Security;

/// <summary>
/// DOMAIN "Audit": failed sign-ins and refused accesses go on the record beside the changes, so Support sees
/// a password guesser or someone probing other Clients' ids at /staff/audit (kind "Security").
/// Never the attempted password; never what was typed into the e-mail field unless it names an existing account.
/// </summary>
public sealed class SecurityAudit(IDbContextFactory<PortalDb> factory, TimeProvider clock, IOptions<PortalOptions> options)
{
    public const string Kind = "Security";
    public const string SignInFailed = "Security.SignInFailed";
    public const string SignInLockedOut = "Security.SignInLockedOut";
    public const string SignInThrottled = "Security.SignInThrottled";
    public const string AccessDenied = "Security.AccessDenied";
    public const string NotFound = "Security.NotFound";

    /// <summary>A refused sign-in: <paramref name="account"/> is null for an unknown e-mail.</summary>
    public Task SignInRefusedAsync(HttpContext http, PortalUser? account, string action, string reason) =>
        WriteAsync(Actor.Nobody, action, account?.ClientId, account?.Id, new
        {
            Reason = reason,
            Account = account?.Email,
            Address = http.Connection.RemoteIpAddress?.ToString(),
        });

    // A refused flood must not become a flood of audit rows: one entry per address and e-mail per minute.
    private readonly AuditBudget throttledAudited = new();

    /// <summary>A sign-in post refused by the rate limit, before any password was checked.</summary>
    public async Task SignInThrottledAsync(HttpContext http, string normalizedEmail)
    {
        if (!throttledAudited.Allows($"{http.Connection.RemoteIpAddress}|{normalizedEmail}", 1, TimeSpan.FromMinutes(1), clock.GetUtcNow()))
            return;

        await using var db = await factory.OpenAsSystemAsync(clock);
        var account = normalizedEmail.Length == 0 ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail);
        await SignInRefusedAsync(http, account, SignInThrottled, "too many attempts");
    }

    /// <summary>A signed-in person refused a page (their role) or answered 404 on an address with an id in it.</summary>
    public Task AccessRefusedAsync(HttpContext http, string action) =>
        WriteAsync(PersonDatabase.ActorFor(http.User), action, null, null, new
        {
            http.Request.Method,
            Path = http.Request.Path.Value + http.Request.QueryString.Value,
            Address = http.Connection.RemoteIpAddress?.ToString(),
        });

    /// <summary>
    /// Audits a 404 given to a signed-in person on a route with parameters (an invoice number, a notice id…):
    /// another Client's id answers 404 like an unknown one, and this is where probing shows.
    /// </summary>
    public static async Task AuditNotFoundAsync(HttpContext http, Func<Task> next)
    {
        await next();
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && http.User.Identity?.IsAuthenticated == true
            && http.GetEndpoint() is RouteEndpoint { RoutePattern.Parameters.Count: > 0 })
        {
            var audit = http.RequestServices.GetRequiredService<SecurityAudit>();
            if (audit.WithinNotFoundBudget(http.User)) await audit.AccessRefusedAsync(http, NotFound);
        }
    }

    // Per signed-in person: at most Portal:RateLimits:AuditedNotFound 404s on the record per window.
    private readonly AuditBudget notFoundAudited = new();

    private bool WithinNotFoundBudget(ClaimsPrincipal user)
    {
        var budget = options.Value.RateLimits.AuditedNotFound;
        return notFoundAudited.Allows(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", budget.PermitLimit, budget.Window, clock.GetUtcNow());
    }

    /// <summary>How many audit entries a key (an address and e-mail, a person) may still write in its current window.</summary>
    private sealed class AuditBudget
    {
        private readonly ConcurrentDictionary<string, (DateTimeOffset Since, int Count)> windows = new();

        public bool Allows(string key, int limit, TimeSpan window, DateTimeOffset now)
        {
            if (windows.Count > 10_000) windows.Clear(); // keys are whatever callers send: bounded, at the price of a fresh start
            var current = windows.AddOrUpdate(key, _ => (now, 1),
                (_, seen) => now - seen.Since >= window ? (now, 1) : (seen.Since, seen.Count + 1));
            return current.Count <= limit;
        }
    }

    private async Task WriteAsync(Actor actor, string action, Guid? clientId, string? entityId, object details)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        db.Actor = actor;
        var entry = AuditTrail.Event(db, action, clientId, details);
        entry.EntityType = Kind;
        entry.EntityId = entityId;
        await db.SaveChangesAsync();
    }
}
