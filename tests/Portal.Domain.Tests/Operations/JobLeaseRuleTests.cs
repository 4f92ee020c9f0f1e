using Portal.Domain.Operations;

namespace Portal.Domain.Tests.Operations;

public class JobLeaseRuleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static JobLease HeldBy(string holder, DateTimeOffset until) => new() { Job = "OutboxSender", Holder = holder, ExpiresAt = until };

    [Fact]
    public void Another_instance_may_not_take_a_lease_that_has_not_expired()
    {
        var lease = HeldBy("web-1/41/aaaa", Noon.AddSeconds(30));

        Assert.False(JobLeaseRule.MayTake(lease, "web-2/57/bbbb", Noon));
        Assert.False(JobLeaseRule.MayTake(lease, "web-2/57/bbbb", Noon.AddSeconds(29)));
    }

    [Fact]
    public void Any_instance_may_take_a_lease_from_the_moment_it_expires()
    {
        var lease = HeldBy("web-1/41/aaaa", Noon);

        Assert.True(JobLeaseRule.MayTake(lease, "web-2/57/bbbb", Noon));
        Assert.True(JobLeaseRule.MayTake(lease, "web-2/57/bbbb", Noon.AddHours(3)));
    }

    [Fact]
    public void Its_holder_may_take_it_again_before_it_expires_which_renews_it()
    {
        var lease = HeldBy("web-1/41/aaaa", Noon.AddSeconds(50));

        Assert.True(JobLeaseRule.MayTake(lease, "web-1/41/aaaa", Noon));
        Assert.Equal(Noon.AddMinutes(1), JobLeaseRule.ExpiresAt(Noon));
    }

    [Fact]
    public void A_lease_released_at_once_may_be_taken_by_anyone_at_once()
    {
        var lease = HeldBy("web-1/41/aaaa", JobLeaseRule.ReleasedAt(Noon, TimeSpan.Zero));

        Assert.True(JobLeaseRule.MayTake(lease, "web-2/57/bbbb", Noon));
    }

    [Fact]
    public void A_lease_kept_until_the_next_round_is_due_goes_to_another_instance_only_then()
    {
        var lease = HeldBy("web-1/41/aaaa", JobLeaseRule.ReleasedAt(Noon, TimeSpan.FromHours(1)));

        Assert.False(JobLeaseRule.MayTake(lease, "web-2/57/bbbb", Noon.AddMinutes(59)));
        Assert.True(JobLeaseRule.MayTake(lease, "web-2/57/bbbb", Noon.AddHours(1)));
        Assert.True(JobLeaseRule.MayTake(lease, "web-1/41/aaaa", Noon.AddMinutes(59)));
    }

    [Fact]
    public void A_long_round_renews_three_times_a_lease_period_so_one_failed_renewal_does_not_lose_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), JobLeaseRule.RenewEvery);
        Assert.True(2 * JobLeaseRule.RenewEvery < JobLeaseRule.Duration);
    }

    [Fact]
    public void Two_instances_in_containers_with_the_same_machine_name_and_process_id_get_different_holders()
    {
        var first = JobLeaseRule.NewHolder("localhost", 1);
        var second = JobLeaseRule.NewHolder("localhost", 1);

        Assert.StartsWith("localhost/1/", first);
        Assert.NotEqual(first, second);
    }
}
