using Portal.Domain.Subscription;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Clients;
using Portal.Domain.Termination;
using Portal.Integration.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Termination;
using UglyToad.PdfPig;

namespace Portal.Integration.Tests.Termination;

/// <summary>SEO §14: the notice letter states the notice period the termination policy sets, in the Client's language.</summary>
[Collection(nameof(PortalCollection))]
public sealed class NoticePdfTests(PortalFactory portal)
{
    private static readonly TerminationPolicy SixMonths = new() { BreachNotice = Duration.Months(6), AmendmentNotice = Duration.Months(5) };

    [Theory]
    [InlineData("en", TerminationKind.MaterialBreach, "termination takes effect 6 months after this notice is received")]
    [InlineData("fr", TerminationKind.MaterialBreach, "la résiliation prend effet 6 mois après la réception")]
    [InlineData("en", TerminationKind.Amendment, "Termination takes effect 5 months after this notice")]
    [InlineData("fr", TerminationKind.Amendment, "La résiliation prend effet 5 mois après la présente notification")]
    public async Task The_notice_period_printed_is_the_policys(string culture, TerminationKind kind, string expected)
    {
        var (client, provider) = await AcmeAsync();
        client.Culture = culture;
        var notice = new TerminationNotice
        {
            ClientId = client.Id, Kind = kind, FiledAt = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero), FiledByUserId = "demo",
            EffectiveOn = new(2027, 8, 14), BreachDescription = "Backups not restored.",
        };
        var row = new NoticeRow(notice, client.LegalName, client.Number, "Jonas Weber", "2027_01");

        var pdf = NoticePdf.Render(row, client, provider, "OF-1", [], notice.FiledAt, TestText.T, SixMonths);

        using var document = PdfDocument.Open(pdf);
        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze(expected), text);
        Assert.DoesNotContain(Squeeze(culture == "fr" ? "trois mois" : "three months"), text);
    }

    /// <summary>Without white space: PdfPig joins wrapped lines without one.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private async Task<(Client, ProviderProfile)> AcmeAsync()
    {
        await PortalFactory.SignedInAsync(portal, "admin@acme.test"); // the portal is up and seeded
        await using var db = portal.OpenAs(Actor.System);
        return (await db.Clients.AsNoTracking().SingleAsync(c => c.Number == "C-0001"), await db.ProviderProfiles.AsNoTracking().SingleAsync());
    }
}
