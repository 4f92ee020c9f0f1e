using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Web.Features.Account;

/// <summary>
/// Identity's e-mails (password reset), queued in the outbox like every other e-mail of the portal, in the person's
/// language (their own choice, else their Client's). Links arrive HTML-encoded already, as Identity's pages pass them.
/// </summary>
internal sealed class AccountEmails(IDbContextFactory<PortalDb> factory, TimeProvider clock, IOptions<PortalOptions> options,
    IStringLocalizer<UserText> T) : IEmailSender<PortalUser>
{
    private string Product => options.Value.ProductName;

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        EnqueueAsync(user, email, "Account:PasswordResetLink", () => (
            T["Reset your {0} password", Product],
            $"<p>{T["Hello {0},", Encode(user.DisplayName)]}</p>" +
            $"<p>{T["Someone asked to reset the password of your {0} account. If it was you, <a href='{1}'>choose a new password</a>. The link works once.", Encode(Product), resetLink]}</p>" +
            $"<p>{T["If it was not you, ignore this e-mail: your password stays as it is."]}</p>"));

    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        EnqueueAsync(user, email, "Account:ConfirmationLink", () => (
            T["Confirm your e-mail address"],
            $"<p>{T["Please <a href='{0}'>confirm your e-mail address</a>.", confirmationLink]}</p>"));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        EnqueueAsync(user, email, "Account:PasswordResetCode", () => (
            T["Your {0} password reset code", Product],
            $"<p>{T["Your password reset code is <strong>{0}</strong>.", Encode(resetCode)]}</p>"));

    private async Task EnqueueAsync(PortalUser user, string email, string reason, Func<(string Subject, string HtmlBody)> render)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        var culture = user.Culture
            ?? await db.Clients.Where(c => c.Id == user.ClientId).Select(c => c.Culture).FirstOrDefaultAsync();
        var (subject, htmlBody) = Culture.In(culture, render);
        Outbox.Enqueue(db, email, user.DisplayName, subject, htmlBody, user.ClientId, reason);
        await db.SaveChangesAsync();
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
