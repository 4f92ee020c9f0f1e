using Portal.Web.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>The waits between attempts to reach the database at start-up (a plain rule; no database involved).</summary>
public sealed class StartupBackoffTests
{
    private static double[] Seconds(StartupBackoff backoff) => [.. backoff.Delays().Select(d => d.TotalSeconds)];

    [Fact]
    public void Doubles_from_one_second_up_to_the_cap_and_ends_exactly_at_the_total() =>
        Assert.Equal([1, 2, 4, 8, 16, 16, 13],
            Seconds(new StartupBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(60))));

    [Fact]
    public void The_portal_waits_two_minutes_by_default_at_most_thirty_seconds_apart()
    {
        var waits = Seconds(StartupBackoff.For(TimeSpan.FromMinutes(2)));

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 29], waits);
        Assert.Equal(120, waits.Sum());
    }

    [Fact]
    public void A_short_total_cuts_the_last_wait() =>
        Assert.Equal([1, 1.5], Seconds(StartupBackoff.For(TimeSpan.FromSeconds(2.5))));

    [Fact]
    public void No_total_means_a_single_attempt() =>
        Assert.Empty(Seconds(StartupBackoff.For(TimeSpan.Zero)));
}
