using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.People;

namespace Portal.Web.Data;

/// <summary>
/// DOMAIN "People": the five roles exist in every database, not only in the demo one: start-up and the
/// add-provider-admin command ensure them before anyone is given one. <paramref name="db"/> is the roles store's context.
/// </summary>
public static class IdentityRoles
{
    public static async Task EnsureAsync(RoleManager<IdentityRole> roles, PortalDb db)
    {
        foreach (var role in Role.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            // Another instance (or the command beside the bootstrap) created it first: the unique role name held.
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // the refused row would be tried again by the next SaveChanges
                if (!await roles.RoleExistsAsync(role)) throw;
            }
        }
    }
}
