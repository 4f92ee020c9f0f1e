using System.Security.Cryptography;

namespace Portal.Domain.Terms;

/// <summary>
/// DOMAIN "Contract documents and acceptance": an order form signed on paper is recorded by staff with the signed PDF
/// attached; the OrderFormSigned records point at it by its SHA-256. Kept in the database beside the records.
/// </summary>
public class SignedOrderForm
{
    /// <summary>Issue 15 §5: at most 10 MB, checked on the server whatever the browser sent.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public Guid OrderFormId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public required string Sha256 { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Null when <paramref name="content"/> is a PDF Portal can keep, else what to fix (an English resx key).</summary>
    /// <param name="length">The upload's size as received, which may be larger than what was read.</param>
    public static string? Problem(string? fileName, long length, ReadOnlySpan<byte> content)
    {
        if (length > MaxBytes) return "The signed order form is larger than 10 MB: scan it at a lower resolution.";
        if (length == 0 || content.IsEmpty) return "The signed order form is empty: attach the scanned PDF.";
        // The header, not the name: a renamed Word file or image is refused (ISO 32000-1 §7.5.2).
        if (!content.StartsWith("%PDF-"u8)) return "The signed order form must be a PDF file.";
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255) return "Give the signed order form a file name of at most 255 characters.";
        return null;
    }

    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
