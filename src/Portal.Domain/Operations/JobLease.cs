using System.Linq.Expressions;

namespace Portal.Domain.Operations;

/// <summary>
/// Which portal instance may run a background job's round now. With several instances on one database each
/// round first takes its job's lease; the lease lapses by itself if its holder dies, so another instance goes on.
/// </summary>
public class JobLease
{
    /// <summary>The job's name (its class name): one row per job.</summary>
    public required string Job { get; set; }

    /// <summary>The instance that holds it: machine name, process id and a random part (<see cref="JobLeaseRule.NewHolder"/>).</summary>
    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>Who may take a job's lease, and for how long it is held.</summary>
public static class JobLeaseRule
{
    /// <summary>
    /// How long a lease holds without renewal: long enough that a busy database does not make an instance lose a
    /// lease it is renewing, short enough that the jobs of an instance that died resume elsewhere within a minute.
    /// </summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    /// <summary>A round that runs long renews its lease this often: two renewals may fail before it lapses.</summary>
    public static readonly TimeSpan RenewEvery = Duration / 3;

    /// <summary>
    /// A lease may be taken by its own holder (taking it again renews it) or by anyone once it has expired.
    /// An expression, so the database applies it in the one UPDATE that takes the lease.
    /// </summary>
    public static Expression<Func<JobLease, bool>> MayBeTakenBy(string holder, DateTimeOffset now) =>
        lease => lease.Holder == holder || lease.ExpiresAt <= now;

    /// <summary>The same rule on a lease in memory.</summary>
    public static bool MayTake(JobLease lease, string holder, DateTimeOffset now) => MayBeTakenBy(holder, now).Compile()(lease);

    /// <summary>When a lease taken or renewed at <paramref name="now"/> lapses.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset now) => now + Duration;

    /// <summary>
    /// Released at the end of a round. A round that did all its work keeps the lease until the job's next round is
    /// due (<paramref name="nextRoundIn"/>), so with N instances an hourly job runs once an hour, not once per
    /// instance; a round that left work over, failed, or whose instance is stopping releases it at once (zero).
    /// </summary>
    public static DateTimeOffset ReleasedAt(DateTimeOffset now, TimeSpan nextRoundIn) => now + nextRoundIn;

    /// <summary>
    /// An instance's name as a lease holder: the machine and process say where it runs (for the operator reading
    /// the table); the random part keeps two instances apart even in containers that all are process 1 on "localhost".
    /// </summary>
    public static string NewHolder(string machineName, int processId) =>
        $"{machineName}/{processId}/{Guid.NewGuid().ToString("N")[..8]}";
}
