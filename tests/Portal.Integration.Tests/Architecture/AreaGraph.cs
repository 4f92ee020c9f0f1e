namespace Portal.Integration.Tests.Architecture;

/// <summary>
/// STYLE "Portal's shape": two folders never import each other. An area is Data, the root of Shared, each folder under
/// Shared, or each folder under Features; the root of Portal.Web (Program, App, Routes, the UserText marker) is the host
/// that puts them together, not an area.
/// </summary>
public static class AreaGraph
{
    private const string Root = "Portal.Web";

    /// <summary>The area a namespace of Portal.Web belongs to; null for the host's root and for other assemblies.</summary>
    public static string? AreaOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        var parts = ns[(Root.Length + 1)..].Split('.');
        return parts switch
        {
            ["Data", ..] => "Data",
            ["Shared"] => "Shared",
            ["Shared", var folder, ..] => "Shared/" + folder,
            ["Features", var area, ..] => "Features/" + area,
            _ => null,
        };
    }

    /// <summary>
    /// Every set of areas that reach each other through their uses (Tarjan's strongly connected components of more
    /// than one area), each sorted, in a stable order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string area)
        {
            index[area] = low[area] = index.Count;
            stack.Push(area);
            onStack.Add(area);
            foreach (var next in uses.GetValueOrDefault(area) ?? new HashSet<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[area] = Math.Min(low[area], low[next]);
                }
                else if (onStack.Contains(next)) low[area] = Math.Min(low[area], index[next]);
            }
            if (low[area] != index[area]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != area);
            if (component.Count > 1) cycles.Add(component.Order(StringComparer.Ordinal).ToList());
        }

        foreach (var area in uses.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(area)) Visit(area);
        return cycles.OrderBy(c => c[0], StringComparer.Ordinal).ToList();
    }
}
