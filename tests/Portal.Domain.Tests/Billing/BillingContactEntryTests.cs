using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>The accounts-payable addresses that receive each invoice: well formed, each once, at most ten.</summary>
public class BillingContactEntryTests
{
    private static readonly Guid Client = Guid.NewGuid();

    private static BillingContactProblem? ProblemOf(string? email, string? name = null, params string[] existing) =>
        BillingContactEntry.Check(Client, email, name, existing).Problem;

    [Theory]
    [InlineData("ap@acme.test")]
    [InlineData("comptabilite.fournisseurs@acme-industries.co.uk")]
    [InlineData("invoices+portal@globex.de")]
    [InlineData("o'neil@example.com")]
    public void A_plain_address_is_accepted(string email)
    {
        Assert.Null(ProblemOf(email));
    }

    [Theory]
    [InlineData("ap@acme")] // no top-level domain
    [InlineData("ap acme@acme.test")]
    [InlineData("ap@@acme.test")]
    [InlineData("@acme.test")]
    [InlineData("ap@.acme.test")]
    [InlineData(".ap@acme.test")]
    [InlineData("ap..team@acme.test")]
    [InlineData("Accounts <ap@acme.test>")] // a display name goes in the name field
    [InlineData("ap@acme.test; billing@acme.test")] // one address per contact
    [InlineData("ap@acme-.test")]
    public void A_malformed_address_is_refused(string email)
    {
        Assert.Equal(BillingContactProblem.EmailMalformed, ProblemOf(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void No_address_is_refused_as_missing(string? email)
    {
        Assert.Equal(BillingContactProblem.EmailMissing, ProblemOf(email));
    }

    [Fact]
    public void The_address_is_kept_trimmed_in_lower_case_and_an_empty_name_is_no_name()
    {
        var (contact, problem) = BillingContactEntry.Check(Client, "  AP@Acme.TEST ", "  ", []);

        Assert.Null(problem);
        Assert.Equal((Client, "ap@acme.test", (string?)null), (contact!.ClientId, contact.Email, contact.Name));
    }

    [Fact]
    public void The_same_address_in_another_case_is_a_duplicate()
    {
        Assert.Equal(BillingContactProblem.Duplicate, ProblemOf("AP@acme.test", null, "ap@acme.test"));
    }

    [Fact]
    public void An_eleventh_contact_is_refused_but_the_tenth_is_accepted()
    {
        var nine = Enumerable.Range(1, 9).Select(n => $"ap{n}@acme.test").ToArray();

        Assert.Null(ProblemOf("ap10@acme.test", null, nine));
        Assert.Equal(BillingContactProblem.TooMany, ProblemOf("ap11@acme.test", null, [.. nine, "ap10@acme.test"]));
    }

    [Fact]
    public void A_name_over_100_characters_or_an_address_over_254_is_refused()
    {
        Assert.Equal(BillingContactProblem.NameTooLong, ProblemOf("ap@acme.test", new string('a', 101)));
        Assert.Null(ProblemOf("ap@acme.test", new string('a', 100)));
        Assert.Equal(BillingContactProblem.EmailTooLong, ProblemOf(new string('a', 250) + "@acme.test"));
    }
}
