using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Portal.Integration.Tests.Architecture;

/// <summary>
/// Which area uses which, read from the compiler's own binding of every name in the code: a using directive
/// proves nothing (it may be unused, and a child namespace sees its parents' types without one); a name that
/// binds to a type, or to a member of a type, of another area is a use, wherever it stands.
/// </summary>
public sealed class AreaUses
{
    private readonly Dictionary<string, HashSet<string>> uses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), List<string>> examples = [];

    /// <summary>What the compiler could not bind: a use it cannot see. The reading is sound only without any.</summary>
    public List<Diagnostic> Errors { get; } = [];

    public IReadOnlyDictionary<string, IReadOnlySet<string>> Graph =>
        uses.ToDictionary(u => u.Key, u => (IReadOnlySet<string>)u.Value, StringComparer.Ordinal);

    /// <summary>A few places where <paramref name="from"/> uses <paramref name="to"/>, as "file(line): symbol".</summary>
    public IReadOnlyList<string> Examples(string from, string to) => examples.GetValueOrDefault((from, to)) ?? [];

    public static AreaUses Of(Compilation compilation)
    {
        var result = new AreaUses();
        // One file at a time per core; each file's uses are gathered apart, then added in a stable order.
        var perFile = compilation.SyntaxTrees.AsParallel().AsOrdered().Select(tree => Read(compilation, tree)).ToList();
        foreach (var (errors, found) in perFile)
        {
            result.Errors.AddRange(errors);
            foreach (var (from, to, at, symbol) in found) result.Add(from, to, at, symbol);
        }
        return result;
    }

    private static (List<Diagnostic> Errors, List<(string From, string To, SyntaxNode At, ISymbol Symbol)> Uses) Read(
        Compilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        // Binds the whole file once; the names below are then read from the same model.
        var errors = model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var found = new List<(string, string, SyntaxNode, ISymbol)>();
        foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var from = AreaGraph.AreaOf(EnclosingNamespace(name));
            if (from is null) continue;
            var info = model.GetSymbolInfo(name);
            var symbols = info.Symbol is { } s ? [s] : info.CandidateSymbols;
            foreach (var symbol in symbols)
            {
                var to = AreaGraph.AreaOf(NamespaceOf(symbol));
                if (to is not null && to != from) found.Add((from, to, name, symbol));
            }
        }
        return (errors, found);
    }

    private void Add(string from, string to, SyntaxNode at, ISymbol symbol)
    {
        if (!uses.TryGetValue(from, out var targets)) uses[from] = targets = new HashSet<string>(StringComparer.Ordinal);
        targets.Add(to);
        if (!examples.TryGetValue((from, to), out var list)) examples[(from, to)] = list = [];
        if (list.Count >= 5) return;
        // Razor's generated C# maps back to the .razor line it came from.
        var span = at.GetLocation().GetMappedLineSpan();
        list.Add($"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {symbol.ToDisplayString()}");
    }

    private static string? EnclosingNamespace(SyntaxNode node) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is { } declaration
            ? string.Join('.', declaration.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(d => d.Name.ToString()))
            : null;

    /// <summary>The namespace a used symbol lives in: a type's own, a member's type's; null for namespaces and locals.</summary>
    private static string? NamespaceOf(ISymbol symbol)
    {
        var type = symbol switch
        {
            IAliasSymbol alias => alias.Target as ITypeSymbol,
            ITypeSymbol t => t,
            IMethodSymbol { MethodKind: MethodKind.ReducedExtension } m => m.ReducedFrom?.ContainingType,
            IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType,
            _ => null,
        };
        while (type is IArrayTypeSymbol or IPointerTypeSymbol)
            type = (type as IArrayTypeSymbol)?.ElementType ?? ((IPointerTypeSymbol)type).PointedAtType;
        if (type is null || type.TypeKind == TypeKind.TypeParameter) return null;
        while (type.ContainingType is { } outer) type = outer;
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
    }
}
