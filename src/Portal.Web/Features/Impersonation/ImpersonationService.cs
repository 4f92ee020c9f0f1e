using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Impersonation;

/// <summary>
/// DOMAIN "Impersonation": starting a session (checked by <see cref="ImpersonationPolicy"/>, audited, the
/// Client's admins told by e-mail), entering it (the cookie), ending it, and the sessions a Client can read.
/// The <see cref="ImpersonationSession"/> row is the truth: the cookie only points at it.
/// </summary>
public sealed class ImpersonationService(PersonDatabase data, TimeProvider clock, IOptions<PortalOptions> options, IStringLocalizer<UserText> T)
{
    /// <summary>Checks and records a session; the caller then sends the browser to <see cref="EnterPath"/>.</summary>
    public async Task<StartResult> StartAsync(Guid clientId, string? targetUserId, string? reason, int? minutes, CancellationToken ct = default)
    {
        var user = await data.PrincipalAsync();
        var staffId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await data.OpenAsync();
        var target = targetUserId is null ? null
            : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == targetUserId && u.ClientId == clientId, ct);
        var targetRoles = target is null ? [] : await RolesOfAsync(db, target.Id, ct);
        var assigned = staffId is not null && await StaffAccess.IsAssignedAsync(db, staffId, clientId, ct);

        var answer = staffId is null
            ? PolicyAnswer.No("Only the Client's Account Managers and Provider administrators can act for a Client.")
            : ImpersonationPolicy.MayStart(StaffAccess.RolesOf(user), assigned, PortalClaims.IsImpersonated(user),
                targetRoles, target is { DeactivatedAt: null }, reason);
        if (!answer.Allowed)
        {
            // DOMAIN "Bad input": a refused attempt is on the record too, with what was asked.
            AuditTrail.Event(db, ImpersonationAudit.StartRefused, clientId,
                new { Target = target?.Email ?? targetUserId, Reason = reason, answer.Message });
            await db.SaveChangesAsync(ct);
            return new StartResult(null, T[answer.Message!]);
        }

