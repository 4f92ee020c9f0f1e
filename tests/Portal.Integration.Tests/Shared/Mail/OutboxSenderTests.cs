using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Web.Data;
using Portal.Web.Shared.Mail;

namespace Portal.Integration.Tests.Shared.Mail;

/// <summary>Issue #4: every e-mail leaves the portal through the outbox, and a failure loses none.</summary>
public sealed class OutboxSenderTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Without_an_SMTP_server_an_enqueued_email_is_written_to_the_pickup_folder_with_a_text_part_and_its_attachment()
    {
        using var portal = new ClockedPortalFactory(Now);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 not really");
        var id = await EnqueueAsync(portal, e =>
        {
            e.AttachmentFileName = "INV-000042.pdf";
            e.AttachmentContentType = "application/pdf";
            e.Attachment = pdf;
        });

        await portal.Get<OutboxSender>().DeliverDueAsync();

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(portal.MailFolder, $"*-{id}.eml")));
        Assert.Equal("Your invoice INV-000042", message.Subject);
        Assert.Equal("ap@globex.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("portal@provider.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("<a href='https://portal.test/invoices/42'>online</a>", message.HtmlBody);
        Assert.Contains("Your invoice is online (https://portal.test/invoices/42).", message.TextBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("INV-000042.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());

        var sent = await RowAsync(portal, id);
        Assert.Equal(Now, sent.SentAt);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task The_background_sender_delivers_a_queued_email_by_itself()
    {
        using var portal = new ClockedPortalFactory(Now, new Dictionary<string, string>
        {
            ["Portal:BackgroundJobs"] = "true",
            ["Portal:Mail:PollInterval"] = "00:00:00.200",
        });
        var id = await EnqueueAsync(portal);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await RowAsync(portal, id)).SentAt is null)
            await Task.Delay(100, timeout.Token);

        Assert.Single(Directory.GetFiles(portal.MailFolder, $"*-{id}.eml"));
    }

    [Fact]
    public async Task A_password_reset_goes_through_the_outbox()
    {
        using var portal = new ClockedPortalFactory(Now);
        PortalUser admin;
        // Account e-mails are written in the person's language, else their Client's: Globex's administrator reads English.
        using (var scope = portal.Services.CreateScope())
            admin = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("admin@globex.test"))!;
        var link = "https://portal.test/Account/ResetPassword?code=abc&email=admin%40globex.test";

        // As the ForgotPassword page calls it: the link HTML-encoded.
        await portal.Get<IEmailSender<PortalUser>>().SendPasswordResetLinkAsync(admin, admin.Email!, HtmlEncoder.Default.Encode(link));

        OutboxEmail queued;
        await using (var db = await portal.OpenAsSystemAsync())
            queued = await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.ToEmail == "admin@globex.test");
        Assert.Equal(admin.ClientId, queued.ClientId);
        Assert.Null(queued.SentAt);

        await portal.Get<OutboxSender>().DeliverDueAsync();

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(portal.MailFolder, $"*-{queued.Id}.eml")));
        Assert.Equal("Reset your Portal password", message.Subject);
        Assert.Contains($"choose a new password ({link})", message.TextBody);
        Assert.NotNull((await RowAsync(portal, queued.Id)).SentAt);
    }

    [Fact]
    public async Task A_failing_SMTP_server_keeps_the_email_records_the_error_and_backs_off()
    {
        using var portal = new ClockedPortalFactory(Now, new Dictionary<string, string>
        {
            ["Portal:Mail:SmtpHost"] = "127.0.0.1",
            ["Portal:Mail:SmtpPort"] = ClosedPort().ToString(),
            ["Portal:Mail:Tls"] = "None",
        });
        var id = await EnqueueAsync(portal);
        var sender = portal.Get<OutboxSender>();

        await sender.DeliverDueAsync();

        var failed = await RowAsync(portal, id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(Now + TimeSpan.FromMinutes(1), failed.NextAttemptAt);
        Assert.Empty(Directory.Exists(portal.MailFolder) ? Directory.GetFiles(portal.MailFolder) : []);

        // Not tried again before its time; then tried, and the wait grows.
        await sender.DeliverDueAsync();
        Assert.Equal(1, (await RowAsync(portal, id)).Attempts);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await sender.DeliverDueAsync();
        var again = await RowAsync(portal, id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(portal.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), again.NextAttemptAt);
    }

    [Fact]
    public async Task After_the_last_attempt_the_email_stays_unsent_and_is_not_tried_again()
    {
        using var portal = new ClockedPortalFactory(Now, new Dictionary<string, string>
        {
            ["Portal:Mail:SmtpHost"] = "127.0.0.1",
            ["Portal:Mail:SmtpPort"] = ClosedPort().ToString(),
        });
        var id = await EnqueueAsync(portal, e => e.Attempts = OutboxRetry.MaxAttempts - 1);
        var sender = portal.Get<OutboxSender>();

        await sender.DeliverDueAsync();
        portal.Clock.Advance(TimeSpan.FromDays(30));
        await sender.DeliverDueAsync();

        var row = await RowAsync(portal, id);
        Assert.Equal(OutboxRetry.MaxAttempts, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.NotNull(row.LastError);
    }

    [Fact]
    public async Task Two_senders_at_once_send_each_email_once()
    {
        using var portal = new ClockedPortalFactory(Now);
        var ids = new List<long>();
        for (var i = 0; i < 30; i++) ids.Add(await EnqueueAsync(portal));
        var first = portal.Get<OutboxSender>();
        var second = ActivatorUtilities.CreateInstance<OutboxSender>(portal.Services);

        var attempted = 0;
        int[] round;
        do
        {
            round = await Task.WhenAll(first.DeliverDueAsync(), second.DeliverDueAsync());
            attempted += round.Sum();
        } while (round.Sum() > 0);

        Assert.Equal(ids.Count, attempted);
        await using var db = await portal.OpenAsSystemAsync();
        Assert.All(await db.OutboxEmails.Where(e => ids.Contains(e.Id)).ToListAsync(), e => Assert.NotNull(e.SentAt));
    }

    private static async Task<long> EnqueueAsync(ClockedPortalFactory portal, Action<OutboxEmail>? adjust = null)
    {
        await using var db = await portal.OpenAsSystemAsync();
        var email = Outbox.Enqueue(db, "ap@globex.test", "Globex Accounts Payable", "Your invoice INV-000042",
            "<p>Hello,</p>\n<p>Your invoice is <a href='https://portal.test/invoices/42'>online</a>.</p>");
        adjust?.Invoke(email);
        await db.SaveChangesAsync();
        return email.Id;
    }

    private static async Task<OutboxEmail> RowAsync(ClockedPortalFactory portal, long id)
    {
        await using var db = await portal.OpenAsSystemAsync();
        return await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>A local port nothing listens on: connecting to it is refused at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
