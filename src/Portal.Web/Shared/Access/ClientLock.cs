using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Web.Data;

namespace Portal.Web.Shared.Access;

/// <summary>
/// DOMAIN "Seats": two admins taking the last seat at the same moment, exactly one succeeds. Every change that
/// takes a seat or an administrator opens its transaction with a write to the Client's row: on SQLite that first
/// write serialises the writers, on PostgreSQL the row lock does, so the count that follows is the one the
/// insert is checked against (the same trick as <see cref="NumberSequence"/>).
/// </summary>
internal static class ClientLock
{
    public static async Task<IDbContextTransaction> TakeAsync(PortalDb db, Guid clientId)
    {
        var tx = await db.Database.BeginTransactionAsync();
        await db.Clients.IgnoreQueryFilters().Where(c => c.Id == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Number, c => c.Number));
        return tx;
    }
}