        var now = clock.GetUtcNow();
        var session = new ImpersonationSession
        {
            StaffUserId = staffId!, StaffName = PortalClaims.DisplayNameOf(user), StaffEmail = db.Actor.Email ?? "",
            TargetUserId = target!.Id, ClientId = clientId, Reason = reason!.Trim(), StartedAt = now,
            ExpiresAt = now + ImpersonationPolicy.Duration(minutes, options.Value.ImpersonationMinutes),
        };
        db.ImpersonationSessions.Add(session);
        await NotifyClientAdminsAsync(db, session, target, ct);
        await db.SaveChangesAsync(ct);
        return new StartResult(session.Id, null);
    }

    public static string EnterPath(Guid sessionId) => $"/staff/impersonation/{sessionId}/enter";

    /// <summary>
    /// Signs the staff member's browser in as the target, with both identities and the session id in the cookie.
    /// Not the target's sign-in: no password check, and nothing of the target's account (stamp, lockout) changes.
    /// </summary>
    public async Task<bool> EnterAsync(HttpContext http, SignInManager<PortalUser> signIn, Guid sessionId)
    {
        var staff = http.User;
        if (PortalClaims.IsImpersonated(staff)) return false;
        await using var db = await data.OpenAsync();
        var session = await db.ImpersonationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
        // Only the staff member who started it, only while it is on.
        if (session is null || session.StaffUserId != staff.FindFirstValue(ClaimTypes.NameIdentifier)
            || !session.IsActiveAt(clock.GetUtcNow())) return false;
        var target = await db.Users.SingleAsync(u => u.Id == session.TargetUserId);
        var principal = await signIn.CreateUserPrincipalAsync(target);
        ((ClaimsIdentity)principal.Identity!).AddClaims(
        [
            new Claim(PortalClaims.ImpersonatorId, session.StaffUserId),
            new Claim(PortalClaims.ImpersonatorEmail, session.StaffEmail),
            new Claim(PortalClaims.ImpersonationSessionId, session.Id.ToString()),
        ]);
        // No cookie expiry of its own: at expiry the gate finds the row over and hands the browser back to the
        // staff member with a message, rather than dropping them on the sign-in page.
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return true;
    }

    /// <summary>
    /// Ends the session the request belongs to and signs the browser back in as the staff member (or out,
    /// when their own account can no longer sign in). Returns the Client's number, to go back to its page.
    /// </summary>
    public async Task<string?> LeaveAsync(HttpContext http, SignInManager<PortalUser> signIn, ImpersonationEnd why)
    {
        var user = http.User;
        if (PortalClaims.ImpersonationSessionOf(user) is not { } sessionId) return null;
        await using var db = await data.OpenAsync();
        var session = await db.ImpersonationSessions.SingleOrDefaultAsync(s => s.Id == sessionId);
        session?.End(clock.GetUtcNow(), why);
        await db.SaveChangesAsync();
        var number = session is null ? null : await db.Clients.Where(c => c.Id == session.ClientId).Select(c => c.Number).SingleOrDefaultAsync();

        var staff = await signIn.UserManager.FindByIdAsync(user.FindFirstValue(PortalClaims.ImpersonatorId) ?? "");
        if (why != ImpersonationEnd.SignedOut && staff is not null && await signIn.CanSignInAsync(staff))
            await signIn.SignInAsync(staff, isPersistent: false);
        else
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return number;
    }

    /// <summary>Whether the session still runs: the banner asks every few seconds so an open page follows a stop or expiry.</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId)
    {
        await using var db = await data.OpenAsync();
        var session = await db.ImpersonationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
        return session?.IsActiveAt(clock.GetUtcNow()) == true;
    }

    /// <summary>The banner's content for the signed-in principal, or null when not impersonating.</summary>
    public async Task<BannerInfo?> BannerAsync()
    {
        var user = await data.PrincipalAsync();
        if (PortalClaims.ImpersonationSessionOf(user) is not { } sessionId) return null;
        await using var db = await data.OpenAsync();
        var row = await db.ImpersonationSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Join(db.Clients, s => s.ClientId, c => c.Id, (s, c) => new { Session = s, c.LegalName })
            .SingleOrDefaultAsync();
        return row is null ? null
            : new BannerInfo(sessionId, row.Session.StaffName, row.Session.StaffEmail, PortalClaims.DisplayNameOf(user),
                user.FindFirstValue(ClaimTypes.Email) ?? "", row.LegalName, row.Session.ExpiresAt);
    }

    /// <summary>
    /// DOMAIN "The Client's admins can see when Provider staff acted in their account, and why": the sessions on
    /// <paramref name="clientId"/>, newest first; for a Client's own people the tenancy filter picks their Client.
    /// </summary>
    public async Task<IReadOnlyList<ProviderAccess>> ProviderAccessAsync(Guid? clientId = null, int take = 20)
    {
        await using var db = await data.OpenAsync();
        var sessions = db.ImpersonationSessions.AsNoTracking();
        if (clientId is { } id) sessions = sessions.Where(s => s.ClientId == id);
        var rows = await sessions.OrderByDescending(s => s.StartedAt).Take(take)
            .Join(db.Users, s => s.TargetUserId, u => u.Id, (s, u) => new { Session = s, Target = u.DisplayName })
            .ToListAsync();
        var now = clock.GetUtcNow();
        return rows.Select(r => new ProviderAccess(r.Session.StaffName, r.Session.StaffEmail, r.Target, r.Session.Reason,
            r.Session.StartedAt, r.Session.IsActiveAt(now) ? null : r.Session.EndOrExpiry, r.Session.EndedBy)).ToList();
    }

    private static async Task<IReadOnlyCollection<string>> RolesOfAsync(PortalDb db, string userId, CancellationToken ct) =>
        await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);

    /// <summary>DOMAIN: the Client's ClientAdmins get an e-mail when it starts, saved with the session (one SaveChanges).</summary>
    private async Task NotifyClientAdminsAsync(PortalDb db, ImpersonationSession session, PortalUser target, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == session.ClientId, ct);
        var admins = await db.ClientAdmins(session.ClientId).AsNoTracking().ToListAsync(ct);
        foreach (var admin in admins)
        {
            var mail = ImpersonationEmail.For(T, session, target, admin.Culture ?? client.Culture, admin.DisplayName);
            Outbox.Enqueue(db, admin.Email!, admin.DisplayName, mail.Subject, mail.HtmlBody, client.Id, $"Impersonation:{session.Id}");
        }
    }
}

public sealed record StartResult(Guid? SessionId, string? Error);

public sealed record BannerInfo(Guid SessionId, string StaffName, string StaffEmail, string TargetName, string TargetEmail, string ClientName, DateTimeOffset ExpiresAt);

/// <param name="EndedAt">Null while the session runs.</param>
public sealed record ProviderAccess(string StaffName, string StaffEmail, string ActingAs, string Reason, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, ImpersonationEnd? EndedBy);
