using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>A line says how long it bills: "1 month", never "(annual price)" next to a monthly amount.</summary>
public class InvoiceLineLabelTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_line_covering_October_is_one_month_and_drops_the_annual_price_mention()
    {
        var label = InvoiceLineLabel.For("Portal subscription, Team edition (annual price)", D(2027, 10, 1), D(2027, 10, 31));

        Assert.Equal(new LineLabel("Portal subscription, Team edition", LineSpan.Months, 1, D(2027, 10, 1), D(2027, 10, 31)), label);
        Assert.Equal("{0}, 1 month ({1} to {2})", label.Template);
    }

    [Theory]
    [InlineData(2027, 8, 1, 2027, 9, 30, LineSpan.Months, 2)]    // the first monthly invoice from the 1st: two months
    [InlineData(2027, 1, 1, 2027, 3, 31, LineSpan.Months, 3)]    // a calendar quarter
    [InlineData(2027, 8, 1, 2028, 7, 31, LineSpan.Years, 1)]     // an anniversary year
    [InlineData(2025, 1, 31, 2026, 1, 30, LineSpan.Years, 1)]    // a year from the 31st, as the term counts it
    [InlineData(2024, 2, 29, 2025, 2, 28, LineSpan.Years, 1)]
    [InlineData(2027, 1, 1, 2028, 12, 31, LineSpan.Years, 2)]
    [InlineData(2025, 1, 31, 2025, 2, 28, LineSpan.Days, 29)]    // the pro-rata first invoice
    [InlineData(2026, 1, 1, 2026, 6, 30, LineSpan.Months, 6)]
    [InlineData(2026, 1, 1, 2026, 6, 29, LineSpan.Days, 180)]    // cut short by the last day of service
    public void The_span_a_line_covers(int y1, int m1, int d1, int y2, int m2, int d2, LineSpan span, int count)
    {
        var label = InvoiceLineLabel.For("Seats", D(y1, m1, d1), D(y2, m2, d2));

        Assert.Equal((span, count), (label.Span, label.Count));
    }

    [Fact]
    public void What_is_billed_once_keeps_its_description_whole()
    {
        var label = InvoiceLineLabel.For("Onboarding workshop (annual)", null, null);

        Assert.Equal((LineSpan.Once, "Onboarding workshop (annual)", "{0}"), (label.Span, label.Item, label.Template));
    }

    [Theory]
    [InlineData("Named User seats (annual)", "Named User seats")]
    [InlineData("Abonnement, édition Business (prix annuel)", "Abonnement, édition Business")]
    [InlineData("Sièges (Annuel) ", "Sièges")]
    [InlineData("Portal (Business edition)", "Portal (Business edition)")]
    [InlineData("Annual report (annual) extra", "Annual report (annual) extra")]
    public void Only_a_trailing_yearly_price_basis_is_dropped(string description, string item)
    {
        Assert.Equal(item, InvoiceLineLabel.WithoutPriceBasis(description));
    }
}
