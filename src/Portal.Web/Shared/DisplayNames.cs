using Portal.Domain.Terms;

namespace Portal.Web.Shared;

/// <summary>The English names of domain values as people read them; the resx translates them.</summary>
public static class DisplayNames
{
    public static string Of(DocumentType type) => type switch
    {
        DocumentType.OrderForm => "Order Form",
        DocumentType.TermsOfSaasService => "Terms of SaaS Service",
        DocumentType.AcceptableUsePolicy => "Acceptable Use Policy",
        DocumentType.TechnicalPrerequisites => "Technical Prerequisites",
        DocumentType.PersonalDataProtectionPolicy => "Personal Data Protection Policy",
        DocumentType.GeneralTermsAndConditions => "General Terms and Conditions",
        DocumentType.CommercialProposal => "Commercial Proposal",
        _ => type.ToString(),
    };
}
