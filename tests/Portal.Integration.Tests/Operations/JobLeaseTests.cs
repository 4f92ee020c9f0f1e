using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Operations;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Jobs;

namespace Portal.Integration.Tests.Operations;

/// <summary>Issue #9 "Scale-out": with N instances on one database, a background job's round runs on one at a time.</summary>
public sealed class JobLeaseTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task While_one_instance_runs_a_round_the_other_does_not_and_the_next_round_is_one_interval_later_on_either()
    {
        using var portal = new ClockedPortalFactory(Now);
        var first = new GatedJob(portal, "web-1/41/aaaa1111");
        var second = new GatedJob(portal, "web-2/57/bbbb2222");
        second.Gate.SetResult(); // were it let in, its round would run through rather than wait

        var running = first.TryRoundAsync();
        await first.Entered.Task;
        Assert.Equal(RoundOutcome.HeldElsewhere, await second.TryRoundAsync());
        Assert.Equal(0, second.Units);

        first.Gate.SetResult();
        Assert.Equal(RoundOutcome.Done, await running);
        // The work is done: the job's next round is due in its interval (an hour), not at once on the other instance.
        Assert.Equal(RoundOutcome.HeldElsewhere, await second.TryRoundAsync());
        portal.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(RoundOutcome.Done, await second.TryRoundAsync());
        Assert.Equal((1, 1), (first.Units, second.Units));

        var lease = await LeaseAsync(portal, first.Name);
        Assert.Equal("web-2/57/bbbb2222", lease.Holder);
        Assert.Equal(Now + TimeSpan.FromHours(2), lease.ExpiresAt);
    }

    [Fact]
    public async Task The_lease_of_an_instance_that_died_mid_round_is_taken_by_another_once_it_expires()
    {
        using var portal = new ClockedPortalFactory(Now);
        var factory = portal.Get<IDbContextFactory<PortalDb>>();
        var dead = new JobLeases(factory, portal.Clock, "web-1/41/aaaa1111");
        var survivor = new JobLeases(factory, portal.Clock, "web-2/57/bbbb2222");

        Assert.True(await dead.TryTakeAsync("InvoiceIssuanceJob"));
        Assert.False(await survivor.TryTakeAsync("InvoiceIssuanceJob"));
        portal.Clock.Advance(JobLeaseRule.Duration - TimeSpan.FromSeconds(1));
        Assert.False(await survivor.TryTakeAsync("InvoiceIssuanceJob"));
        Assert.False(await survivor.RenewAsync("InvoiceIssuanceJob"), "only its holder renews a lease");

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await survivor.TryTakeAsync("InvoiceIssuanceJob"));
        Assert.False(await dead.TryTakeAsync("InvoiceIssuanceJob"));
        Assert.False(await dead.RenewAsync("InvoiceIssuanceJob"), "a holder whose lease lapsed to another cannot renew it");
        Assert.Equal(Now + JobLeaseRule.Duration + JobLeaseRule.Duration, (await LeaseAsync(portal, "InvoiceIssuanceJob")).ExpiresAt);
    }

    [Fact]
    public async Task A_round_whose_lease_was_taken_over_stops_at_its_next_unit_of_work()
    {
        using var portal = new ClockedPortalFactory(Now);
        var stalled = new GatedJob(portal, "web-1/41/aaaa1111");
        var running = stalled.TryRoundAsync();
        await stalled.Entered.Task;

        // The instance stalled past its lease, and another took the job over.
        await using (var db = await portal.OpenAsSystemAsync())
            await db.JobLeases.Where(l => l.Job == stalled.Name).ExecuteUpdateAsync(s =>
                s.SetProperty(l => l.Holder, "web-2/57/bbbb2222").SetProperty(l => l.ExpiresAt, Now.AddHours(1)));
        portal.Clock.Advance(JobLeaseRule.RenewEvery); // its next renewal finds the lease gone

        Assert.Equal(RoundOutcome.HeldElsewhere, await running.WaitAsync(TimeSpan.FromMinutes(1))); // a bound for a hang
        Assert.Equal(0, stalled.Units);
        Assert.Equal("web-2/57/bbbb2222", (await LeaseAsync(portal, stalled.Name)).Holder);
    }

    [Fact]
    public async Task Two_instances_looping_on_one_job_never_run_two_rounds_at_once()
    {
        using var portal = new ClockedPortalFactory(Now);
        var counter = new RoundCounter(stopAfter: 30);
        var jobs = new[] { new BusyJob(portal, "web-1/41/aaaa1111", counter), new BusyJob(portal, "web-2/57/bbbb2222", counter) };

        foreach (var job in jobs) await job.StartAsync(CancellationToken.None);
        await counter.Enough.Task.WaitAsync(TimeSpan.FromMinutes(2)); // a bound for a hang, not a measurement
        foreach (var job in jobs) await job.StopAsync(CancellationToken.None);

        Assert.True(counter.Rounds >= 30);
        Assert.Equal(1, counter.MostAtOnce);
    }

    private static async Task<JobLease> LeaseAsync(ClockedPortalFactory portal, string job)
    {
        await using var db = await portal.OpenAsSystemAsync();
        return await db.JobLeases.AsNoTracking().SingleAsync(l => l.Job == job);
    }

    private sealed class RoundCounter(int stopAfter)
    {
        private int running, rounds, mostAtOnce;

        public TaskCompletionSource Enough { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Rounds => rounds;
        public int MostAtOnce => mostAtOnce;

        public async Task RoundAsync()
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(2); // gives the other instance a moment to try its luck during the round
            Interlocked.Decrement(ref running);
            if (Interlocked.Increment(ref rounds) >= stopAfter) Enough.TrySetResult();
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    /// <summary>A job that always has work left, so both instances' loops ask for the lease again at once.</summary>
    private sealed class BusyJob(ClockedPortalFactory portal, string holder, RoundCounter counter) : PortalJob(portal.Clock,
        Microsoft.Extensions.Options.Options.Create(new PortalOptions { BackgroundJobs = true }),
        new JobLeases(portal.Get<IDbContextFactory<PortalDb>>(), portal.Clock, holder), NullLogger.Instance)
    {
        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(1);

        protected override async Task<bool> RoundAsync(CancellationToken abort)
        {
            await counter.RoundAsync();
            return true;
        }
    }
}
