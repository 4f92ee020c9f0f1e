namespace Portal.Domain.Billing;

/// <summary>The outcome of checking an IBAN or a BIC typed by a person: the cleaned-up code, or what to fix.</summary>
/// <param name="Value">Without spaces, in capitals: what to store when valid.</param>
/// <param name="Problem">A sentence the page shows next to the field; null when valid.</param>
public sealed record BankCodeCheck(string Value, string? Problem)
{
    public bool IsValid => Problem is null;

    /// <summary>Spaces dropped, letters in capitals: "fr76 3000 6…" and "FR763000 6…" are the same code.</summary>
    internal static string Normalize(string? typed) =>
        string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
