using System.Text;
using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

public class SignedOrderFormTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF");

    [Fact]
    public void A_PDF_under_10_MB_is_kept() => Assert.Null(SignedOrderForm.Problem("signed.pdf", Pdf.Length, Pdf));

    [Fact]
    public void A_file_that_is_not_a_PDF_by_its_header_is_refused_whatever_its_name() =>
        Assert.Equal("The signed order form must be a PDF file.",
            SignedOrderForm.Problem("signed.pdf", 10, "PK\u0003\u0004 word"u8));

    [Fact]
    public void A_file_over_10_MB_is_refused() =>
        Assert.Equal("The signed order form is larger than 10 MB: scan it at a lower resolution.",
            SignedOrderForm.Problem("signed.pdf", SignedOrderForm.MaxBytes + 1, Pdf));

    [Fact]
    public void Exactly_10_MB_is_allowed() => Assert.Null(SignedOrderForm.Problem("signed.pdf", SignedOrderForm.MaxBytes, Pdf));

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal("The signed order form is empty: attach the scanned PDF.", SignedOrderForm.Problem("signed.pdf", 0, []));

    [Fact]
    public void The_hash_is_the_SHA256_of_the_bytes() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SignedOrderForm.HashOf("abc"u8));
}
