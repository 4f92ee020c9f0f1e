using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Shared.Access;

/// <summary>
/// Which Clients the signed-in staff member may act on (<see cref="StaffPermissions"/>, with the
/// ClientAssignment rows). Every staff action on a Client asks here: impersonation, order forms, and
/// the billing staff pages (invoices, payments, credit notes).
/// </summary>
public sealed class StaffAccess(PersonDatabase data)
{
    public static IReadOnlyCollection<string> RolesOf(ClaimsPrincipal user) => Role.All.Where(user.IsInRole).ToList();

    public static Task<bool> IsAssignedAsync(PortalDb db, string staffUserId, Guid clientId, CancellationToken ct = default) =>
        db.ClientAssignments.AnyAsync(a => a.ClientId == clientId && a.StaffUserId == staffUserId, ct);

    /// <summary>True when <paramref name="user"/> is a ProviderAdmin, or an AccountManager assigned to the Client; never while impersonating.</summary>
    public static async Task<bool> MayActForAsync(ClaimsPrincipal user, PortalDb db, Guid clientId, CancellationToken ct = default) =>
        !PortalClaims.IsImpersonated(user) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
        && StaffPermissions.MayActFor(RolesOf(user), await IsAssignedAsync(db, userId, clientId, ct));

    /// <summary>True when the signed-in person is a ProviderAdmin, or an AccountManager assigned to the Client; never while impersonating.</summary>
    public async Task<bool> MayActForAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        return await MayActForAsync(await data.PrincipalAsync(), db, clientId, ct);
    }
}
