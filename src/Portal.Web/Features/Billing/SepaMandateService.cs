using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Billing;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Billing;

/// <summary>
/// SEO §11.1.2: a ClientAdmin gives the IBAN and BIC of the account to debit. A new mandate replaces the one in
/// force (revoked in the same save). Refused while impersonating (DOMAIN "Impersonation").
/// </summary>
public sealed class SepaMandateService(PersonDatabase data, TimeProvider clock, NotWhileImpersonating guard, IStringLocalizer<UserText> T)
{
    public async Task<MandateView?> ActiveAsync()
    {
        await using var db = await data.OpenAsync();
        return await ActiveMandateAsync(db);
    }

    /// <summary>Checks the codes with the domain rules; nothing is saved unless both are valid.</summary>
    public async Task<SepaMandateResult> RegisterAsync(string? iban, string? bic)
    {
        var user = await data.PrincipalAsync();
        if (await guard.RefusalAsync(GuardedAction.SepaMandate) is { } refusal) return SepaMandateResult.Refused(refusal);
        if (!user.IsInRole(Role.ClientAdmin) || PortalClaims.ClientIdOf(user) is not { } clientId
            || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            return SepaMandateResult.Refused(T["Only your company's administrators can sign a SEPA mandate."]);

        var ibanCheck = Iban.Check(iban);
        var bicCheck = Bic.Check(bic);
        if (!ibanCheck.IsValid || !bicCheck.IsValid)
            return new SepaMandateResult(null, null,
                ibanCheck.Problem is { } ip ? T[ip].Value : null,
                bicCheck.Problem is { } bp ? T[bp].Value : null);

        await using var db = await data.OpenAsync();
        var now = clock.GetUtcNow();
        foreach (var previous in await db.SepaMandates.Where(m => m.RevokedAt == null).ToListAsync())
            previous.RevokedAt = now;
        var mandate = new SepaMandate
        {
            ClientId = clientId, Iban = ibanCheck.Value, Bic = bicCheck.Value, SignedAt = now, SignedByUserId = userId,
        };
        db.SepaMandates.Add(mandate);
        await db.SaveChangesAsync();
        return new SepaMandateResult(await ViewAsync(db, mandate), null, null, null);
    }

    /// <summary>The mandate in force for the Client the database is scoped to; the latest when several are unrevoked.</summary>
    internal static async Task<MandateView?> ActiveMandateAsync(PortalDb db)
    {
        var mandate = (await db.SepaMandates.AsNoTracking().Where(m => m.RevokedAt == null).ToListAsync())
            .OrderByDescending(m => m.SignedAt).FirstOrDefault();
        return mandate is null ? null : await ViewAsync(db, mandate);
    }

    private static async Task<MandateView> ViewAsync(PortalDb db, SepaMandate mandate)
    {
        var signer = await db.Users.AsNoTracking().Where(u => u.Id == mandate.SignedByUserId)
            .Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync();
        var signedBy = signer is null ? "" : $"{signer.DisplayName} ({signer.Email})";
        return new MandateView(mandate.Id, Iban.Mask(mandate.Iban), mandate.Bic, mandate.SignedAt, signedBy);
    }
}

/// <param name="Error">Why the mandate was refused as a whole (impersonation, role).</param>
/// <param name="IbanProblem">What to fix in the IBAN, shown next to the field.</param>
/// <param name="BicProblem">What to fix in the BIC, shown next to the field.</param>
public sealed record SepaMandateResult(MandateView? Mandate, string? Error, string? IbanProblem, string? BicProblem)
{
    public bool Saved => Mandate is not null;

    public static SepaMandateResult Refused(string error) => new(null, error, null, null);
}
