using Portal.Domain.Billing.EInvoicing;

namespace Portal.Domain.Tests.Billing.EInvoicing;

/// <summary>The SIREN of a French party, from the registration number a Client recorded in whatever form.</summary>
public class SirenTests
{
    [Theory]
    [InlineData("RCS Paris 552 100 554", "552100554")]
    [InlineData("552100554", "552100554")]
    [InlineData("303 265 045 00028", "303265045")] // a SIRET: the SIREN is its first 9 digits
    [InlineData("HRB 123456 München", null)]
    [InlineData("55210055", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void From_a_registration_number(string? registration, string? siren) => Assert.Equal(siren, Siren.From(registration));

    [Theory]
    [InlineData("912345678", true)]
    [InlineData("91234567", false)]
    [InlineData("91234567A", false)]
    [InlineData(null, false)]
    public void Is_nine_digits(string? siren, bool valid) => Assert.Equal(valid, Siren.IsValid(siren));
}
