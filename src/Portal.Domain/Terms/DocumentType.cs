namespace Portal.Domain.Terms;

/// <summary>The contract documents, declared in their order of precedence (SEO §1): a lower value wins.</summary>
public enum DocumentType
{
    OrderForm = 1,
    TermsOfSaasService = 2,
    AcceptableUsePolicy = 3,
    TechnicalPrerequisites = 4,
    PersonalDataProtectionPolicy = 5,
    GeneralTermsAndConditions = 6,
    CommercialProposal = 7,
}
