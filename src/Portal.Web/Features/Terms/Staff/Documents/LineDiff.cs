using DiffPlex;

namespace Portal.Web.Features.Terms.Staff.Documents;

public enum DiffKind { Unchanged, Removed, Added }

/// <summary>One row of a diff shown on screen: a line, or a run of unchanged lines left out.</summary>
public abstract record DiffItem;

/// <param name="OldNumber">The line's number in the older text (null for an added line).</param>
/// <param name="NewNumber">The line's number in the newer text (null for a removed line).</param>
public sealed record DiffLine(DiffKind Kind, string Text, int? OldNumber, int? NewNumber) : DiffItem;

/// <summary>A run of unchanged lines left out of a diff shown with context.</summary>
public sealed record DiffGap(int Lines) : DiffItem;

/// <summary>
/// What changed between two versions of a document, line by line (DiffPlex finds the changed blocks): within a changed
/// block the older text's lines are removed first, then the newer text's lines added; line endings do not count.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(string older, string newer)
    {
        var diff = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, Lines.Instance);
        var (a, b) = (diff.PiecesOld, diff.PiecesNew);
        var result = new List<DiffLine>(a.Count + b.Count);
        int i = 0, j = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; i < block.DeleteStartA; i++, j++) result.Add(new(DiffKind.Unchanged, a[i], i + 1, j + 1));
            for (; i < block.DeleteStartA + block.DeleteCountA; i++) result.Add(new(DiffKind.Removed, a[i], i + 1, null));
            for (; j < block.InsertStartB + block.InsertCountB; j++) result.Add(new(DiffKind.Added, b[j], null, j + 1));
        }
        for (; i < a.Count; i++, j++) result.Add(new(DiffKind.Unchanged, a[i], i + 1, j + 1));
        return result;
    }

    /// <summary>
    /// The changed lines with <paramref name="context"/> unchanged lines around each change; longer
    /// unchanged runs become a <see cref="DiffGap"/>.
    /// </summary>
    public static IReadOnlyList<DiffItem> WithContext(IReadOnlyList<DiffLine> lines, int context)
    {
        var near = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Kind != DiffKind.Unchanged)
                for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) near[k] = true;

        var result = new List<DiffItem>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (near[i])
            {
                if (skipped > 0) result.Add(new DiffGap(skipped));
                skipped = 0;
                result.Add(lines[i]);
            }
            else skipped++;
        }
        if (skipped > 0) result.Add(new DiffGap(skipped));
        return result;
    }

    /// <summary>A document's lines, whatever its line endings; a trailing line break adds no empty line.</summary>
    private sealed class Lines : IChunker
    {
        public static readonly Lines Instance = new();

        public IReadOnlyList<string> Chunk(string text) =>
            text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }
}
