namespace Portal.Web.Data;

/// <summary>Short original sample documents for the demo portal (written for it, not taken from any real contract).</summary>
internal static class DemoDocuments
{
    // The amendment changes the support hours and adds a hosting clause; the rest of the text is the same.
    private const string TermsOpening = """

        ## 1. Purpose
        These terms govern the subscription service that Nuagelis SAS (the "Provider") makes available to the
        company named on the Order Form (the "Client"). Where documents disagree, the Order Form prevails.

        ## 2. Term and renewal
        The subscription starts on the Effective Date for an initial period of twelve months. It then renews
        for further periods of twelve months unless either party sends a notice of non-renewal at least two
        months before the current period ends.

        ## 3. Users
        The Client may give access to named Users up to the number of seats on the Order Form, including the
        Users of entities it controls. Each User keeps their credentials personal.

        ## 4. Fees
        Prices exclude VAT and are invoiced in advance. Invoices are payable within thirty days by bank
        transfer. Late payments bear interest and a fixed collection indemnity as the law provides.

        """;

    private const string ChangesClause = """
        The Provider notifies any change one month before it takes effect. A Client that does not end the
        contract within that month is deemed to accept the change.
        """;

    public const string GeneralTerms2025 = "# General Terms and Conditions — version 2025_09\n" + TermsOpening + """
        ## 5. Support
        Support is available on working days from 9:00 to 18:00, Paris time.

        ## 6. Changes to these terms

        """ + ChangesClause;

    public const string GeneralTerms2026 = "# General Terms and Conditions — version 2026_11\n" + TermsOpening + """
        ## 5. Support
        Support is available on working days from 8:00 to 19:00, Paris time.

        ## 6. Hosting
        Personal data is hosted in two data centres located in France.

        ## 7. Changes to these terms

        """ + ChangesClause;

    public const string AcceptableUse = """
        # Acceptable Use Policy — version 2025_09

        Users must not use the service to store unlawful content, to probe or overload the platform, or to
        resell access to third parties. Automated access is allowed through service accounts that hold a seat.
        The Provider may suspend an account that breaks this policy after telling the Client why.
        """;
}
