using Portal.Web.Shared.Pdf;
using UglyToad.PdfPig;

namespace Portal.Integration.Tests.Shared.Pdf;

/// <summary>The one PDF layout: embedded fonts, wrapping, page breaks and "page n of m" on every page, read back with PdfPig.</summary>
public sealed class PdfSheetTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void A_one_page_sheet_carries_the_provider_the_title_accents_a_whole_hash_and_page_1_of_1()
    {
        using var sheet = new PdfSheet("Nuagelis SAS", "Acceptance evidence", "Page {0} of {1}");
        sheet.Heading("Accepted by").Field("User name", "Hélène Dubois").Hash("Hash", Hash).Verdict("The hash verifies.", holds: true);

        using var pdf = PdfDocument.Open(sheet.ToArray());

        var page = Assert.Single(pdf.GetPages());
        Assert.Contains("Nuagelis SAS", page.Text);
        Assert.Contains("Acceptance evidence", page.Text);
        Assert.Contains("Hélène Dubois", page.Text);
        Assert.Contains(Hash, page.Text);
        Assert.Contains("Page 1 of 1", page.Text);
        Assert.Equal("Acceptance evidence", pdf.Information.Title);
    }

    [Fact]
    public void A_long_table_breaks_onto_new_pages_and_every_page_says_page_n_of_m()
    {
        using var sheet = new PdfSheet("Nuagelis SAS", "Invoice INV-000001", "Page {0} of {1}");
        sheet.Table([new PdfColumn("Description", 4), new PdfColumn("Amount excl. VAT", 1, AlignRight: true)],
            Enumerable.Range(1, 120).Select(n => (IReadOnlyList<string?>)[$"Line {n}", $"{n * 10},00 €"]));

        using var pdf = PdfDocument.Open(sheet.ToArray());

        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i].Text);
            Assert.Contains("Description", pages[i].Text); // the header row is repeated
        }
        var all = string.Join("\n", pages.Select(p => p.Text));
        Assert.Contains("Line 1", all);
        Assert.Contains("Line 120", all);
        Assert.Contains("1200,00 €", all);
    }

    [Fact]
    public void A_paragraph_longer_than_the_line_wraps_inside_the_page()
    {
        var words = string.Join(" ", Enumerable.Repeat("clause", 300));
        using var sheet = new PdfSheet("Nuagelis SAS", "Notice", "Page {0} of {1}");
        sheet.Paragraph(words).Field("User agent", new string('x', 400));

        using var pdf = PdfDocument.Open(sheet.ToArray());

        var letters = pdf.GetPages().SelectMany(p => p.Letters.Select(l => (p.Width, l.BoundingBox))).ToList();
        Assert.All(letters, l => Assert.True(l.BoundingBox.Right <= l.Width - 49, $"a letter ends at {l.BoundingBox.Right}, beyond the right margin"));
        Assert.Equal(300, pdf.GetPages().Sum(p => p.GetWords().Count(w => w.Text == "clause")));
    }
}
