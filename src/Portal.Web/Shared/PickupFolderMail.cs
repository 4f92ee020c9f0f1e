using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Web.Shared;

/// <summary>
/// Delivers e-mail as .eml files into the pickup folder set in appsettings.json (Portal:MailPickupFolder),
/// where a mail server or a person can pick them up: a demo needs no mail server. Used by the outbox
/// sender when no SMTP host is set; nothing else writes e-mail.
/// </summary>
public sealed class PickupFolderMail(IOptions<PortalOptions> options, ILogger<PickupFolderMail> log)
{
    public string Folder => Path.GetFullPath(options.Value.MailPickupFolder);

    /// <summary>
    /// Writes <paramref name="message"/> as <c>{name}.eml</c>, replacing a file of that name (a retry after a
    /// crash writes the same file again rather than a second e-mail). Returns the file's path.
    /// </summary>
    public async Task<string> WriteAsync(MimeMessage message, string name, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{name}.eml");
        // Written beside it first, then renamed: whoever watches the folder never reads half an e-mail.
        var partial = Path.Combine(Folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(partial, ct);
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        log.LogInformation("E-mail \"{Subject}\" to {To} written to {File}", message.Subject, message.To, file);
        return file;
    }
}
