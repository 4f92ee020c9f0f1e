using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Integration.Tests.Terms.Staff.Acceptances;

public sealed class AcceptanceCsvTests
{
    [Theory]
    [InlineData("Admin@Acme", "admin@acme", "admin@acmf")]
    [InlineData(" a ", "a", "b")]
    public void An_e_mail_prefix_becomes_a_lower_case_range(string prefix, string low, string high)
    {
        Assert.Equal((low, high), AcceptanceReview.EmailRange(prefix));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void No_e_mail_prefix_is_no_range(string? prefix)
    {
        Assert.Null(AcceptanceReview.EmailRange(prefix));
    }
}
