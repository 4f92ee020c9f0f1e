using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Features.Billing;

namespace Portal.Integration.Tests.Billing;

/// <summary>Registering SEPA mandates, on a portal of their own (they add and revoke mandates).</summary>
public sealed class SepaMandateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ValidIban = "FR7630006000011234567890189";

    [Fact]
    public async Task An_IBAN_with_bad_check_digits_is_refused_with_the_message_and_nothing_is_saved()
    {
        var before = await MandatesAsync();

        var result = await RegisterAs("admin@acme.test", "FR7730006000011234567890189", "AGRIFRPP");

        Assert.False(result.Saved);
        Assert.Equal("The IBAN's check digits do not match: check for a typo.", result.IbanProblem);
        Assert.Null(result.BicProblem);
        Assert.Equal(before.Count, (await MandatesAsync()).Count);
    }

    [Fact]
    public async Task A_bad_BIC_is_refused_next_to_its_field()
    {
        var before = await MandatesAsync();

        var result = await RegisterAs("admin@acme.test", ValidIban, "AGRI");

        Assert.False(result.Saved);
        Assert.Null(result.IbanProblem);
        Assert.Equal("A BIC has 8 or 11 characters; this one has 4.", result.BicProblem);
        Assert.Equal(before.Count, (await MandatesAsync()).Count);
    }

    [Fact]
    public async Task A_valid_mandate_replaces_the_one_in_force_and_is_shown_masked()
    {
        var globexId = (await ClientIdAsync("admin@globex.test"));
        var previous = (await MandatesAsync()).Single(m => m.ClientId == globexId && m.RevokedAt == null);

        var result = await RegisterAs("admin@globex.test", "fr76 3000 6000 0112 3456 7890 189", "agrifrpp");

        Assert.True(result.Saved);
        Assert.Equal("FR76 •••• •••• •••• •••• •••0 189", result.Mandate!.MaskedIban);
        Assert.Contains("admin@globex.test", result.Mandate.SignedBy);
        var mandates = (await MandatesAsync()).Where(m => m.ClientId == globexId).ToList();
        Assert.NotNull(mandates.Single(m => m.Id == previous.Id).RevokedAt);
        var active = Assert.Single(mandates, m => m.RevokedAt == null);
        Assert.Equal(ValidIban, active.Iban);
        Assert.Equal("AGRIFRPP", active.Bic);

        var html = System.Net.WebUtility.HtmlDecode(await (await (await PortalFactory.SignedInAsync(portal, "admin@globex.test"))
            .GetAsync("/subscription")).Content.ReadAsStringAsync());
        Assert.Contains("FR76 •••• •••• •••• •••• •••0 189", html);
        Assert.DoesNotContain(ValidIban, html);
        Assert.DoesNotContain("DE89", html);
    }

    [Fact]
    public async Task Nobody_signs_a_mandate_while_impersonating()
    {
        var before = await MandatesAsync();

        var result = await RegisterAs("admin@acme.test", ValidIban, "AGRIFRPP", impersonatedBy: "am@provider.test");

        Assert.False(result.Saved);
        Assert.StartsWith("A SEPA mandate cannot be signed while acting for a Client", result.Error);
        Assert.Equal(before.Count, (await MandatesAsync()).Count);
    }

    [Fact]
    public async Task A_ClientUser_cannot_sign_a_mandate()
    {
        var result = await RegisterAs("user@acme.test", ValidIban, "AGRIFRPP");

        Assert.Equal("Only your company's administrators can sign a SEPA mandate.", result.Error);
    }

    private async Task<SepaMandateResult> RegisterAs(string email, string iban, string bic, string? impersonatedBy = null)
    {
        await using var scope = await portal.ScopeAsAsync(email, impersonatedBy);
        return await scope.ServiceProvider.GetRequiredService<SepaMandateService>().RegisterAsync(iban, bic);
    }

    private async Task<List<Portal.Domain.Billing.SepaMandate>> MandatesAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.SepaMandates.AsNoTracking().ToListAsync();
    }

    private async Task<Guid> ClientIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return user!.ClientId!.Value;
    }

}
