using System.Globalization;

namespace Portal.Domain.Billing;

/// <summary>
/// French invoicing law: one continuous sequence without gaps. Credit notes take their numbers from the same
/// sequence and prefix, so the series reads as one and a missing number shows at once.
/// </summary>
public static class InvoiceNumbering
{
    public const string Prefix = "INV-";

    /// <summary>42 → "INV-000042"; past 999999 the number simply grows a digit.</summary>
    public static string Format(long sequence) => sequence > 0
        ? Prefix + sequence.ToString("D6", CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "The sequence starts at 1.");

    /// <summary>The next number after the last one issued, invoice or credit note; 1 for the very first.</summary>
    public static long Next(long? lastIssued) => (lastIssued ?? 0) + 1;

    public static bool TryParse(string? number, out long sequence)
    {
        sequence = 0;
        return number is not null && number.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(number.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }

    /// <summary>The numbers missing between 1 and the highest issued: empty when the sequence is whole.</summary>
    public static IReadOnlyList<long> Gaps(IEnumerable<long> issued)
    {
        var present = issued.ToHashSet();
        var highest = present.Count == 0 ? 0 : present.Max();
        var gaps = new List<long>();
        for (var n = 1L; n <= highest; n++)
            if (!present.Contains(n)) gaps.Add(n);
        return gaps;
    }
}
