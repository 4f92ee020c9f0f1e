using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.People;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Features.Terms.Staff.Documents;

namespace Portal.Integration.Tests.Terms.Staff.Documents;

/// <summary>
/// Publishing document versions and their amendment notices. Its own portal: these tests publish
/// versions and close a Client's access, which the shared demo data must not see.
/// </summary>
public sealed class DocumentPublishingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_first_version_of_a_type_is_hashed_and_takes_effect_at_once_without_notices()
    {
        var before = DateTimeOffset.UtcNow;

        var result = await PublishAsync(Input(DocumentType.CommercialProposal, "2026_01", "# Proposal\n\nOne line."));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.OpenAs(Actor.System);
        var saved = await db.DocumentVersions.SingleAsync(v => v.Id == result.Version!.Id);
        Assert.Equal(AcceptanceChain.Sha256("# Proposal\n\nOne line."), saved.ContentSha256);
        Assert.InRange(saved.PublishedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(saved.PublishedAt, saved.EffectiveAt);
        Assert.Equal(0, result.NoticesQueued);
    }

    [Fact]
    public async Task An_amendment_takes_effect_one_month_after_publication()
    {
        var result = await PublishAsync(Input(DocumentType.GeneralTermsAndConditions, "2027_01", "# General terms\n\nSupport on Saturdays too."));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(result.Version!.PublishedAt.AddMonths(1), result.Version.EffectiveAt);
    }

    [Fact]
    public async Task A_legal_compliance_change_takes_effect_at_once_and_is_still_notified()
    {
        var input = Input(DocumentType.GeneralTermsAndConditions, "2027_02-law", "# General terms\n\nAs the new law requires.");
        input.IsLegalComplianceChange = true;

        var result = await PublishAsync(input);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(result.Version!.PublishedAt, result.Version.EffectiveAt);
        Assert.True(result.NoticesQueued > 0);
    }

    [Fact]
    public async Task An_amendment_queues_one_email_per_ClientAdmin_with_access_in_the_Clients_language()
    {
        await using (var db = portal.OpenAs(Actor.System))
        {
            // Initech's access is closed and Acme has a deactivated admin and a ClientUser: none of them is written to.
            var initech = await db.Clients.SingleAsync(c => c.Number == "C-0003");
            initech.AccessClosedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        await AddAcmeUserAsync("former.admin@acme.test", Role.ClientAdmin, deactivated: true);

        var input = Input(DocumentType.AcceptableUsePolicy, "2027_03", "# Acceptable use\n\nBackups kept 7 days instead of 30.");
        input.ChangeSummary = "Backups <kept> 7 days instead of 30.";
        input.MateriallyReducesService = true;
        var result = await PublishAsync(input);

        Assert.True(result.Succeeded, result.Error);
        await using var check = portal.OpenAs(Actor.System);
        var emails = await check.OutboxEmails.Where(e => e.Reason == $"Amendment:{result.Version!.Id}").OrderBy(e => e.ToEmail).ToListAsync();
        Assert.Equal(["admin@acme.test", "admin@globex.test"], emails.Select(e => e.ToEmail));
        Assert.Equal(2, result.NoticesQueued);
        var acme = emails[0];
        Assert.Equal((await check.Clients.SingleAsync(c => c.Number == "C-0001")).Id, acme.ClientId);
        Assert.StartsWith("Nouvelle version 2027_03", acme.Subject);
        Assert.Contains("Backups &lt;kept&gt; 7 days", acme.HtmlBody);
        Assert.Contains("résilier", acme.HtmlBody);
        var globex = emails[1];
        Assert.Equal("New version 2027_03 of the Acceptable Use Policy", globex.Subject);
        Assert.Contains("you may end the contract before that date", globex.HtmlBody);
        Assert.Contains("terminate the contract", globex.HtmlBody);
    }

    [Fact]
    public async Task An_editorial_correction_queues_no_email()
    {
        var input = Input(DocumentType.GeneralTermsAndConditions, "2027_04-typo", "# General terms\n\nA typo fixed.");
        input.IsEditorial = true;

        var result = await PublishAsync(input);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(result.Version!.PublishedAt, result.Version.EffectiveAt);
        Assert.Equal(0, result.NoticesQueued);
        await using var db = portal.OpenAs(Actor.System);
        Assert.False(await db.OutboxEmails.AnyAsync(e => e.Reason == $"Amendment:{result.Version.Id}"));
    }

    [Theory]
    [InlineData("2025_09")]
    [InlineData(" 2025_09 ")]
    public async Task A_label_already_used_for_the_type_is_refused_and_nothing_is_saved(string label)
    {
        var before = await CountsAsync();

        var result = await PublishAsync(Input(DocumentType.AcceptableUsePolicy, label, "# Acceptable use\n\nAnother text."));

        Assert.False(result.Succeeded);
        Assert.Equal("Acceptable Use Policy already has a version 2025_09. Choose another label: a published version is never replaced.", result.Error);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("", "# Text", "Summary", "Enter a version label, e.g. 2026_11.")]
    [InlineData("2026 11", "# Text", "Summary", "A version label has at most 40 characters: letters, digits, _, - and . only.")]
    [InlineData("v<script>", "# Text", "Summary", "A version label has at most 40 characters: letters, digits, _, - and . only.")]
    [InlineData("12345678901234567890123456789012345678901", "# Text", "Summary", "A version label has at most 40 characters: letters, digits, _, - and . only.")]
    [InlineData("2026_12", "  \n ", "Summary", "The document has no content: write or paste its text.")]
    [InlineData("2026_12", "# Text", " ", "Summarise what changes: Clients read this summary in the notice.")]
    public async Task Incomplete_input_is_refused_with_a_message_and_nothing_is_saved(string label, string content, string summary, string message)
    {
        var before = await CountsAsync();
        var input = Input(DocumentType.TechnicalPrerequisites, label, content);
        input.ChangeSummary = summary;

        var result = await PublishAsync(input);

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.Error);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_same_text_as_the_latest_version_is_refused()
    {
        Assert.True((await PublishAsync(Input(DocumentType.PersonalDataProtectionPolicy, "2027_07", "# Data protection"))).Succeeded);
        var counts = await CountsAsync();

        var result = await PublishAsync(Input(DocumentType.PersonalDataProtectionPolicy, "2027_08", "# Data protection"));

        Assert.Equal("The text is the same as version 2027_07: change it before publishing.", result.Error);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Two_publications_of_the_same_label_at_once_save_one_version_and_tell_the_other_author()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            PublishAsync(Input(DocumentType.OrderForm, "2027_05", "# Order form template")))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.StartsWith("Order Form already has a version 2027_05.", r.Error));
        await using var db = portal.OpenAs(Actor.System);
        Assert.Equal(1, await db.DocumentVersions.CountAsync(v => v.Type == DocumentType.OrderForm && v.Label == "2027_05"));
    }

    [Fact]
    public async Task Only_a_ProviderAdmin_may_publish()
    {
        await using var scope = await portal.ScopeAsAsync("support@provider.test");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<DocumentPublishing>()
            .PublishAsync(Input(DocumentType.TechnicalPrerequisites, "2027_06", "# Prerequisites")));
    }

    private static NewVersion Input(DocumentType type, string label, string content) =>
        new() { Type = type, Label = label, Content = content, ChangeSummary = "What changes, in one sentence." };

    private async Task<PublishResult> PublishAsync(NewVersion input)
    {
        await using var scope = await portal.ScopeAsAsync("owner@provider.test");
        return await scope.ServiceProvider.GetRequiredService<DocumentPublishing>().PublishAsync(input);
    }

    private async Task AddAcmeUserAsync(string email, string role, bool deactivated)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var acmeAdmin = await users.FindByEmailAsync("admin@acme.test");
        var user = new PortalUser
        {
            UserName = email, Email = email, DisplayName = email, ClientId = acmeAdmin!.ClientId,
            DeactivatedAt = deactivated ? DateTimeOffset.UtcNow : null,
        };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private async Task<(int Versions, int Emails)> CountsAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        return (await db.DocumentVersions.CountAsync(), await db.OutboxEmails.CountAsync());
    }
}
