using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Seats;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Billing;

/// <summary>The issuer against a real database: each period once, numbers without gap under parallel issuance, e-mails with the PDF.</summary>
public sealed class InvoiceIssuerTests : IDisposable
{
    // The demo data is written relative to this day: Globex (monthly) was last invoiced on 1 March.
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly ClockedPortalFactory portal = new(Start);

    // The demo data is written when the portal starts, relative to the clock: start it before a test moves the clock.
    public InvoiceIssuerTests() => _ = portal.Services;

    public void Dispose() => portal.Dispose();

    private InvoiceIssuer Issuer => portal.Get<InvoiceIssuer>();

    [Fact]
    public async Task Nothing_is_issued_twice_when_the_schedule_is_run_again_the_same_day()
    {
        portal.Clock.Advance(TimeSpan.FromDays(30)); // 9 April: Globex's April invoice is due.
        var today = portal.Clock.Today();

        var first = await Issuer.IssueDueAsync(Actor.System, today);
        var second = await Issuer.IssueDueAsync(Actor.System, today);

        Assert.Single(first);
        Assert.Empty(second);
        await using var db = await portal.OpenAsSystemAsync();
        var april = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Number == first[0]);
        Assert.Equal((new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30)), (april.PeriodStart, april.PeriodEnd));
        // Issued when it really was, not backdated to the 1st; due 7 days later by direct debit (SEO §11.1.2).
        Assert.Equal((today, today.AddDays(7)), (april.IssuedOn, april.DueOn));
        Assert.Equal(VatTreatment.ReverseCharge, april.VatTreatment);
        Assert.Equal(500m, april.TotalExclVat);
    }

    [Fact]
    public async Task Parallel_issuances_and_credit_notes_take_every_number_once_and_leave_no_gap()
    {
        portal.Clock.Advance(TimeSpan.FromDays(150)); // August: Globex's April to August invoices are all due.
        var today = portal.Clock.Today();
        var staff = Actor.Staff("staff-id", "am@provider.test");

        // Four issuance runs race for the same five periods while four credit notes take numbers from the same counter.
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Issuer.IssueDueAsync(Actor.System, today))).ToList();
        var credits = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Issuer.IssueCreditNoteAsync(staff, "INV-000001", [new CreditedLine(1, 1)]))).ToList();
        var issued = (await Task.WhenAll(runs)).SelectMany(n => n).ToList();
        var drafts = await Task.WhenAll(credits);

        Assert.Equal(5, issued.Count);
        Assert.All(drafts, d => Assert.True(d.IsAllowed, d.Refusal));
        Assert.Empty(await Issuer.GapsAsync());
        await using var db = await portal.OpenAsSystemAsync();
        var all = await db.Invoices.OrderBy(i => i.Sequence).Select(i => new { i.Sequence, i.ScheduleKey, i.OrderFormId }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, all.Count).Select(n => (long)n), all.Select(i => i.Sequence));
        Assert.Equal(all.Count(i => i.ScheduleKey != null), all.Where(i => i.ScheduleKey != null).Select(i => (i.OrderFormId, i.ScheduleKey)).Distinct().Count());
        Assert.Equal(all.Count, (await db.NumberSequences.SingleAsync()).Last);
    }

    [Fact]
    public async Task A_refused_credit_note_gives_its_number_back()
    {
        var before = (await Issuer.GapsAsync()).Count + "/" + await LastNumberAsync();

        var refused = await Issuer.IssueCreditNoteAsync(Actor.System, "INV-000001", [new CreditedLine(1, 11)]);

        Assert.False(refused.IsAllowed);
        Assert.Contains("10 left to credit", refused.Refusal);
        Assert.Equal("0/5", before);
        Assert.Equal(before, (await Issuer.GapsAsync()).Count + "/" + await LastNumberAsync());
        var next = await Issuer.IssueCreditNoteAsync(Actor.System, "INV-000001", [new CreditedLine(1, 1)]);
        Assert.Equal("INV-000006", next.CreditNote!.Number);
    }

    [Fact]
    public async Task Each_issued_invoice_is_emailed_to_the_billing_contacts_with_its_pdf()
    {
        portal.Clock.Advance(TimeSpan.FromDays(30));
        var number = (await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today())).Single();

        await using var db = await portal.OpenAsSystemAsync();
        var email = await db.OutboxEmails.SingleAsync(e => e.Reason!.StartsWith("Invoice:" + number));
        Assert.Equal("ap@globex.test", email.ToEmail);
        Assert.Equal($"Invoice {number} from Nuagelis SAS", email.Subject);
        Assert.Equal($"{number}.pdf", email.AttachmentFileName);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(email.Attachment!, 0, 5));
    }

    [Fact]
    public async Task A_pending_charge_is_billed_on_the_next_invoice_and_only_there()
    {
        await using (var db = await portal.OpenAsSystemAsync())
        {
            var globex = await db.Clients.SingleAsync(c => c.Number == "C-0002");
            db.PendingCharges.Add(new PendingCharge
            {
                ClientId = globex.Id, Description = "2 extra seats, 10 March to 30 June 2027", Quantity = 2, UnitPriceExclVat = 35.50m,
                Source = "SeatRequest:test", CreatedAt = Start,
            });
            await db.SaveChangesAsync();
        }
        portal.Clock.Advance(TimeSpan.FromDays(30));
        var april = (await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today())).Single();
        portal.Clock.Advance(TimeSpan.FromDays(30));
        var may = (await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today())).Single();

        await using var check = await portal.OpenAsSystemAsync();
        var lines = await check.InvoiceLines.Where(l => l.Description.StartsWith("2 extra seats"))
            .Join(check.Invoices, l => l.InvoiceId, i => i.Id, (l, i) => i.Number).ToListAsync();
        Assert.Equal([april], lines);
        Assert.NotEqual(april, may);
        Assert.Equal(check.Invoices.Single(i => i.Number == april).Id, (await check.PendingCharges.SingleAsync()).InvoiceId);
    }

    [Fact]
    public async Task The_final_invoice_holds_every_fee_up_to_the_contractual_end_and_is_issued_once()
    {
        Guid globexId;
        await using (var db = await portal.OpenAsSystemAsync())
        {
            globexId = (await db.Clients.SingleAsync(c => c.Number == "C-0002")).Id;
            // A breach notice ending service on 30 April, in Globex's initial period (which ends on 30 November); an open
            // notice counts for the schedule whether its receipt is recorded or not.
            db.TerminationNotices.Add(new TerminationNotice
            {
                ClientId = globexId, Kind = TerminationKind.MaterialBreach, FiledAt = Start, FiledByUserId = "x",
                EffectiveOn = new DateOnly(2027, 4, 30),
            });
            await db.SaveChangesAsync();
        }

        var final = await Issuer.IssueFinalAsync(globexId, new DateOnly(2027, 11, 30), "Termination:test");
        var again = await Issuer.IssueFinalAsync(globexId, new DateOnly(2027, 11, 30), "Termination:test");

        Assert.NotNull(final);
        Assert.Null(again);
        // April to November: eight monthly fees of 500 EUR, one line each, naming its period.
        Assert.Equal(8, final.Lines.Count);
        Assert.Equal(4_000m, final.TotalExclVat);
        Assert.Contains("(2027-04-01 – 2027-04-30)", final.Lines[0].Description);
        // The schedule stops at the last day of service: nothing more is issued for Globex afterwards.
        portal.Clock.Advance(TimeSpan.FromDays(120));
        Assert.Empty(await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today(), globexId));
    }

    [Fact]
    public async Task A_last_day_mid_May_bills_May_to_the_14th_then_the_final_invoice_takes_the_rest_of_May_and_every_month_after()
    {
        Guid globexId;
        await using (var db = await portal.OpenAsSystemAsync())
        {
            globexId = (await db.Clients.SingleAsync(c => c.Number == "C-0002")).Id;
            db.TerminationNotices.Add(new TerminationNotice
            {
                ClientId = globexId, Kind = TerminationKind.MaterialBreach, FiledAt = Start, FiledByUserId = "x",
                EffectiveOn = new DateOnly(2027, 5, 14),
            });
            await db.SaveChangesAsync();
        }
        portal.Clock.Set(new DateTimeOffset(2027, 5, 14, 8, 0, 0, TimeSpan.Zero));
        await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today(), globexId);

        var final = await Issuer.IssueFinalAsync(globexId, new DateOnly(2027, 11, 30), "Termination:mid-may");

        await using var check = await portal.OpenAsSystemAsync();
        var may = await check.Invoices.Include(i => i.Lines).SingleAsync(i => i.ClientId == globexId && i.ScheduleKey == "sub:2027-05-01");
        Assert.Equal(new DateOnly(2027, 5, 14), may.PeriodEnd);
        Assert.Contains("(2027-05-15 – 2027-05-31)", final!.Lines[0].Description);
        // May's two parts and June to November add up to seven whole months.
        Assert.Equal(7 * 500m, may.TotalExclVat + final.TotalExclVat);
    }

    [Fact]
    public async Task Seats_approved_in_March_are_not_on_the_monthly_invoices_of_that_period_but_on_every_one_after_it()
    {
        decimal seatPrice;
        await using (var db = await portal.OpenAsSystemAsync())
        {
            var globex = await db.OrderForms.SingleAsync(f => f.Reference == "OF-2026-031");
            seatPrice = globex.SeatPriceExclVat;
            db.SeatRequests.Add(new Portal.Domain.Seats.SeatRequest
            {
                ClientId = globex.ClientId, ExtraSeats = 2, RequestedByUserId = "x", RequestedAt = Start,
                Status = Portal.Domain.Seats.SeatRequestStatus.Approved, DecidedByUserId = "y", DecidedAt = Start,
            });
            await db.SaveChangesAsync();
        }
        // Globex's Initial Service Period runs to 30 November 2027: the approval's pro-rata charge covers it to then.
        portal.Clock.Set(new DateTimeOffset(2027, 12, 1, 6, 0, 0, TimeSpan.Zero));
        await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today());

        await using var check = await portal.OpenAsSystemAsync();
        var invoices = await check.Invoices.Include(i => i.Lines).Where(i => i.BuyerLegalName == "Globex GmbH").ToListAsync();
        Assert.DoesNotContain(invoices.Single(i => i.ScheduleKey == "sub:2027-11-01").Lines, l => l.Description == ApprovedSeats.LineDescription);
        var seats = Assert.Single(invoices.Single(i => i.ScheduleKey == "sub:2027-12-01").Lines, l => l.Description == ApprovedSeats.LineDescription);
        Assert.True(seatPrice > 0);
        Assert.Equal((2m, Money.Round(seatPrice / 12)), (seats.Quantity, seats.UnitPriceExclVat));
    }

    [Fact]
    public async Task A_price_revision_reaches_the_invoice_of_the_anniversary_and_not_the_one_before()
    {
        await using (var db = await portal.OpenAsSystemAsync())
        {
            var acme = await db.OrderForms.SingleAsync(f => f.Reference == "OF-2025-014");
            // Acme's Effective Date is 1 November 2025: its next anniversary is 1 November 2027.
            db.PriceRevisions.Add(new PriceRevision
            {
                ClientId = acme.ClientId, OrderFormId = acme.Id, Anniversary = new DateOnly(2027, 11, 1), PreviousIndex = 296.3m, NewIndex = 305.2m,
                AppliedAt = Start, AppliedByUserId = "x",
            });
            await db.SaveChangesAsync();
        }
        portal.Clock.Set(new DateTimeOffset(2027, 11, 1, 6, 0, 0, TimeSpan.Zero));

        var issued = await Issuer.IssueDueAsync(Actor.System, portal.Clock.Today());

        await using var check = await portal.OpenAsSystemAsync();
        var anniversary = await check.Invoices.Include(i => i.Lines).SingleAsync(i => issued.Contains(i.Number) && i.ScheduleKey == "sub:2027-11-01"
                                                                                       && i.BuyerLegalName == "Acme Industries SA");
        Assert.Equal([Money.Round(9_600m * 305.2m / 296.3m), Money.Round(240m * 305.2m / 296.3m)],
            anniversary.Lines.OrderBy(l => l.Id).Select(l => l.UnitPriceExclVat));
        var before = await check.Invoices.Include(i => i.Lines).SingleAsync(i => i.ScheduleKey == "sub:2026-11-01" && i.BuyerLegalName == "Acme Industries SA");
        Assert.Equal(9_600m, before.Lines.OrderBy(l => l.Id).First().UnitPriceExclVat);
    }

    private async Task<long> LastNumberAsync()
    {
        await using var db = await portal.OpenAsSystemAsync();
        return (await db.NumberSequences.SingleAsync()).Last;
    }
}
