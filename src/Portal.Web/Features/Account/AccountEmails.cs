using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>Identity's e-mails (password reset), sent through the portal's mail pickup folder.</summary>
internal sealed class AccountEmails(PickupFolderMail mail, IOptions<PortalOptions> options) : IEmailSender<PortalUser>
{
    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        mail.SendAsync(email, user.DisplayName, $"Reset your {options.Value.ProductName} password",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p>" +
            $"<p>Someone asked to reset the password of your {options.Value.ProductName} account. If it was you, " +
            $"<a href='{resetLink}'>choose a new password</a>. The link works once.</p>" +
            "<p>If it was not you, ignore this e-mail: your password stays as it is.</p>");

    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        mail.SendAsync(email, user.DisplayName, "Confirm your e-mail address",
            $"<p>Please <a href='{confirmationLink}'>confirm your e-mail address</a>.</p>");

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        mail.SendAsync(email, user.DisplayName, $"Your {options.Value.ProductName} password reset code",
            $"<p>Your password reset code is <strong>{HtmlEncoder.Default.Encode(resetCode)}</strong>.</p>");
}
