using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Termination;
using Portal.Web.Features.Termination;

namespace Portal.Integration.Tests.Termination;

/// <summary>On the day after the last day of service: the final indemnity invoice once, access closed (SEO §8.3, §14.4).</summary>
public sealed class NoticeEffectTests
{
    private static readonly DateTimeOffset Seeded = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly LastDay = new(2027, 5, 15);
    private static readonly DateTimeOffset EndOfLastDay = new(2027, 5, 16, 0, 0, 0, TimeSpan.Zero);

    private static async Task<TerminationNotice> NoticeAsync(ClockedPortalFactory portal, string clientNumber, TerminationKind kind)
    {
        await using var db = await portal.OpenAsSystemAsync();
        var clientId = (await db.Clients.SingleAsync(c => c.Number == clientNumber)).Id;
        var term = (await db.OrderForms.Where(f => f.ClientId == clientId).OrderByDescending(f => f.EffectiveDate).FirstAsync()).Term;
        var seededDay = DateOnly.FromDateTime(Seeded.UtcDateTime);
        var notice = new TerminationNotice
        {
            ClientId = clientId, Kind = kind, FiledAt = Seeded, FiledByUserId = "demo",
            EffectiveOn = TerminationRules.EffectiveOn(kind, term, seededDay), BreachDescription = "Backups not restored within the agreed time.",
        };
        // The registered letter arrives the day it is filed: three months later (C. civ. 641/642), 15 May is the last day of service.
        Assert.Null(notice.MarkReceived(seededDay, seededDay, term));
        Assert.Equal(LastDay, notice.EffectiveOn);
        db.TerminationNotices.Add(notice);
        await db.SaveChangesAsync();
        return notice;
    }

    private static async Task<HttpStatusCode> SignInAsync(ClockedPortalFactory portal, string email) =>
        (await PortalFactory.PostSignInAsync(portal.CreateClient(new() { AllowAutoRedirect = false }), email)).StatusCode;

    [Fact]
    public async Task Sign_in_works_on_the_last_day_of_service_and_is_refused_after_it_for_the_Clients_people_only()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        await NoticeAsync(portal, "C-0001", TerminationKind.MaterialBreach);
        var job = portal.Get<TerminationJob>();

        portal.Clock.Set(EndOfLastDay.AddHours(-1));
        Assert.Equal(0, await job.RunOnceAsync());
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(portal, "admin@acme.test"));

        portal.Clock.Set(EndOfLastDay.AddMinutes(30));
        Assert.Equal(1, await job.RunOnceAsync());

        await using (var db = await portal.OpenAsSystemAsync())
        {
            Assert.Equal(EndOfLastDay, (await db.Clients.SingleAsync(c => c.Number == "C-0001")).AccessClosedAt);
            Assert.Equal(TerminationStatus.Effective, (await db.TerminationNotices.SingleAsync()).Status);
        }
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(portal, "admin@acme.test")); // the form again, not the portal
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(portal, "user@acme.test"));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(portal, "admin@globex.test"));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(portal, "am@provider.test"));
    }

    [Fact]
    public async Task The_final_indemnity_invoice_is_issued_once_up_to_the_end_of_the_initial_period()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        // Globex, billed monthly, is in its Initial Service Period (1 November 2026 – 31 October 2027).
        var notice = await NoticeAsync(portal, "C-0002", TerminationKind.AvailabilityBreach);
        portal.Clock.Set(EndOfLastDay.AddMinutes(30));
        var job = portal.Get<TerminationJob>();

        Assert.Equal(1, await job.RunOnceAsync());
        Assert.Equal(0, await job.RunOnceAsync());
        Assert.False(await portal.Get<NoticeEffect>().TakeEffectAsync(notice.Id));

        await using var db = await portal.OpenAsSystemAsync();
        var final = Assert.Single(await db.Invoices.Include(i => i.Lines).Where(i => i.ScheduleKey!.StartsWith("final:")).ToListAsync());
        Assert.Equal($"final:{NoticeEffect.FinalInvoiceReason(notice)}", final.ScheduleKey);
        Assert.Equal(new DateOnly(2027, 10, 31), final.PeriodEnd);
        Assert.True(final.TotalExclVat > 0);
    }

    [Fact]
    public async Task An_amendment_termination_gets_no_final_invoice_but_access_still_closes()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        await NoticeAsync(portal, "C-0002", TerminationKind.Amendment);
        portal.Clock.Set(EndOfLastDay.AddMinutes(30));

        Assert.Equal(1, await portal.Get<TerminationJob>().RunOnceAsync());

        await using var db = await portal.OpenAsSystemAsync();
        Assert.False(await db.Invoices.AnyAsync(i => i.ScheduleKey!.StartsWith("final:")));
        Assert.NotNull((await db.Clients.SingleAsync(c => c.Number == "C-0002")).AccessClosedAt);
    }

    [Fact]
    public async Task Administrators_are_reminded_to_export_30_and_7_days_before_access_closes_once_each()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        var notice = await NoticeAsync(portal, "C-0001", TerminationKind.MaterialBreach);
        var job = portal.Get<TerminationJob>();

        async Task<List<string?>> RemindersAsync()
        {
            await using var db = await portal.OpenAsSystemAsync();
            return await db.OutboxEmails.Where(m => m.Reason!.Contains("ExportReminder")).Select(m => m.Reason).ToListAsync();
        }

        portal.Clock.Set(EndOfLastDay.AddDays(-31));
        await job.RunOnceAsync();
        Assert.Empty(await RemindersAsync());

        portal.Clock.Set(EndOfLastDay.AddDays(-30));
        await job.RunOnceAsync();
        await job.RunOnceAsync();
        Assert.Equal([$"Termination:{notice.Id}:ExportReminder:30"], await RemindersAsync()); // Acme has one ClientAdmin

        portal.Clock.Set(EndOfLastDay.AddDays(-7));
        await job.RunOnceAsync();
        Assert.Equal(2, (await RemindersAsync()).Count);
    }
}
