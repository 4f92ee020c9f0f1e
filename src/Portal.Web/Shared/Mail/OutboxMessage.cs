using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Portal.Web.Data;

namespace Portal.Web.Shared.Mail;

/// <summary>Turns a queued <see cref="OutboxEmail"/> into the MIME message that is sent or written to the pickup folder.</summary>
public static partial class OutboxMessage
{
    /// <summary>HTML with a plain-text alternative (for mail clients that show no HTML), and the attachment if any.</summary>
    public static MimeMessage From(OutboxEmail email, MailboxAddress sender)
    {
        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(email.ToName ?? email.ToEmail, email.ToEmail));
        message.Subject = email.Subject;
        message.Date = email.CreatedAt;
        // The same id on every attempt, so a receiving server can tell a retry from a new e-mail.
        message.MessageId = $"outbox-{email.Id}-{email.CreatedAt.ToUnixTimeMilliseconds()}@{sender.Domain}";

        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = PlainTextOf(email.HtmlBody) };
        if (email.Attachment is { } content)
            body.Attachments.Add(email.AttachmentFileName ?? "attachment",
                content, ContentType.Parse(email.AttachmentContentType ?? "application/octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The text of an HTML body: paragraphs and line breaks kept, a link's address written after its text.</summary>
    public static string PlainTextOf(string html)
    {
        // As a browser does: white space in the source is one space; only <br> and block ends break lines.
        var text = Whitespace().Replace(html, " ");
        text = Link().Replace(text, m => m.Groups["text"].Value.Trim() == m.Groups["href"].Value
            ? m.Groups["href"].Value
            : $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        text = LineBreak().Replace(text, "\n");
        text = BlockEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = string.Join("\n", text.Split('\n').Select(line => line.Trim()));
        return BlankLines().Replace(text, "\n\n").Trim() + "\n";
    }

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*(["'])(?<href>.*?)\1[^>]*>(?<text>.*?)</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(p|div|h[1-6]|li|tr|table|ul|ol)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
