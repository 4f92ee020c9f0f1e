using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Termination;
using Portal.Web.Features.Termination.Export;
using Portal.Web.Features.Termination.Staff;

namespace Portal.Integration.Tests.Termination;

/// <summary>Filing, refusing, following up and exporting, on a portal of their own (they add notices).</summary>
public sealed class TerminationFilingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Acme = "Acme Industries SA";

    private async Task<FilingResult> FileAs(string email, NoticeInput input, string? impersonatedBy = null)
    {
        await using var scope = await portal.ScopeAsAsync(email, impersonatedBy);
        return await scope.ServiceProvider.GetRequiredService<TerminationService>().FileAsync(input);
    }

    private async Task<T> AsStaff<T>(string email, Func<NoticeReceipts, Task<T>> act)
    {
        await using var scope = await portal.ScopeAsAsync(email);
        return await act(scope.ServiceProvider.GetRequiredService<NoticeReceipts>());
    }

    private async Task<List<TerminationNotice>> NoticesAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.TerminationNotices.AsNoTracking().ToListAsync();
    }

    private async Task ResetAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        await db.TerminationNotices.ExecuteDeleteAsync();
        await db.DataExports.ExecuteDeleteAsync();
    }

    [Fact]
    public async Task A_non_renewal_is_filed_once_with_the_effective_date_of_the_rules_emails_and_an_export_and_a_second_is_refused()
    {
        await ResetAsync();
        await using (var db = portal.OpenAs(Actor.System))
            await db.OutboxEmails.ExecuteDeleteAsync();

        var first = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.NonRenewal, ConfirmationName = "acme industries sa " });
        var second = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.NonRenewal, ConfirmationName = Acme });

        Assert.Null(first.Error);
        Assert.Equal("A notice of this kind is already open. Withdraw it first if you want to file a new one.", second.Error);
        var notice = Assert.Single(await NoticesAsync());
        Assert.Equal(first.NoticeId, notice.Id);
        Assert.Equal(TerminationStatus.Filed, notice.Status);
        await using var db2 = portal.OpenAs(Actor.System);
        var form = await db2.OrderForms.Include(f => f.Lines).SingleAsync(f => f.ClientId == notice.ClientId);
        var period = form.Term.PeriodOn(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Contains(notice.EffectiveOn, new[] { period.End, form.Term.Period(period.Number + 1).End });
        var recipients = await db2.OutboxEmails.Where(m => m.Reason!.StartsWith($"Termination:{notice.Id}:Filed")).Select(m => m.ToEmail).ToListAsync();
        Assert.Equal(["admin@acme.test", "am@provider.test"], recipients.Order());
        // One export was queued; the background export job may already have started or finished building it.
        var export = await db2.DataExports.SingleAsync(x => x.ClientId == notice.ClientId);
        Assert.NotEqual(DataExportStatus.Failed, export.Status);
    }

    [Theory]
    [InlineData(null, "Type your company's name exactly as shown to confirm.")]
    [InlineData("Acme", "Type your company's name exactly as shown to confirm.")]
    public async Task Without_the_Clients_name_typed_nothing_is_filed(string? typed, string message)
    {
        await ResetAsync();

        var result = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.NonRenewal, ConfirmationName = typed });

        Assert.Equal(message, result.Error);
        Assert.Empty(await NoticesAsync());
    }

    [Fact]
    public async Task Filing_while_impersonating_is_refused()
    {
        await ResetAsync();

        var result = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.NonRenewal, ConfirmationName = Acme }, "am@provider.test");

        Assert.StartsWith("A termination notice cannot be filed while acting for a Client", result.Error);
        Assert.Empty(await NoticesAsync());
    }

    [Fact]
    public async Task An_availability_breach_is_refused_for_Acme_and_allowed_for_Globex_after_three_missed_months()
    {
        await ResetAsync();
        const string breach = "The service was under its availability rate for three months in a row despite our tickets.";

        var acme = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.AvailabilityBreach, BreachDescription = breach, ConfirmationName = Acme });
        var globex = await FileAs("admin@globex.test", new NoticeInput { Kind = TerminationKind.AvailabilityBreach, BreachDescription = breach, ConfirmationName = "Globex GmbH" });

        Assert.StartsWith("An availability breach notice needs 3 consecutive months", acme.Error);
        Assert.Null(globex.Error);
        var notice = Assert.Single(await NoticesAsync());
        Assert.Equal(breach, notice.BreachDescription);
    }

    [Fact]
    public async Task An_amendment_termination_without_a_qualifying_amendment_is_refused()
    {
        await ResetAsync();

        var result = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.Amendment, CitedVersionId = Guid.NewGuid(), ConfirmationName = Acme });

        Assert.StartsWith("No amendment that materially reduces", result.Error);
        Assert.Empty(await NoticesAsync());
    }

    [Fact]
    public async Task A_withdrawal_after_the_effective_date_is_refused_and_before_it_succeeds()
    {
        await ResetAsync();
        var filed = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.NonRenewal, ConfirmationName = Acme });
        await using (var db = portal.OpenAs(Actor.System))
            await db.TerminationNotices.ExecuteUpdateAsync(s => s.SetProperty(n => n.EffectiveOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)));

        await using (var scope = await portal.ScopeAsAsync("admin@acme.test"))
        {
            var service = scope.ServiceProvider.GetRequiredService<TerminationService>();
            Assert.StartsWith("This notice took effect on", await service.WithdrawAsync(filed.NoticeId!.Value));
            Assert.Equal(TerminationStatus.Filed, Assert.Single(await NoticesAsync()).Status);

            await using (var db = portal.OpenAs(Actor.System))
                await db.TerminationNotices.ExecuteUpdateAsync(s => s.SetProperty(n => n.EffectiveOn, DateOnly.FromDateTime(DateTime.UtcNow)));
            Assert.Null(await service.WithdrawAsync(filed.NoticeId!.Value));
        }
        Assert.Equal(TerminationStatus.Withdrawn, Assert.Single(await NoticesAsync()).Status);
    }

    [Fact]
    public async Task Staff_record_the_receipt_which_moves_a_breach_date_but_not_before_the_filing_day_and_only_for_their_Clients()
    {
        await ResetAsync();
        var filed = await FileAs("admin@acme.test", new NoticeInput
        {
            Kind = TerminationKind.MaterialBreach, ConfirmationName = Acme,
            BreachDescription = "Support tickets unanswered for six weeks despite three reminders by e-mail.",
        });
        var id = filed.NoticeId!.Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var tooEarly = await AsStaff("am@provider.test", f => f.RecordReceiptAsync(id, today.AddDays(-1)));
        var notAssigned = await AsStaff("support@provider.test", f => f.RecordReceiptAsync(id, today));
        var recorded = await AsStaff("am@provider.test", f => f.RecordReceiptAsync(id, today));

        Assert.StartsWith("The receipt date cannot be before the notice was filed", tooEarly);
        Assert.Equal("Only the Client's AccountManager or a ProviderAdmin can do this.", notAssigned);
        Assert.Null(recorded);
        var notice = Assert.Single(await NoticesAsync());
        Assert.Equal(TerminationStatus.Received, notice.Status);
        Assert.Equal(today, notice.ReceivedOn);
        Assert.Equal(TerminationRules.EffectiveOn(TerminationKind.MaterialBreach, new(today, 12, 12, 2), today, today), notice.EffectiveOn);

        Assert.Null(await AsStaff("owner@provider.test", f => f.MarkCuredAsync(id)));
        Assert.Equal(TerminationStatus.Cured, Assert.Single(await NoticesAsync()).Status);
    }

    [Fact]
    public async Task The_notice_PDF_is_served_to_its_Client_and_staff_and_is_a_404_for_another_Client()
    {
        await ResetAsync();
        var filed = await FileAs("admin@acme.test", new NoticeInput { Kind = TerminationKind.NonRenewal, ConfirmationName = Acme });
        var url = $"/termination/notices/{filed.NoticeId}/pdf";
        var globexNotice = await FileAs("admin@globex.test", new NoticeInput { Kind = TerminationKind.NonRenewal, ConfirmationName = "Globex GmbH" });
        // The AccountManager of Acme and Initech does not look after Globex.
        var unassigned = await (await PortalFactory.SignedInAsync(portal, "am@provider.test")).GetAsync($"/termination/notices/{globexNotice.NoticeId}/pdf");
        Assert.Equal(HttpStatusCode.NotFound, unassigned.StatusCode);

        var own = await (await PortalFactory.SignedInAsync(portal, "admin@acme.test")).GetAsync(url);
        var staff = await (await PortalFactory.SignedInAsync(portal, "am@provider.test")).GetAsync(url);
        var other = await (await PortalFactory.SignedInAsync(portal, "admin@globex.test")).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await own.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_export_holds_the_Clients_invoices_users_subsidiaries_acceptances_and_summary_and_only_its_admins_download_it()
    {
        await ResetAsync();
        await using (var scope = await portal.ScopeAsAsync("admin@acme.test"))
            Assert.Null(await scope.ServiceProvider.GetRequiredService<TerminationService>().RequestExportAsync());

        Assert.Equal(1, await portal.Services.GetRequiredService<DataExportJob>().RunOnceAsync());
        Assert.Equal(0, await portal.Services.GetRequiredService<DataExportJob>().RunOnceAsync());

        Guid exportId;
        await using (var db = portal.OpenAs(Actor.System))
            exportId = (await db.DataExports.SingleAsync()).Id;
        var response = await (await PortalFactory.SignedInAsync(portal, "admin@acme.test")).GetAsync($"/termination/exports/{exportId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("users.csv", names);
        Assert.Contains("subsidiaries.csv", names);
        Assert.Contains("acceptance-records.csv", names);
        Assert.Contains("contract-summary.pdf", names);
        Assert.Equal(2, names.Count(n => n.StartsWith("invoices/", StringComparison.Ordinal))); // Acme's two invoices, none of Globex's
        var users = new StreamReader(zip.GetEntry("users.csv")!.Open()).ReadToEnd();
        Assert.Contains("admin@acme.test", users);
        Assert.DoesNotContain("globex", users);

        var other = await (await PortalFactory.SignedInAsync(portal, "admin@globex.test")).GetAsync($"/termination/exports/{exportId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
