namespace Portal.Web.Data;

/// <summary>
/// A counter taken inside the transaction that uses the number (see Billing's InvoiceIssuer): two issuances
/// queue on its row, and a rolled-back issuance gives its number back, so the sequence has no gap.
/// </summary>
public class NumberSequence
{
    public const string Invoices = "Invoices";

    public required string Name { get; set; }
    public long Last { get; set; }
}
