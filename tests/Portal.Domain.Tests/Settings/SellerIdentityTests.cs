using Portal.Domain.Clients;
using Portal.Domain.Settings;

namespace Portal.Domain.Tests.Settings;

public sealed class SirenTests
{
    [Theory]
    [InlineData("912345675")]
    [InlineData("732 829 320")]
    [InlineData("552100554")]
    public void A_SIREN_whose_Luhn_digit_matches_is_accepted_without_its_spaces(string typed)
    {
        var check = Siren.Check(typed);
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(typed.Replace(" ", ""), check.Value);
    }

    [Theory]
    [InlineData("", "Enter the SIREN.")]
    [InlineData("91234567", "A SIREN has 9 digits, such as 912 345 678.")]
    [InlineData("91234567A", "A SIREN has 9 digits, such as 912 345 678.")]
    [InlineData("912345678", "The SIREN's check digit does not match: check for a typo.")]
    public void Each_refusal_says_what_to_fix(string typed, string problem) => Assert.Equal(problem, Siren.Check(typed).Problem);
}

public sealed class VatNumberTests
{
    [Theory]
    [InlineData("FR44732829320", "732829320")]
    [InlineData("fr 65 912 345 675", "912345675")]
    [InlineData("DE123456789", null)]
    [InlineData("BE0123456789", null)]
    [InlineData("NL123456789B01", null)]
    [InlineData("EL123456789", null)]
    [InlineData("ATU12345678", null)]
    public void Numbers_in_their_country_s_format_are_accepted(string typed, string? siren)
    {
        var check = VatNumber.Check(typed, siren);
        Assert.True(check.IsValid, check.Problem);
    }

    [Theory]
    [InlineData("", "Enter the VAT number.")]
    [InlineData("123456789", "A VAT number starts with its country's two letters, such as FR.")]
    [InlineData("GR123456789", "The VAT number's first two letters are not an EU country code (Greece is EL).")]
    [InlineData("DE12345678", "The VAT number does not have its country's format: check the digits after the country code.")]
    [InlineData("FR45732829320", "The French VAT number's key (the two digits after FR) does not match its SIREN: check for a typo.")]
    public void Each_refusal_says_what_to_fix(string typed, string problem) => Assert.Equal(problem, VatNumber.Check(typed, null).Problem);

    [Fact]
    public void A_French_number_must_belong_to_the_SIREN_given() =>
        Assert.Equal("A French VAT number ends with the company's SIREN: this one does not match the SIREN above.",
            VatNumber.Check("FR44732829320", "912345675").Problem);

    [Fact]
    public void The_French_key_is_12_plus_3_times_the_SIREN_mod_97_all_mod_97() =>
        Assert.Equal("FR65912345675", VatNumber.FrenchFor("912345675"));
}

public sealed class SellerIdentityRulesTests
{
    private static readonly SellerIdentity Valid = new("Nuagelis SAS", "SAS", "12 rue des Tanneurs", null, "69002", "Lyon", "FR",
        "Lyon", "912345675", "FR65912345675", 50_000m, "FR7630006000011234567890189", "AGRIFRPP", "billing@nuagelis.example");

    [Fact]
    public void A_complete_and_valid_identity_has_no_problem() => Assert.Empty(SellerIdentityRules.Problems(Valid));

    [Fact]
    public void Empty_fields_are_not_problems_they_are_missing() =>
        Assert.Empty(SellerIdentityRules.Problems(new SellerIdentity(null, null, null, null, null, null, null, null, null, null, null, null, null, null)));

    [Fact]
    public void Each_invalid_field_is_named_with_what_to_fix()
    {
        var problems = SellerIdentityRules.Problems(Valid with
        {
            Siren = "912345678", VatNumber = "FR00", Iban = "FR7630006000011234567890188", Bic = "AGRI", ContactEmail = "billing",
            ShareCapitalEur = -1, Country = "France", PostalCode = "6900",
        });
        Assert.Equal(
            [SellerDetails.SirenField, SellerDetails.Vat, SellerDetails.IbanField, SellerDetails.BicField, SellerDetails.ContactEmail, SellerDetails.ShareCapital, "Country"],
            problems.Keys.ToArray());
        Assert.Equal("The IBAN's check digits do not match: check for a typo.", problems[SellerDetails.IbanField]);
    }

    [Fact]
    public void The_RCS_mention_is_the_city_and_the_SIREN_and_reads_back()
    {
        Assert.Equal("RCS Lyon 912 345 675", SellerIdentityRules.RcsMention("Lyon", "912345675"));
        Assert.Equal("Aix-en-Provence", SellerIdentityRules.RcsCityOf("RCS Aix-en-Provence 912 345 675"));
    }
}

public sealed class SellerDetailsTests
{
    [Fact]
    public void A_new_installation_lacks_everything() => Assert.Equal(SellerDetails.All, SellerDetails.Missing(null));

    [Fact]
    public void Each_empty_field_is_listed_by_its_label()
    {
        var profile = new ProviderProfile
        {
            LegalName = "Nuagelis SAS", LegalForm = "", Address = new PostalAddress("12 rue des Tanneurs", null, "69002", "", "FR"),
            RcsRegistration = "RCS Lyon 912 345 675", Siren = "912345675", VatNumber = "FR65912345675", SupportEmail = "billing@nuagelis.example",
            ShareCapitalEur = 50_000m, Iban = "FR7630006000011234567890189", Bic = null,
        };
        Assert.Equal([SellerDetails.LegalForm, SellerDetails.Address, SellerDetails.BicField], SellerDetails.Missing(profile));
        profile.LegalForm = "SAS";
        profile.Address = profile.Address with { City = "Lyon" };
        profile.Bic = "AGRIFRPP";
        Assert.Empty(SellerDetails.Missing(profile));
    }
}
