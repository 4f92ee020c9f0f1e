using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Terms;

/// <summary>
/// DOMAIN "An acceptance record": each record's hash covers its own evidence and the previous
/// record's hash, so an edit, a deletion or a reordering anywhere breaks every later link.
/// </summary>
public static class AcceptanceChain
{
    /// <summary>The previous hash of the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The hash a record must carry: SHA-256 of its fields, one per line, in a fixed order.</summary>
    public static string HashOf(AcceptanceRecord r)
    {
        string[] fields =
        [
            r.Id.ToString(CultureInfo.InvariantCulture), r.ClientId.ToString(), r.UserId ?? "", r.UserName ?? "", r.UserEmail ?? "",
            r.DocumentType.ToString(), r.DocumentVersionId.ToString(), r.VersionLabel, r.ContentSha256, r.Method.ToString(),
            r.AcceptedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            r.IpAddress ?? "", r.UserAgent ?? "", r.Culture ?? "", r.PageUrl ?? "", r.CheckboxWording ?? "", r.ButtonWording ?? "",
            r.SignedDocumentFileName ?? "", r.SignedDocumentSha256 ?? "", r.PreviousHash,
        ];
        // Newlines inside a field are escaped so two different records never serialise alike.
        return Sha256(string.Join("\n", fields.Select(f => f.Replace("\\", "\\\\").Replace("\n", "\\n"))));
    }

    /// <summary>Fills in the link to <paramref name="previous"/> (null for the first record) and the record's own hash.</summary>
    public static void Seal(AcceptanceRecord record, AcceptanceRecord? previous)
    {
        record.Id = (previous?.Id ?? 0) + 1;
        record.PreviousHash = previous?.Hash ?? Genesis;
        record.Hash = HashOf(record);
    }

    /// <summary>Walks the records in chain order and reports the first one that does not hold.</summary>
    public static ChainVerdict Verify(IEnumerable<AcceptanceRecord> recordsInOrder)
    {
        var verifier = new ChainVerifier();
        foreach (var record in recordsInOrder)
            if (!verifier.Add(record)) break;
        return verifier.Verdict;
    }
}

/// <param name="IntactCount">How many records, from the first, hold.</param>
/// <param name="BrokenAt">The id of the first record that does not hold, if any.</param>
public sealed record ChainVerdict(bool IsIntact, long IntactCount, long? BrokenAt, string? Reason)
{
    public static ChainVerdict Intact(long count) => new(true, count, null, null);
    public static ChainVerdict Broken(long intact, long at, string why) => new(false, intact, at, why);
}
