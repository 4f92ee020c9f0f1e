using Portal.Domain.Clients;
using Portal.Domain.Subscription;
using Portal.Domain.Termination;

namespace Portal.Domain.Tests.Clients;

public class ClientWatchTests
{
    private static readonly ServicePeriod Period = new(1, new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), new DateOnly(2027, 4, 30));

    [Theory]
    [InlineData("2027-04-01", true)] // 90 days before the end
    [InlineData("2027-03-31", false)] // 91 days
    [InlineData("2027-06-30", true)] // the last day
    [InlineData("2026-11-23", false)]
    public void Renewal_within_90_days_counts_from_today_to_the_end_of_the_period(string today, bool soon) =>
        Assert.Equal(soon, ClientWatch.RenewsWithin(Period, DateOnly.Parse(today)));

    [Theory]
    [InlineData(TerminationStatus.Filed, true)]
    [InlineData(TerminationStatus.Received, true)]
    [InlineData(TerminationStatus.Effective, false)]
    [InlineData(TerminationStatus.Withdrawn, false)]
    [InlineData(TerminationStatus.Cured, false)]
    public void A_notice_is_open_until_it_takes_effect_or_is_withdrawn_or_cured(TerminationStatus status, bool open) =>
        Assert.Equal(open, ClientWatch.IsOpen(status));
}
