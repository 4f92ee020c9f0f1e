using Portal.Web.Data;

namespace Portal.Web.Shared.Mail;

/// <summary>Queues e-mails on the caller's PortalDb: they are saved, and later sent, only if the caller's change is.</summary>
public static class Outbox
{
    public static OutboxEmail Enqueue(PortalDb db, string toEmail, string? toName, string subject, string htmlBody,
        Guid? clientId = null, string? reason = null)
    {
        var now = db.Clock.GetUtcNow();
        var email = new OutboxEmail
        {
            CreatedAt = now, NextAttemptAt = now, ToEmail = toEmail, ToName = toName, Subject = subject,
            HtmlBody = htmlBody, ClientId = clientId, Reason = reason,
        };
        db.OutboxEmails.Add(email);
        return email;
    }
}
