using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Web.Features.People;

/// <summary>
/// The Provider's staff (DOMAIN "The Provider and its staff", issue 15 §3): a ProviderAdmin invites them with a role,
/// changes roles and deactivates them. Every change that could remove a ProviderAdmin runs under <see cref="AdminLock"/>,
/// so two admins demoting each other at once leaves one (<see cref="ProviderAdmins"/>). Changes are audited by PortalDb.
/// </summary>
public sealed class ProviderStaff(
    PersonDatabase data, TimeProvider clock, IStringLocalizer<UserText> T, SignedOutUsers signedOut,
    UserManager<PortalUser> users, IOptions<PortalOptions> options)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken ct = default)
    {
        if (await AdminIdAsync() is null) return [];
        await using var db = await data.OpenAsync();
        var rows = await (
            from u in db.Users.AsNoTracking()
            where u.ClientId == null
            select new
            {
                u.Id, u.DisplayName, u.Email, u.DeactivatedAt, u.LastSignInAt, HasPassword = u.PasswordHash != null,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Where(r => r.Role is not null && Role.IsStaffRole(r.Role))
            .OrderBy(r => r.DeactivatedAt is not null).ThenBy(r => r.DisplayName)
            .Select(r => new StaffMember(r.Id, r.DisplayName, r.Email ?? "", r.Role!,
                r.DeactivatedAt is not null ? StaffStatus.Deactivated : r.HasPassword ? StaffStatus.Active : StaffStatus.Invited,
                r.LastSignInAt))
            .ToList();
    }

    /// <summary>A staff account without password and a one-time link (Identity's reset token, 24 h) to choose one.</summary>
    public async Task<StaffResult> InviteAsync(StaffInvite input, string portalBaseUrl)
    {
        if (await AdminIdAsync() is not { } adminId) return NotAdmin();
        var (email, emailProblem) = InviteeEmail.Check(input.Email);
        if (emailProblem is not null) return StaffResult.Refused(T[emailProblem]);
        var name = input.DisplayName?.Trim() ?? "";
        if (name.Length == 0) return StaffResult.Refused(T["Enter a name."]);
        if (name.Length > 100) return StaffResult.Refused(T["A name has at most 100 characters."]);
        if (StaffRoles.Problem(input.Role) is { } roleProblem) return StaffResult.Refused(T[roleProblem]);

        await using var db = await data.OpenAsync();
        var normalized = email!.ToUpperInvariant();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized))
            return StaffResult.Refused(T["{0} already has an account. Each person has one account with one e-mail address.", email]);
        var user = new PortalUser
        {
            Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = normalized, Email = email, NormalizedEmail = normalized,
            // The ProviderAdmin vouches for the address, and the link proves it: a forgotten password can be reset later.
            EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow(),
            SecurityStamp = NewStamp(), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = await RoleIdAsync(db, input.Role) });
        QueueInvitation(db, user, input.Role, await TokenAsync(user), portalBaseUrl);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same address was invited a moment ago: Identity's unique user name refused ours.
            return StaffResult.Refused(T["{0} already has an account. Each person has one account with one e-mail address.", email]);
        }
        return StaffResult.Done(T["Invitation sent to {0}.", email]);
    }

    /// <summary>A new link: the security stamp changes, so the previous link stops working.</summary>
    public async Task<StaffResult> ResendInvitationAsync(string userId, string portalBaseUrl)
    {
        if (await AdminIdAsync() is null) return NotAdmin();
        await using var db = await data.OpenAsync();
        var user = await StaffUser(db, userId);
        if (user is null || user.DeactivatedAt is not null || user.PasswordHash is not null)
            return StaffResult.Refused(T["This person has no invitation waiting: they may already have accepted it."]);
        user.SecurityStamp = NewStamp();
        QueueInvitation(db, user, await RoleOfAsync(db, userId) ?? Role.Support, await TokenAsync(user), portalBaseUrl);
        await db.SaveChangesAsync();
        return StaffResult.Done(T["A new invitation was sent to {0}; the previous link no longer works.", user.Email ?? ""]);
    }

    public async Task<StaffResult> ChangeRoleAsync(string userId, string role)
    {
        if (await AdminIdAsync() is not { } adminId) return NotAdmin();
        if (StaffRoles.Problem(role) is { } roleProblem) return StaffResult.Refused(T[roleProblem]);
        await using var db = await data.OpenAsync();
        await using var tx = await AdminLock.TakeAsync(db);
        if (!await IsActiveAdminAsync(db, adminId)) return NotAdmin(); // demoted a moment ago by another admin
        if (await StaffUser(db, userId) is not { } user) return NotFound();
        var current = await RoleOfAsync(db, userId);
        if (current == role) return StaffResult.Done(T["{0} already has this role.", user.DisplayName]);
        if (await LastAdminProblemAsync(db, user, removing: current == Role.ProviderAdmin) is { } last) return StaffResult.Refused(T[last]);

        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == userId).ToListAsync());
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = await RoleIdAsync(db, role) });
        // The role is in their sign-in cookie: they sign in again to get the new one.
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        signedOut.SignOut([userId]);
        return StaffResult.Done(T["{0} is now {1}.", user.DisplayName, T[RoleLabel(role)]]);
    }

    /// <summary>Signed out at once (SessionCheck on the next request, SignedOutUsers for open pages); the record stays for the audit.</summary>
    public async Task<StaffResult> DeactivateAsync(string userId)
    {
        if (await AdminIdAsync() is not { } adminId) return NotAdmin();
        if (userId == adminId) return StaffResult.Refused(T["You cannot deactivate your own account; ask another Provider administrator."]);
        await using var db = await data.OpenAsync();
        await using var tx = await AdminLock.TakeAsync(db);
        if (!await IsActiveAdminAsync(db, adminId)) return NotAdmin();
        if (await StaffUser(db, userId) is not { } user) return NotFound();
        if (user.DeactivatedAt is not null) return StaffResult.Done(T["{0} was already deactivated.", user.DisplayName]);
        var isAdmin = await RoleOfAsync(db, userId) == Role.ProviderAdmin;
        if (await LastAdminProblemAsync(db, user, removing: isAdmin) is { } last) return StaffResult.Refused(T[last]);

        user.DeactivatedAt = clock.GetUtcNow();
        user.SecurityStamp = NewStamp(); // also voids an invitation link not used yet
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        signedOut.SignOut([userId]);
        return StaffResult.Done(T["{0} is deactivated and signed out.", user.DisplayName]);
    }

    public static string RoleLabel(string role) => role switch
    {
        Role.AccountManager => "Account Manager",
        Role.Support => "Support",
        _ => "Provider administrator",
    };

    /// <summary>Counted inside the lock: an invited ProviderAdmin who never chose a password does not count as active.</summary>
    private static async Task<string?> LastAdminProblemAsync(PortalDb db, PortalUser user, bool removing)
    {
        if (!removing || user.PasswordHash is null) return null;
        var active = await (from u in db.Users
                            where u.ClientId == null && u.DeactivatedAt == null && u.PasswordHash != null
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Role.ProviderAdmin
                            select u.Id).CountAsync();
        return ProviderAdmins.Problem(active, removesAnActiveAdmin: true);
    }

    // Identity's reset token: valid 24 h (DataProtectorTokenProvider), once (it is bound to the security stamp, which a new password changes).
    private async Task<string> TokenAsync(PortalUser user) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));

    private void QueueInvitation(PortalDb db, PortalUser user, string role, string token, string portalBaseUrl)
    {
        var link = $"{portalBaseUrl.TrimEnd('/')}/Account/ResetPassword?code={token}";
        var product = System.Net.WebUtility.HtmlEncode(options.Value.ProductName);
        var body = $"<p>{T["Hello {0},", System.Net.WebUtility.HtmlEncode(user.DisplayName)]}</p>"
            + $"<p>{T["You are invited to {0} as {1}.", product, T[RoleLabel(role)]]}</p>"
            + $"<p><a href=\"{link}\">{T["Choose your password"]}</a>. {T["The link works once, for 24 hours; after that, ask a Provider administrator for a new invitation."]}</p>";
        Outbox.Enqueue(db, user.Email!, user.DisplayName, T["Your invitation to {0}", options.Value.ProductName], body, null, $"StaffInvitation:{user.Id}");
    }

    private static Task<bool> IsActiveAdminAsync(PortalDb db, string userId) =>
        db.Users.AnyAsync(u => u.Id == userId && u.DeactivatedAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role.ProviderAdmin)));

    private static Task<PortalUser?> StaffUser(PortalDb db, string userId) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ClientId == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && StaffRoles.All.Contains(r.Name!))));

    private static Task<string> RoleIdAsync(PortalDb db, string role) => db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();

    private static Task<string?> RoleOfAsync(PortalDb db, string userId) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).FirstOrDefaultAsync();

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    private async Task<string?> AdminIdAsync()
    {
        var user = await data.PrincipalAsync();
        return user.IsInRole(Role.ProviderAdmin) && !PortalClaims.IsImpersonated(user) ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    private StaffResult NotAdmin() => StaffResult.Refused(T["Only Provider administrators can manage staff."]);

    private StaffResult NotFound() => StaffResult.Refused(T["This staff member does not exist."]);

    /// <summary>
    /// Opens the transaction with a write to the ProviderAdmin role's row: on SQLite the first write serialises the
    /// writers, on PostgreSQL the row lock does, so the count of active admins that follows is the one the change
    /// is checked against (the same trick as ClientLock).
    /// </summary>
    private static class AdminLock
    {
        public static async Task<IDbContextTransaction> TakeAsync(PortalDb db)
        {
            var tx = await db.Database.BeginTransactionAsync();
            await db.Roles.Where(r => r.Name == Role.ProviderAdmin).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, r => r.Name));
            return tx;
        }
    }
}

public enum StaffStatus { Active, Invited, Deactivated }

public sealed record StaffMember(string Id, string Name, string Email, string Role, StaffStatus Status, DateTimeOffset? LastSignInAt);

public sealed class StaffInvite
{
    public string Email { get; set; } = "";
    public string? DisplayName { get; set; }
    public string Role { get; set; } = Domain.People.Role.AccountManager;
}

public sealed record StaffResult(string? Error, string? Message)
{
    public bool Succeeded => Error is null;
    public static StaffResult Done(string message) => new(null, message);
    public static StaffResult Refused(string error) => new(error, null);
}
