namespace Portal.Web.Data;

/// <summary>
/// How long start-up waits between attempts to reach a database server that does not answer yet (PostgreSQL starting
/// after the portal, a network blip): 1 s, 2 s, 4 s … doubling up to <paramref name="cap"/>, until the waits add up to
/// <paramref name="total"/>; then start-up gives up with a message instead of a crash loop.
/// </summary>
public sealed class StartupBackoff(TimeSpan first, TimeSpan cap, TimeSpan total)
{
    /// <summary>All the waits added up.</summary>
    public TimeSpan Total => total;

    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    /// <summary>The schedule the portal uses: 1 s doubling to 30 s, for <see cref="PortalOptions.DatabaseStartupWait"/> in all.</summary>
    public static StartupBackoff For(TimeSpan total) => new(First, Cap, total);

    /// <summary>The wait before each further attempt; none when <paramref name="total"/> is zero (one attempt only).</summary>
    public IEnumerable<TimeSpan> Delays()
    {
        var waited = TimeSpan.Zero;
        var next = first;
        while (waited < total)
        {
            var delay = next < total - waited ? next : total - waited; // the last wait ends the total exactly
            yield return delay;
            waited += delay;
            next = next + next < cap ? next + next : cap;
        }
    }
}
