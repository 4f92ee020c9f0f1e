using Portal.Domain.Subsidiaries;

namespace Portal.Domain.Tests.Subsidiaries;

public class SubsidiaryControlTests
{
    [Theory]
    [InlineData(50.0, null)] // 50 % or more (SEO definitions)
    [InlineData(100.0, null)]
    [InlineData(49.99, "Under 50 % of the voting securities, the entity is not a Subsidiary: its people cannot use your seats.")]
    [InlineData(0.0, "Under 50 % of the voting securities, the entity is not a Subsidiary: its people cannot use your seats.")]
    [InlineData(100.01, "A control percentage is between 0 and 100 %.")]
    [InlineData(-1.0, "A control percentage is between 0 and 100 %.")]
    public void An_entity_is_a_Subsidiary_from_50_percent_of_the_votes(double percent, string? problem) =>
        Assert.Equal(problem, SubsidiaryControl.Problem((decimal)percent));

    [Fact]
    public void A_missing_percentage_asks_for_it() =>
        Assert.Equal("Enter the share of voting securities you hold, from 50 to 100 %.", SubsidiaryControl.Problem(null));

    [Fact]
    public void People_join_only_a_current_Subsidiary_that_was_told_the_Agreement()
    {
        var told = new Subsidiary { LegalName = "A", Country = "FR", AgreementNotifiedAt = DateTimeOffset.UnixEpoch };
        var notTold = new Subsidiary { LegalName = "B", Country = "FR" };
        var ended = new Subsidiary { LegalName = "C", Country = "FR", AgreementNotifiedAt = DateTimeOffset.UnixEpoch, EndedAt = DateTimeOffset.UnixEpoch };

        Assert.Null(SubsidiaryControl.JoinProblem(told));
        Assert.Equal("First confirm that this Subsidiary was told the contents of the Agreement.", SubsidiaryControl.JoinProblem(notTold));
        Assert.Equal("This Subsidiary has ended: its people no longer have access.", SubsidiaryControl.JoinProblem(ended));
    }

    [Fact]
    public void Only_staff_flag_a_competitor()
    {
        Assert.True(SubsidiaryControl.OnlyStaffMayGive(SubsidiaryEndReason.Competitor));
        Assert.False(SubsidiaryControl.OnlyStaffMayGive(SubsidiaryEndReason.Sold));
        Assert.False(SubsidiaryControl.OnlyStaffMayGive(SubsidiaryEndReason.ControlBelowThreshold));
    }
}
