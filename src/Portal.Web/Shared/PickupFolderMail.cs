using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Web.Shared;

/// <summary>
/// Delivers e-mail as .eml files into the pickup folder set in appsettings.json (Portal:MailPickupFolder),
/// where a mail server or a person can pick them up: a demo needs no mail server.
/// </summary>
public sealed class PickupFolderMail(IOptions<PortalOptions> options, ILogger<PickupFolderMail> log)
{
    public async Task SendAsync(string toEmail, string? toName, string subject, string htmlBody)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.ProductName, options.Value.MailFrom));
        message.To.Add(new MailboxAddress(toName ?? toEmail, toEmail));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();

        var folder = Path.GetFullPath(options.Value.MailPickupFolder);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file);
        log.LogInformation("E-mail \"{Subject}\" to {To} written to {File}", subject, toEmail, file);
    }
}
