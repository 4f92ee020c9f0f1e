namespace Portal.Domain.Clients;

/// <summary>One thing to fix in a new Client's order form: the field it concerns and what to do (an English resx key).</summary>
public sealed record OrderFormProblem(string Field, string Message);

/// <summary>
/// The checks a new Client and its signed order form pass before anything is saved: dates that add up,
/// a seat cap, priced lines, and a complete Syntec base (SEO §10.3). Each problem says what to fix.
/// </summary>
public static class OrderFormRule
{
    public static IReadOnlyList<OrderFormProblem> Check(Client client, OrderForm form)
    {
        var problems = new List<OrderFormProblem>();
        void Add(string field, string message) => problems.Add(new(field, message));

        if (string.IsNullOrWhiteSpace(client.LegalName)) Add(nameof(Client.LegalName), "Enter the Client's legal name.");
        if (client.Country is not { Length: 2 }) Add(nameof(Client.Country), "Enter the country as a two-letter code, e.g. FR.");
        if (string.IsNullOrWhiteSpace(client.Address.Line1) || string.IsNullOrWhiteSpace(client.Address.PostalCode)
            || string.IsNullOrWhiteSpace(client.Address.City))
            Add(nameof(Client.Address), "Enter the street, postal code and city of the Client's address.");
        if (string.IsNullOrWhiteSpace(form.Reference)) Add(nameof(OrderForm.Reference), "Enter the order form's reference.");

        // SEO §3: the term runs from the Effective Date, which cannot precede the signature.
        if (form.EffectiveDate < form.SignedOn)
            Add(nameof(OrderForm.EffectiveDate), "The effective date cannot be before the date the order form was signed.");
        if (form.TrialEndsOn is { } trialEnd && trialEnd < form.EffectiveDate)
            Add(nameof(OrderForm.TrialEndsOn), "The trial cannot end before the effective date.");
        if (form.InitialPeriodMonths < 1 || form.ExtensionPeriodMonths < 1)
            Add(nameof(OrderForm.InitialPeriodMonths), "Service periods last at least one month.");
        if (form.NoticePeriodMonths < 0 || form.NoticePeriodMonths >= form.InitialPeriodMonths)
            Add(nameof(OrderForm.NoticePeriodMonths), "The notice period must be shorter than the initial service period.");
        if (form.SeatCap < 1) Add(nameof(OrderForm.SeatCap), "The seat cap must be at least 1 named User.");

        if (form.Lines.Count == 0) Add(nameof(OrderForm.Lines), "Add at least one line to the order form.");
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var line = form.Lines[i];
            var field = $"{nameof(OrderForm.Lines)}[{i}]";
            if (string.IsNullOrWhiteSpace(line.Description)) Add(field, "Describe each line of the order form.");
            if (line.Quantity <= 0) Add(field, "Each line needs a quantity greater than zero.");
            if (line.UnitPriceExclVat < 0) Add(field, "A unit price cannot be negative.");
            // SEO §10.2: professional services without subscription are invoiced in full on signature.
            if (line.Kind == OrderLineKind.ProfessionalServices && line.BillingFrequency is not null)
                Add(field, "Professional services are invoiced in full on signature: leave their billing period empty.");
        }

        // SEO §10.3: P(t) = P(t-1) × S(t) / S(t-1) needs both the base value and its date.
        if (form.SyntecBaseIndex is { } index && index <= 0)
            Add(nameof(OrderForm.SyntecBaseIndex), "The Syntec base index must be greater than zero.");
        if (form.SyntecBaseIndex is not null && form.SyntecBaseDate is null)
            Add(nameof(OrderForm.SyntecBaseDate), "Give the date of the Syntec base index.");
        if (form.SyntecBaseIndex is null && form.SyntecBaseDate is not null)
            Add(nameof(OrderForm.SyntecBaseIndex), "Give the Syntec base index value for that date, or clear the date.");
        // DOMAIN "Invoices and payment": monthly billing needs a SEPA mandate, so it is paid by direct debit; that is the
        // period all lines are billed on (SEO §10.2, the largest amount's), not only the order form's own.
        if (form.BilledEvery == BillingFrequency.Monthly && form.PaymentMethod == PaymentMethod.BankTransfer)
            Add(nameof(OrderForm.PaymentMethod), "Monthly billing needs SEPA direct debit: choose it as the payment method.");
        return problems;
    }
}

/// <summary>The Provider's Client references: C-0001, C-0002, … one series without reuse.</summary>
public static class ClientNumbering
{
    public const string Prefix = "C-";

    /// <summary>The number after the highest in use; numbers that do not follow the series are ignored.</summary>
    public static string Next(IEnumerable<string> existing)
    {
        var highest = existing
            .Select(n => n.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(n[Prefix.Length..], out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        return Format(highest + 1);
    }

    public static string Format(int sequence) => $"{Prefix}{sequence:D4}";
}
