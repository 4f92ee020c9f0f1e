using Portal.Web.Features.Terms.Staff.Documents;

namespace Portal.Integration.Tests.Terms.Staff.Documents;

public class LineDiffTests
{
    private static string Render(IEnumerable<DiffItem> items) => string.Join("\n", items.Select(i => i switch
    {
        DiffLine { Kind: DiffKind.Added } l => "+" + l.Text,
        DiffLine { Kind: DiffKind.Removed } l => "-" + l.Text,
        DiffLine l => " " + l.Text,
        DiffGap g => $"… {g.Lines}",
        _ => "?",
    }));

    [Fact]
    public void Identical_texts_have_only_unchanged_lines()
    {
        var diff = LineDiff.Compute("a\nb\nc", "a\nb\nc");

        Assert.All(diff, l => Assert.Equal(DiffKind.Unchanged, l.Kind));
        Assert.Equal(3, diff.Count);
    }

    [Fact]
    public void A_changed_line_is_removed_then_added_between_the_lines_kept()
    {
        var diff = LineDiff.Compute("## 5. Support\n9:00 to 18:00\n## 6. Changes", "## 5. Support\n8:00 to 19:00\n## 6. Changes");

        Assert.Equal(" ## 5. Support\n-9:00 to 18:00\n+8:00 to 19:00\n ## 6. Changes", Render(diff));
    }

    [Fact]
    public void An_inserted_section_shows_as_added_lines_only()
    {
        var diff = LineDiff.Compute("a\nb\nc", "a\nb\nnew 1\nnew 2\nc");

        Assert.Equal(" a\n b\n+new 1\n+new 2\n c", Render(diff));
    }

    [Fact]
    public void Lines_carry_their_numbers_in_each_text()
    {
        var diff = LineDiff.Compute("x\na\nb", "a\ny\nb");

        Assert.Equal("-x\n a\n+y\n b", Render(diff));
        Assert.Equal((1, (int?)null), (diff[0].OldNumber!.Value, diff[0].NewNumber));
        Assert.Equal((2, 1), (diff[1].OldNumber!.Value, diff[1].NewNumber!.Value));
        Assert.Equal((null, (int?)2), (diff[2].OldNumber, diff[2].NewNumber));
        Assert.Equal((3, 3), (diff[3].OldNumber!.Value, diff[3].NewNumber!.Value));
    }

    [Fact]
    public void Windows_and_Unix_line_endings_compare_alike()
    {
        Assert.All(LineDiff.Compute("a\r\nb\r\n", "a\nb"), l => Assert.Equal(DiffKind.Unchanged, l.Kind));
    }

    [Fact]
    public void From_or_to_an_empty_text_everything_is_added_or_removed()
    {
        Assert.Equal("+a\n+b", Render(LineDiff.Compute("", "a\nb")));
        Assert.Equal("-a\n-b", Render(LineDiff.Compute("a\nb", "")));
    }

    [Fact]
    public void With_context_long_unchanged_runs_become_gaps()
    {
        var older = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var newer = older.Replace("line 10", "line ten");

        var shown = LineDiff.WithContext(LineDiff.Compute(older, newer), context: 2);

        Assert.Equal("… 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n line 12\n… 8", Render(shown));
    }

    [Fact]
    public void A_long_document_with_scattered_changes_is_compared_quickly()
    {
        var older = string.Join("\n", Enumerable.Range(1, 3000).Select(i => $"clause {i}"));
        var newer = string.Join("\n", Enumerable.Range(1, 3000).Select(i => i % 500 == 0 ? $"clause {i} amended" : $"clause {i}"));

        var diff = LineDiff.Compute(older, newer);

        Assert.Equal(6, diff.Count(l => l.Kind == DiffKind.Added));
        Assert.Equal(6, diff.Count(l => l.Kind == DiffKind.Removed));
    }
}
