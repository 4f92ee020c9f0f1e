using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Termination.Staff;

/// <summary>
/// The monthly availability figures (SLA) Provider staff enter per Client: the AccountManager assigned to the Client, or a
/// ProviderAdmin; an AccountManager picks among the Clients assigned to them.
/// </summary>
public sealed class AvailabilityFigures(PersonDatabase data, TimeProvider clock, IStringLocalizer<UserText> T)
{
    public DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<ClientChoice>> ClientsAsync(CancellationToken ct = default)
    {
        var (user, userId) = await UserAsync();
        await using var db = await data.OpenAsync();
        var clients = db.Clients.AsNoTracking();
        if (!user.IsInRole(Role.ProviderAdmin) && !user.IsInRole(Role.Support))
            clients = clients.Where(c => db.ClientAssignments.Any(a => a.ClientId == c.Id && a.StaffUserId == userId));
        return await clients.OrderBy(c => c.Number).Select(c => new ClientChoice(c.Id, c.LegalName, c.Number)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SlaMonth>> SlaAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        return await db.SlaMonths.AsNoTracking().Where(m => m.ClientId == clientId).OrderBy(m => m.Month).ToListAsync(ct);
    }

    /// <summary>Adds or corrects one month's availability figures; one row per Client and month.</summary>
    public async Task<string?> SaveSlaAsync(Guid clientId, DateOnly? month, decimal? availability, decimal? target, CancellationToken ct = default)
    {
        var (user, userId) = await UserAsync();
        if (month is null || availability is null || target is null) return T["Enter the month, the availability measured and the target."];
        if (availability is < 0 or > 100 || target is <= 0 or > 100) return T["Percentages are between 0 and 100."];
        var first = new DateOnly(month.Value.Year, month.Value.Month, 1);
        if (first > Today) return T["A month in the future cannot be measured yet."];
        await using var db = await data.OpenAsync();
        if (!await StaffAccess.MayActForAsync(user, db, clientId, ct)) return T["Only the Client's AccountManager or a ProviderAdmin can do this."];
        var row = await db.SlaMonths.SingleOrDefaultAsync(m => m.ClientId == clientId && m.Month == first, ct);
        if (row is null) db.SlaMonths.Add(row = new SlaMonth { ClientId = clientId, Month = first });
        (row.AvailabilityPercent, row.TargetPercent) = (availability.Value, target.Value);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<(ClaimsPrincipal User, string UserId)> UserAsync()
    {
        var user = await data.PrincipalAsync();
        return (user, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
    }
}
