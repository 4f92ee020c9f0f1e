using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Web.Features.Account;

/// <summary>
/// Identity's e-mails (password reset), queued in the outbox like every other e-mail of the portal.
/// Links arrive HTML-encoded already, as Identity's pages pass them.
/// </summary>
internal sealed class AccountEmails(IDbContextFactory<PortalDb> factory, TimeProvider clock, IOptions<PortalOptions> options)
    : IEmailSender<PortalUser>
{
    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        EnqueueAsync(user, email, $"Reset your {options.Value.ProductName} password",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p>" +
            $"<p>Someone asked to reset the password of your {options.Value.ProductName} account. If it was you, " +
            $"<a href='{resetLink}'>choose a new password</a>. The link works once.</p>" +
            "<p>If it was not you, ignore this e-mail: your password stays as it is.</p>",
            "Account:PasswordResetLink");

    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        EnqueueAsync(user, email, "Confirm your e-mail address",
            $"<p>Please <a href='{confirmationLink}'>confirm your e-mail address</a>.</p>",
            "Account:ConfirmationLink");

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        EnqueueAsync(user, email, $"Your {options.Value.ProductName} password reset code",
            $"<p>Your password reset code is <strong>{HtmlEncoder.Default.Encode(resetCode)}</strong>.</p>",
            "Account:PasswordResetCode");

    private async Task EnqueueAsync(PortalUser user, string email, string subject, string htmlBody, string reason)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        Outbox.Enqueue(db, email, user.DisplayName, subject, htmlBody, user.ClientId, reason);
        await db.SaveChangesAsync();
    }
}
