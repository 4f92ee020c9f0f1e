using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Data;

public static class PortalDbFactoryExtensions
{
    /// <summary>For the portal's own work (start-up, demo data, background jobs): reads every Client, audited as "system".</summary>
    public static async Task<PortalDb> OpenAsSystemAsync(this IDbContextFactory<PortalDb> factory, TimeProvider clock)
    {
        var db = await factory.CreateDbContextAsync();
        db.Actor = Actor.System;
        db.Clock = clock;
        return db;
    }
}
