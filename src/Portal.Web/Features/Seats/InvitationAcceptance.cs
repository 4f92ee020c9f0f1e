using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Seats;
using Portal.Web.Data;

namespace Portal.Web.Features.Seats;

/// <summary>
/// The invited person's side of an invitation: the link is looked up by its hash, works once, for 7 days, and
/// not after it was revoked or the User removed. Choosing the password and using up the link are one transaction.
/// </summary>
public sealed class InvitationAcceptance(PortalDb db, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<InvitationLookup> FindAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return InvitationLookup.Unknown;
        var hash = Invitation.Hash(token);
        var found = await (
            from i in db.Invitations.AsNoTracking()
            join u in db.Users on i.UserId equals u.Id
            join c in db.Clients on i.ClientId equals c.Id
            where i.TokenHash == hash
            select new { Invitation = i, u.Email, u.DisplayName, u.DeactivatedAt, Company = c.LegalName }).SingleOrDefaultAsync();
        if (found is null) return InvitationLookup.Unknown;
        var state = found.DeactivatedAt is not null ? InvitationState.Revoked : found.Invitation.StateAt(clock.GetUtcNow());
        return new InvitationLookup(state, found.Email, found.DisplayName, found.Company);
    }

    /// <summary>Sets the password and uses up the link; on any refusal nothing is saved.</summary>
    public async Task<InvitationOutcome> AcceptAsync(string? token, string password)
    {
        if (string.IsNullOrWhiteSpace(token)) return new InvitationOutcome(InvitationState.Revoked, []);
        var hash = Invitation.Hash(token);
        await using var tx = await db.Database.BeginTransactionAsync();
        // First statement a write: two submissions of the same link queue here, and the second finds it used.
        await db.Invitations.Where(i => i.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(i => i.UserId, i => i.UserId));
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        var user = invitation is null ? null : await users.FindByIdAsync(invitation.UserId);
        if (invitation is null || user is null) return new InvitationOutcome(InvitationState.Revoked, []);
        // A removed User's link is refused as revoked, whatever the link itself says.
        if ((user.DeactivatedAt is not null ? InvitationState.Revoked : invitation.Accept(clock.GetUtcNow())) is { } refused)
            return new InvitationOutcome(refused, []);

        // Audited as the invited person, who acts for the first time.
        db.Actor = Actor.ClientPerson(user.Id, user.Email ?? user.Id, invitation.ClientId);
        user.EmailConfirmed = true; // the link reached their mailbox
        var result = await users.AddPasswordAsync(user, password); // saves the User and the invitation together
        if (!result.Succeeded) return new InvitationOutcome(InvitationState.Valid, result.Errors.Select(e => e.Description).ToList());
        await tx.CommitAsync();
        return new InvitationOutcome(InvitationState.Used, [], user.Email);
    }
}

public sealed record InvitationLookup(InvitationState State, string? Email, string? DisplayName, string? Company)
{
    public static readonly InvitationLookup Unknown = new(InvitationState.Revoked, null, null, null);
}

/// <param name="State">Used when the password was set; otherwise why the link did not work.</param>
/// <param name="PasswordErrors">Identity's password rules that were not met (untranslated descriptions).</param>
public sealed record InvitationOutcome(InvitationState State, IReadOnlyList<string> PasswordErrors, string? Email = null)
{
    public bool Succeeded => State == InvitationState.Used && PasswordErrors.Count == 0 && Email is not null;
}
