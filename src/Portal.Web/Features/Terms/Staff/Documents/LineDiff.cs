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
/// What changed between two versions of a document, line by line: the longest common subsequence of
/// their lines is kept, the rest is removed (older text) or added (newer text), removals first.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(string older, string newer)
    {
        var a = Lines(older);
        var b = Lines(newer);

        // The common head and tail need no table; documents usually change in a few places.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;

        var result = new List<DiffLine>(a.Length + b.Length);
        for (var i = 0; i < head; i++) result.Add(new(DiffKind.Unchanged, a[i], i + 1, i + 1));
        Middle(a, b, head, a.Length - tail, b.Length - tail, result);
        for (int i = a.Length - tail, j = b.Length - tail; i < a.Length; i++, j++) result.Add(new(DiffKind.Unchanged, a[i], i + 1, j + 1));
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

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static void Middle(string[] a, string[] b, int start, int aEnd, int bEnd, List<DiffLine> result)
    {
        int n = aEnd - start, m = bEnd - start;
        // lcs[i, j]: length of the longest common subsequence of a[start+i..aEnd) and b[start+j..bEnd).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                result.Add(new(DiffKind.Unchanged, a[start + x], start + x + 1, start + y + 1));
                x++; y++;
            }
            else if (y == m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new(DiffKind.Removed, a[start + x], start + x + 1, null));
                x++;
            }
            else
            {
                result.Add(new(DiffKind.Added, b[start + y], null, start + y + 1));
                y++;
            }
        }
    }
}
