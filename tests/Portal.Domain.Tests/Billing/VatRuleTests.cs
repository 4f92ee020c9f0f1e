using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>French VAT, EU reverse charge, or no French VAT outside the EU, by the buyer's country and VAT number.</summary>
public class VatRuleTests
{
    [Theory]
    [InlineData("FR", null)]
    [InlineData("FR", "FR40303265045")] // a French VAT number changes nothing
    [InlineData("fr", null)]
    [InlineData("MC", "FR11000012345")] // Monaco is in the French VAT territory
    public void A_French_or_Monaco_buyer_pays_French_VAT_at_20_percent(string country, string? vatNumber)
    {
        Assert.Equal(new VatDecision(VatTreatment.FrenchVat, 0.20m, null), VatRule.For(country, vatNumber));
    }

    [Theory]
    [InlineData("DE", "DE123456789")]
    [InlineData("BE", "BE0123456789")]
    [InlineData("GR", "EL123456789")] // Greece: ISO GR, VAT prefix EL
    [InlineData(" it ", "IT12345678901")]
    public void An_EU_buyer_outside_France_with_a_VAT_number_is_reverse_charged_at_0(string country, string vatNumber)
    {
        Assert.Equal(new VatDecision(VatTreatment.ReverseCharge, 0m, VatRule.ReverseChargeWordingKey), VatRule.For(country, vatNumber));
    }

    [Theory]
    [InlineData("DE", null)]
    [InlineData("DE", "")]
    [InlineData("ES", "   ")]
    public void An_EU_buyer_without_a_VAT_number_pays_French_VAT(string country, string? vatNumber)
    {
        Assert.Equal(new VatDecision(VatTreatment.FrenchVat, 0.20m, null), VatRule.For(country, vatNumber));
    }

    [Theory]
    [InlineData("US", null)]
    [InlineData("GB", "GB123456789")] // outside the EU since 2021
    [InlineData("CH", "CHE-123.456.789")]
    [InlineData("NO", null)]
    public void A_buyer_outside_the_EU_pays_no_French_VAT(string country, string? vatNumber)
    {
        Assert.Equal(new VatDecision(VatTreatment.OutsideEu, 0m, VatRule.OutsideEuWordingKey), VatRule.For(country, vatNumber));
    }

    [Fact]
    public void A_changed_French_rate_from_the_settings_is_used()
    {
        Assert.Equal(0.21m, VatRule.For("FR", null, frenchRate: 0.21m).Rate);
        Assert.Equal(0m, VatRule.For("DE", "DE123456789", frenchRate: 0.21m).Rate);
    }

    [Fact]
    public void The_legal_wordings_are_the_reverse_charge_and_article_259_1_mentions()
    {
        Assert.Equal("Autoliquidation — article 283-2 du CGI / Reverse charge — Article 196 of Directive 2006/112/EC",
            VatRule.Wordings[VatRule.ReverseChargeWordingKey]);
        Assert.Equal("TVA non applicable — article 259-1 du CGI", VatRule.Wordings[VatRule.OutsideEuWordingKey]);
    }

    [Fact]
    public void The_EU_has_27_member_states_with_Greece_as_GR_and_without_the_United_Kingdom()
    {
        Assert.Equal(27, VatRule.EuMemberStates.Count);
        Assert.Contains("GR", VatRule.EuMemberStates);
        Assert.DoesNotContain("EL", VatRule.EuMemberStates);
        Assert.DoesNotContain("GB", VatRule.EuMemberStates);
    }
}
