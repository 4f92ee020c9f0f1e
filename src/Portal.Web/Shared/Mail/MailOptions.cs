using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Portal.Web.Shared.Mail;

/// <summary>
/// The "Portal:Mail" section of appsettings.json: how e-mail leaves the portal. With no SMTP host,
/// e-mails are written as .eml files into Portal:MailPickupFolder, so a demo needs no mail server.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Portal:Mail";

    /// <summary>The SMTP server; empty writes .eml files to the pickup folder instead.</summary>
    public string SmtpHost { get; set; } = "";

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Empty: the server is used without authentication.</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>
    /// StartTls (the default) refuses a server that does not offer TLS, so a password never travels in clear;
    /// SslOnConnect for port 465; None only for a relay on the same machine.
    /// </summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The sender address; empty uses Portal:MailFrom.</summary>
    public string FromAddress { get; set; } = "";

    /// <summary>The sender's display name; empty uses Portal:ProductName.</summary>
    public string FromName { get; set; } = "";

    /// <summary>How often the outbox is looked at for e-mails due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
