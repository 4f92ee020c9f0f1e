using Microsoft.CodeAnalysis;

namespace Portal.Integration.Tests.Architecture;

/// <summary>STYLE "Portal's shape": two folders never import each other; namespaces follow folders.</summary>
public class AreaCycleTests
{
    [Fact]
    public void No_two_areas_of_Portal_Web_use_each_other()
    {
        var uses = AreaUses.Of(PortalWebSource.Compile());
        // An unbound name would be a use nobody sees: the reading is only sound when everything binds.
        Assert.True(uses.Errors.Count == 0, "Portal.Web did not compile for the check:\n" + string.Join("\n", uses.Errors.Take(10)));
        Assert.Contains("Data", uses.Graph["Features/Billing"]); // it did read the code

        var cycles = AreaGraph.Cycles(uses.Graph);
        Assert.True(cycles.Count == 0, "Areas that use each other:\n" + string.Join("\n", cycles.Select(c => Describe(c, uses))));
    }

    [Fact]
    public void Each_file_has_the_namespace_of_its_folder()
    {
        // The areas are read from namespaces: a file whose namespace is not its folder's would hide in another area.
        var wrong = new List<string>();
        foreach (var file in PortalWebSource.CSharpFiles(PortalWebSource.ProjectFolder))
        {
            var relative = Path.GetRelativePath(PortalWebSource.ProjectFolder, file);
            var folder = Path.GetDirectoryName(relative)!;
            var expected = "Portal.Web" + (folder.Length == 0 ? "" : "." + folder.Replace(Path.DirectorySeparatorChar, '.'));
            var declared = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal));
            if (declared is null && relative == "Program.cs") continue; // top-level statements: the host
            if (declared?["namespace ".Length..].TrimEnd(';', ' ') != expected) wrong.Add($"{relative}: {declared} (expected {expected})");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Areas_are_Data_each_Shared_folder_and_each_feature()
    {
        Assert.Equal("Data", AreaGraph.AreaOf("Portal.Web.Data.Migrations.Sqlite"));
        Assert.Equal("Shared", AreaGraph.AreaOf("Portal.Web.Shared"));
        Assert.Equal("Shared/Access", AreaGraph.AreaOf("Portal.Web.Shared.Access"));
        Assert.Equal("Features/Terms", AreaGraph.AreaOf("Portal.Web.Features.Terms.Staff.Documents"));
        Assert.Null(AreaGraph.AreaOf("Portal.Web"));
        Assert.Null(AreaGraph.AreaOf("Portal.Domain.Billing"));
    }

    [Fact]
    public void A_cycle_in_a_small_graph_is_found_and_a_one_way_graph_has_none()
    {
        var cyclic = Graph(("A", "B"), ("B", "C"), ("C", "A"), ("D", "A"), ("E", "F"), ("F", "E"));
        Assert.Equal([["A", "B", "C"], ["E", "F"]], AreaGraph.Cycles(cyclic));

        var oneWay = Graph(("A", "B"), ("B", "C"), ("A", "C"), ("D", "A"));
        Assert.Empty(AreaGraph.Cycles(oneWay));
    }

    [Fact]
    public void Uses_through_a_parent_namespace_without_a_using_are_found()
    {
        // Data names Shared's type as "Shared.Options", which its parent namespace Portal.Web makes visible with no using;
        // Shared uses Data's through a member and a generic argument. The check must see both ways.
        var compilation = PortalWebSource.CompileSnippets(
            """
            namespace Portal.Web.Data
            {
                public sealed class Db { public Shared.Options? Options { get; set; } }
            }
            """,
            """
            using System.Collections.Generic;
            namespace Portal.Web.Shared
            {
                public sealed class Options { public int Count(List<Portal.Web.Data.Db> all) => all.Count; }
            }
            """,
            """
            namespace Portal.Web.Features.Billing
            {
                public static class Invoices { public static object Open() => new Portal.Web.Data.Db(); }
            }
            """);
        var uses = AreaUses.Of(compilation);
        Assert.Empty(uses.Errors);

        Assert.Equal([["Data", "Shared"]], AreaGraph.Cycles(uses.Graph));
        Assert.DoesNotContain("Features/Billing", uses.Graph["Data"]);
    }

    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string From, string To)[] edges) =>
        edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.To).ToHashSet());

    private static string Describe(IReadOnlyList<string> cycle, AreaUses uses) =>
        string.Join(", ", cycle) + ":\n" + string.Join("\n",
            from a in cycle
            from b in cycle
            where a != b && uses.Graph.GetValueOrDefault(a)?.Contains(b) == true
            select $"  {a} -> {b}: " + string.Join("; ", uses.Examples(a, b)));
}
