using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §11.1: transfer within 30 days, direct debit within 7, online orders at once.</summary>
public class DueDateTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-01-15", PaymentMethod.BankTransfer, "2025-02-14")]
    [InlineData("2025-01-31", PaymentMethod.BankTransfer, "2025-03-02")] // 30 plain days, across a short February
    [InlineData("2024-01-31", PaymentMethod.BankTransfer, "2024-03-01")] // leap February
    [InlineData("2025-12-15", PaymentMethod.BankTransfer, "2026-01-14")]
    [InlineData("2025-01-15", PaymentMethod.SepaDirectDebit, "2025-01-22")]
    [InlineData("2025-12-28", PaymentMethod.SepaDirectDebit, "2026-01-04")] // a Sunday: no shift
    [InlineData("2025-01-15", PaymentMethod.Online, "2025-01-15")] // paid when ordered
    public void Due_date_from_the_issue_date(string issued, PaymentMethod method, string due)
    {
        Assert.Equal(Day(due), DueDate.For(Day(issued), method));
    }

    [Fact]
    public void An_order_form_with_45_day_transfers_and_10_day_debits_is_honoured()
    {
        var issued = new DateOnly(2025, 1, 15);

        Assert.Equal(new DateOnly(2025, 3, 1), DueDate.For(issued, PaymentMethod.BankTransfer, bankTransferDays: 45));
        Assert.Equal(new DateOnly(2025, 1, 25), DueDate.For(issued, PaymentMethod.SepaDirectDebit, directDebitDays: 10));
    }

    [Fact]
    public void The_defaults_are_30_days_by_transfer_and_7_by_direct_debit()
    {
        Assert.Equal((30, 7), (DueDate.BankTransferDays, DueDate.DirectDebitDays));
    }
}
