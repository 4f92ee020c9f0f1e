using Microsoft.Extensions.Localization;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Shared.Access;

/// <summary>
/// The server-side check every service runs before an action a staff member may not take for a Client
/// (DOMAIN "Impersonation"; the list is <see cref="GuardedAction"/>). One line at the top of the service method:
/// <code>if (await guard.RefusalAsync(GuardedAction.SeatRequest) is { } refusal) return Result.Refused(refusal);</code>
/// A refusal is audited with both identities and comes back translated, ready to show.
/// </summary>
public sealed class NotWhileImpersonating(PersonDatabase data, IStringLocalizer<UserText> T)
{
    public async Task<string?> RefusalAsync(GuardedAction action, CancellationToken ct = default)
    {
        var user = await data.PrincipalAsync();
        var answer = ImpersonationPolicy.Allows(action, PortalClaims.IsImpersonated(user));
        if (answer.Allowed) return null;
        await using var db = await data.OpenAsync();
        AuditTrail.Event(db, ImpersonationAudit.ActionRefused, null, new { Action = action.ToString(), answer.Message });
        await db.SaveChangesAsync(ct);
        return T[answer.Message!];
    }
}
