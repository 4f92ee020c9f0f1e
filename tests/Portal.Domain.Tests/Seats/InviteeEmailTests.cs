using Portal.Domain.Seats;

namespace Portal.Domain.Tests.Seats;

public class InviteeEmailTests
{
    [Theory]
    [InlineData("  Lea.Martin@Acme.test ", "lea.martin@acme.test")]
    [InlineData("a+b@sub.example.fr", "a+b@sub.example.fr")]
    public void A_valid_address_is_trimmed_and_lower_cased(string input, string expected) =>
        Assert.Equal((expected, null), InviteeEmail.Check(input));

    [Theory]
    [InlineData(null, "Enter the person's e-mail address.")]
    [InlineData("   ", "Enter the person's e-mail address.")]
    [InlineData("lea.martin", "Enter a valid e-mail address, such as name@company.com.")]
    [InlineData("lea@acme", "Enter a valid e-mail address, such as name@company.com.")]
    [InlineData("Léa <lea@acme.test>", "Enter a valid e-mail address, such as name@company.com.")]
    [InlineData("lea martin@acme.test", "Enter a valid e-mail address, such as name@company.com.")]
    [InlineData("lea@@acme.test", "Enter a valid e-mail address, such as name@company.com.")]
    public void A_malformed_address_is_refused_with_what_to_do(string? input, string problem) =>
        Assert.Equal((null, problem), InviteeEmail.Check(input));
}
