using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Clients;

public class OrderFormRuleTests
{
    private static Client NewClient() => new()
    {
        Number = "", LegalName = "Umbrella SAS", Country = "FR", Address = new PostalAddress("1 rue de la Paix", null, "75002", "Paris", "FR"),
    };

    private static OrderForm NewForm(Action<OrderForm>? change = null)
    {
        var form = new OrderForm
        {
            Reference = "OF-2026-014", SignedOn = new DateOnly(2026, 11, 20), EffectiveDate = new DateOnly(2026, 12, 1), SeatCap = 25,
            Lines = [new OrderLine { Description = "Portal subscription", Quantity = 1, UnitPriceExclVat = 9600 }],
        };
        change?.Invoke(form);
        return form;
    }

    private static IReadOnlyList<OrderFormProblem> Check(Action<OrderForm> change) => OrderFormRule.Check(NewClient(), NewForm(change));

    [Fact]
    public void A_complete_order_form_has_no_problem() => Assert.Empty(OrderFormRule.Check(NewClient(), NewForm()));

    [Fact]
    public void Effective_date_before_the_signature_is_refused() =>
        Assert.Contains(Check(f => f.EffectiveDate = new DateOnly(2026, 11, 19)), p => p.Field == nameof(OrderForm.EffectiveDate));

    [Fact]
    public void Effective_on_the_day_of_signature_is_fine() => Assert.Empty(Check(f => f.EffectiveDate = f.SignedOn));

    [Fact]
    public void Trial_ending_before_the_effective_date_is_refused() =>
        Assert.Contains(Check(f => f.TrialEndsOn = new DateOnly(2026, 11, 30)), p => p.Field == nameof(OrderForm.TrialEndsOn));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Seat_cap_below_one_is_refused(int cap) =>
        Assert.Contains(Check(f => f.SeatCap = cap), p => p.Field == nameof(OrderForm.SeatCap));

    [Fact]
    public void An_order_form_without_lines_is_refused() =>
        Assert.Contains(Check(f => f.Lines.Clear()), p => p.Field == nameof(OrderForm.Lines));

    [Theory]
    [InlineData(-1, 100, "Each line needs a quantity greater than zero.")]
    [InlineData(0, 100, "Each line needs a quantity greater than zero.")]
    [InlineData(2, -0.01, "A unit price cannot be negative.")]
    public void Negative_quantities_and_prices_are_refused_on_their_line(decimal quantity, decimal price, string message)
    {
        var problems = Check(f => f.Lines.Add(new OrderLine { Description = "Training", Quantity = quantity, UnitPriceExclVat = price }));

        Assert.Contains(new OrderFormProblem("Lines[1]", message), problems);
    }

    [Fact]
    public void A_free_line_is_fine() =>
        Assert.Empty(Check(f => f.Lines.Add(new OrderLine { Description = "Onboarding (offered)", Quantity = 1, UnitPriceExclVat = 0 })));

    [Theory]
    [InlineData(0)]
    [InlineData(-120.5)]
    public void Syntec_index_at_or_below_zero_is_refused(decimal index) =>
        Assert.Contains(Check(f => { f.SyntecBaseIndex = index; f.SyntecBaseDate = new DateOnly(2026, 8, 1); }),
            p => p.Field == nameof(OrderForm.SyntecBaseIndex));

    [Fact]
    public void Syntec_index_without_its_date_is_refused() =>
        Assert.Contains(Check(f => f.SyntecBaseIndex = 297.1m), p => p.Field == nameof(OrderForm.SyntecBaseDate));

    [Fact]
    public void Syntec_index_with_its_date_is_fine() =>
        Assert.Empty(Check(f => { f.SyntecBaseIndex = 297.1m; f.SyntecBaseDate = new DateOnly(2026, 8, 1); }));

    [Fact]
    public void Monthly_billing_by_bank_transfer_is_refused() =>
        Assert.Contains(Check(f => f.BillingFrequency = BillingFrequency.Monthly), p => p.Field == nameof(OrderForm.PaymentMethod));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = Check(f => { f.SeatCap = 0; f.Lines.Clear(); f.EffectiveDate = f.SignedOn.AddDays(-1); });

        Assert.Equal(3, problems.Count);
    }

    [Theory]
    [InlineData(new[] { "C-0001", "C-0002", "C-0003" }, "C-0004")]
    [InlineData(new[] { "C-0003", "C-0001" }, "C-0004")] // continues after the highest, never fills a gap
    [InlineData(new string[0], "C-0001")]
    [InlineData(new[] { "C-0009", "LEGACY-77" }, "C-0010")] // numbers outside the series are ignored
    [InlineData(new[] { "C-9999" }, "C-10000")]
    public void Client_numbers_continue_the_series(string[] existing, string next) =>
        Assert.Equal(next, ClientNumbering.Next(existing));
    [Fact]
    public void Professional_services_with_a_billing_period_are_refused_since_they_are_invoiced_on_signature() =>
        Assert.Contains(Check(f => f.Lines.Add(new OrderLine
        {
            Description = "Onboarding", Kind = OrderLineKind.ProfessionalServices, Quantity = 1, UnitPriceExclVat = 900, BillingFrequency = BillingFrequency.Monthly,
        })), p => p.Message.StartsWith("Professional services are invoiced in full on signature", StringComparison.Ordinal));

    [Fact]
    public void A_monthly_line_that_outweighs_the_annual_order_form_makes_the_billing_monthly_so_a_bank_transfer_is_refused()
    {
        var problems = Check(f =>
        {
            f.PaymentMethod = PaymentMethod.BankTransfer;
            f.Lines.Add(new OrderLine { Description = "Seats", Quantity = 1, UnitPriceExclVat = 12_000, BillingFrequency = BillingFrequency.Monthly });
        });

        Assert.Contains(problems, p => p.Field == nameof(OrderForm.PaymentMethod));
    }

    [Fact]
    public void An_order_line_prints_its_French_description_on_French_invoices_and_its_English_one_otherwise()
    {
        var line = new OrderLine { Description = "Portal subscription", DescriptionFr = "Abonnement au portail" };
        var englishOnly = new OrderLine { Description = "Portal subscription" };

        Assert.Equal(("Abonnement au portail", "Portal subscription", "Portal subscription"),
            (line.DescriptionIn("fr"), line.DescriptionIn("en"), englishOnly.DescriptionIn("fr-FR")));
    }
}
