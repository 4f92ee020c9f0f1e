using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.People;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Operations;

/// <summary>What add-provider-admin (or the start-up bootstrap) answered: a link, or why not, and the exit code.</summary>
public sealed record ProviderAdminLinkResult(int ExitCode, string Message, string? Link)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// DOMAIN "The Provider and its staff": Portal starts empty in production; a command creates the first
/// ProviderAdmin, without a password, and gives a one-time link to choose one. Asked again for the same
/// e-mail it gives a fresh link and voids the old one (the security stamp changes, and Identity's reset
/// tokens carry it). The link is Identity's password-reset token: valid 24 hours (TokenLifespan).
/// </summary>
public sealed class ProviderAdminLink(
    PortalDb db, // the context of UserManager's store: one transaction covers the account, its role and the audit
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    IOptions<PortalOptions> options,
    IDataProtectionProvider keys)
{
    public const string AuditAction = "ProviderAdmin.LinkIssued";
    public static readonly TimeSpan Validity = TimeSpan.FromHours(24);

    public async Task<ProviderAdminLinkResult> IssueAsync(string email, string? name, string via, CancellationToken ct = default)
    {
        if (!IsWellFormed(email))
            return new(2, $"'{email}' is not an e-mail address. Give the administrator's address, e.g. add-provider-admin jane.doe@provider.example --name \"Jane Doe\".", null);
        if (PublicUrl.Problem(options.Value.PublicUrl, requireHttps: false) is { } problem)
            return new(1, problem, null);

        await IdentityRoles.EnsureAsync(roles, db);
        // A new database has no data-protection key yet: the token below would write the first one on a connection
        // of its own, which SQLite cannot while this transaction holds the write lock. Make it now.
        keys.CreateProtector(nameof(ProviderAdminLink)).Protect([0]);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true, // the operator vouches for it; the link proves the mailbox anyway when it is mailed on
                DisplayName = string.IsNullOrWhiteSpace(name) ? email : name.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                return new(1, $"{email}: " + string.Join(" ", created.Errors.Select(e => e.Description)), null);
            }
            await users.AddToRoleAsync(user, Role.ProviderAdmin);
        }
        else if (user.ClientId is not null || user.IsServiceAccount || !await users.IsInRoleAsync(user, Role.ProviderAdmin))
        {
            await tx.RollbackAsync(ct);
            return new(1, $"{email} already has a Portal account that is not a Provider administrator. Use another address, or change that person's role in the browser.", null);
        }
        else if (user.DeactivatedAt is not null)
        {
            await tx.RollbackAsync(ct);
            return new(1, $"{email} is a deactivated account. Reactivate it in the browser (Staff > People) or use another address.", null);
        }
        else if (!string.IsNullOrWhiteSpace(name) && name.Trim() != user.DisplayName)
        {
            user.DisplayName = name.Trim();
            await users.UpdateAsync(user);
        }

        // A new stamp voids every link given before (and signs the account out everywhere).
        await users.UpdateSecurityStampAsync(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = PublicUrl.Combine(options.Value.PublicUrl, "Account/ResetPassword",
            ("code", WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))), ("email", email));
        AuditTrail.Event(db, AuditAction, null, new { Email = email, Via = via, ValidUntil = clock.GetUtcNow() + Validity });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(0, $"Provider administrator {email}: choose the password at {link} (valid 24 hours, once).", link);
    }

    /// <summary>Whether a ProviderAdmin exists already (the start-up bootstrap then does nothing).</summary>
    public Task<bool> AnyProviderAdminAsync(CancellationToken ct = default) =>
        db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role.ProviderAdmin), ct);

    internal static bool IsWellFormed(string email) =>
        !string.IsNullOrWhiteSpace(email) && email.Trim() == email && email.Count(c => c == '@') == 1
        && MailAddress.TryCreate(email, out var address) && address.Address == email
        && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
