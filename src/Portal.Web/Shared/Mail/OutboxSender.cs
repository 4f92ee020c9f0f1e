using System.Globalization;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Web.Data;
using Portal.Web.Shared.Jobs;

namespace Portal.Web.Shared.Mail;

/// <summary>
/// The one way e-mail leaves the portal: every few seconds, sends the outbox's e-mails that are due, oldest
/// first, by SMTP or into the pickup folder; a failure is logged and tried again later (<see cref="OutboxRetry"/>).
/// Several instances may run against one database: each e-mail is claimed by one of them before it is sent.
/// Delivery is at least once: an instance that dies after sending but before recording it sends it again
/// after the claim lapses (with the same Message-Id, and the same pickup file name).
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<PortalDb> factory,
    TimeProvider clock,
    IOptions<MailOptions> mailOptions,
    IOptions<PortalOptions> portalOptions,
    PickupFolderMail pickupFolder,
    JobLeases leases,
    ILogger<OutboxSender> log) : PortalJob(clock, portalOptions, leases, log)
{
    public const int BatchSize = 20;

    /// <summary>How long a claimed e-mail is kept from other instances: far longer than one SMTP exchange may take.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan SmtpTimeout = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => mailOptions.Value.PollInterval;

    // A full batch means more may be waiting: go on at once.
    protected override async Task<bool> RoundAsync(CancellationToken abort) =>
        await DeliverDueAsync(abort) == BatchSize;

    /// <summary>
    /// Sends up to <see cref="BatchSize"/> e-mails that are due and returns how many this instance attempted.
    /// <paramref name="stop"/> is checked between e-mails only: the one in progress is finished and recorded.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken stop = default)
    {
        await using var db = await factory.OpenAsSystemAsync(Clock);
        var now = Clock.GetUtcNow();
        var due = await Due(db.OutboxEmails.AsNoTracking(), now)
            .Select(e => new { e.Id, e.NextAttemptAt })
            .ToListAsync(stop);

        await using var delivery = new Delivery(mailOptions.Value, pickupFolder);
        var attempted = 0;
        foreach (var candidate in due)
        {
            if (stop.IsCancellationRequested) break;
            if (!await ClaimAsync(db, candidate.Id, candidate.NextAttemptAt)) continue;
            attempted++;
            await SendOneAsync(db, candidate.Id, delivery);
        }
        return attempted;
    }

    /// <summary>The next batch: unsent e-mails whose time has come and that were not given up on, oldest first.</summary>
    public static IQueryable<OutboxEmail> Due(IQueryable<OutboxEmail> emails, DateTimeOffset now) =>
        emails.Where(e => e.SentAt == null && e.NextAttemptAt <= now && e.Attempts < OutboxRetry.MaxAttempts)
            .OrderBy(e => e.Id)
            .Take(BatchSize);

    /// <summary>Moves the e-mail's next attempt past the claim; only the instance whose update changed the row sends it.</summary>
    private async Task<bool> ClaimAsync(PortalDb db, long id, DateTimeOffset seenNextAttemptAt)
    {
        var claimedUntil = Clock.GetUtcNow() + Claim;
        return await db.OutboxEmails
            .Where(e => e.Id == id && e.SentAt == null && e.NextAttemptAt == seenNextAttemptAt)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, claimedUntil)) == 1;
    }

    // Once claimed, an e-mail is finished and its outcome saved even while the host stops: no cancellation token below.
    private async Task SendOneAsync(PortalDb db, long id, Delivery delivery)
    {
        var email = await db.OutboxEmails.SingleAsync(e => e.Id == id);
        email.Attempts++;
        try
        {
            var fileName = $"{email.CreatedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{email.Id}";
            await delivery.SendAsync(OutboxMessage.From(email, Sender()), fileName);
            email.SentAt = Clock.GetUtcNow();
        }
        catch (Exception e)
        {
            email.LastError = $"{e.GetType().Name}: {e.Message}";
            if (OutboxRetry.WaitAfter(email.Attempts) is { } wait)
            {
                email.NextAttemptAt = Clock.GetUtcNow() + wait;
                log.LogWarning(e, "E-mail {Id} \"{Subject}\" to {To} failed (attempt {Attempts}); next attempt at {Next:u}",
                    email.Id, email.Subject, email.ToEmail, email.Attempts, email.NextAttemptAt);
            }
            else
                log.LogError(e, "E-mail {Id} \"{Subject}\" to {To} failed {Attempts} times; it stays unsent in the outbox",
                    email.Id, email.Subject, email.ToEmail, email.Attempts);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private MailboxAddress Sender()
    {
        var mail = mailOptions.Value;
        var portal = Options;
        return new MailboxAddress(
            mail.FromName is { Length: > 0 } name ? name : portal.ProductName,
            mail.FromAddress is { Length: > 0 } address ? address : portal.MailFrom);
    }

    /// <summary>One batch's way out: an SMTP connection opened at the first e-mail and reused, or the pickup folder.</summary>
    private sealed class Delivery(MailOptions options, PickupFolderMail pickupFolder) : IAsyncDisposable
    {
        private SmtpClient? smtp;

        public async Task SendAsync(MimeMessage message, string name)
        {
            if (string.IsNullOrWhiteSpace(options.SmtpHost))
            {
                await pickupFolder.WriteAsync(message, name);
                return;
            }
            try
            {
                await (smtp ??= await ConnectAsync()).SendAsync(message);
            }
            catch
            {
                // The connection may be half-broken: the next e-mail opens a new one.
                await DisposeAsync();
                throw;
            }
        }

        private async Task<SmtpClient> ConnectAsync()
        {
            var client = new SmtpClient { Timeout = (int)SmtpTimeout.TotalMilliseconds };
            try
            {
                await client.ConnectAsync(options.SmtpHost, options.SmtpPort, options.Tls);
                if (options.UserName.Length > 0) await client.AuthenticateAsync(options.UserName, options.Password);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (smtp is null) return;
            try
            {
                if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true);
            }
            catch (Exception)
            {
                // Saying goodbye to a server that already went away changes nothing.
            }
            smtp.Dispose();
            smtp = null;
        }
    }
}
