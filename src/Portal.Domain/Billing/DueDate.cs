using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>SEO §11.1: when an invoice must be paid, by payment method.</summary>
public static class DueDate
{
    /// <summary>SEO §11.1.2: bank transfer within thirty days of issue, without discount.</summary>
    public const int BankTransferDays = 30;

    /// <summary>SEO §11.1.2: SEPA direct debit within seven days of the invoice date.</summary>
    public const int DirectDebitDays = 7;

    /// <summary>
    /// Calendar days after the issue date. SEO §11.1.1: an online order is paid when ordered and at each
    /// anniversary, so at issue.
    /// </summary>
    public static DateOnly For(DateOnly issuedOn, PaymentMethod method,
        int bankTransferDays = BankTransferDays, int directDebitDays = DirectDebitDays) => method switch
    {
        // SEO §11.1.2 counts plain days: a due date on a weekend or bank holiday stays where it falls.
        PaymentMethod.BankTransfer => issuedOn.AddDays(bankTransferDays),
        PaymentMethod.SepaDirectDebit => issuedOn.AddDays(directDebitDays),
        PaymentMethod.Online => issuedOn,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}
