using Microsoft.EntityFrameworkCore;
using Portal.Domain.Operations;
using Portal.Web.Data;

namespace Portal.Web.Shared.Jobs;

/// <summary>
/// This instance's leases on the background jobs, kept in the JobLeases table (<see cref="JobLeaseRule"/>): with N
/// instances on one database a job's round runs on one of them at a time. Each step is one statement that the
/// database applies atomically, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class JobLeases(IDbContextFactory<PortalDb> factory, TimeProvider clock, string holder)
{
    /// <summary>This instance, as the JobLeases table names it.</summary>
    public string Holder => holder;

    /// <summary>Takes (or renews) the job's lease when <see cref="JobLeaseRule"/> allows it; false while another instance holds it.</summary>
    public async Task<bool> TryTakeAsync(string job, CancellationToken ct = default)
    {
        if (await TakeAsync(job, ct)) return true;
        await using var db = await factory.OpenAsSystemAsync(clock);
        if (await db.JobLeases.AnyAsync(l => l.Job == job, ct)) return false;

        // The job's first round on this database: its row is created. Of two instances inserting at once, the key lets one in.
        db.JobLeases.Add(new JobLease { Job = job, Holder = holder, ExpiresAt = JobLeaseRule.ExpiresAt(clock.GetUtcNow()) });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The other one's row is there now: the rule decides (and an unreachable database throws here, as it should).
            return await TakeAsync(job, ct);
        }
    }

    /// <summary>Pushes the lease's expiry on while a round runs long; false when this instance no longer holds it.</summary>
    public async Task<bool> RenewAsync(string job, CancellationToken ct = default)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        var until = JobLeaseRule.ExpiresAt(clock.GetUtcNow());
        return await db.JobLeases.Where(l => l.Job == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), ct) == 1;
    }

    /// <summary>
    /// Lets any instance take the job's round once <paramref name="nextRoundIn"/> has passed (zero: at once). Does
    /// nothing if the lease lapsed to another instance.
    /// </summary>
    public async Task ReleaseAsync(string job, TimeSpan nextRoundIn, CancellationToken ct = default)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        var released = JobLeaseRule.ReleasedAt(clock.GetUtcNow(), nextRoundIn);
        await db.JobLeases.Where(l => l.Job == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, released), ct);
    }

    // One UPDATE ... WHERE (held by me OR expired): of two instances racing, the database lets one change the row.
    private async Task<bool> TakeAsync(string job, CancellationToken ct)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        var now = clock.GetUtcNow();
        var until = JobLeaseRule.ExpiresAt(now);
        return await db.JobLeases.Where(l => l.Job == job).Where(JobLeaseRule.MayBeTakenBy(holder, now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct) == 1;
    }
}
