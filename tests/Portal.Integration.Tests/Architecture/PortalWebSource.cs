using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Portal.Integration.Tests.Architecture;

/// <summary>
/// Portal.Web as the compiler sees it: its .cs files, and the C# that its build's source generators wrote (Razor's for
/// every .razor file, EmitCompilerGeneratedFiles in Portal.Web.csproj), bound against the assemblies it references.
/// </summary>
public static class PortalWebSource
{
    public static string ProjectFolder { get; } = Path.Combine(RepositoryRoot(), "src", "Portal.Web");

    public static CSharpCompilation Compile()
    {
        var trees = new List<SyntaxTree>();
        foreach (var file in CSharpFiles(ProjectFolder)) trees.Add(Parse(file));

        // The build this test runs beside (bin/Debug/... -> obj/Debug/...) wrote the generated C# and the global usings.
        var intermediate = Path.Combine(ProjectFolder, "obj", Configuration(), "net10.0");
        foreach (var file in Directory.EnumerateFiles(intermediate, "*.cs")) trees.Add(Parse(file));
        var generated = Path.Combine(intermediate, "generated");
        Assert.True(Directory.Exists(generated), $"No generated sources in {generated}: build Portal.Web first (EmitCompilerGeneratedFiles).");
        foreach (var file in Directory.EnumerateFiles(generated, "*.cs", SearchOption.AllDirectories))
            if (!IsStaleRazorOutput(generated, file)) trees.Add(Parse(file));

        return CSharpCompilation.Create("Portal.Web", trees, References(),
            // Nullable analysis only adds warnings, and is the slowest part of binding: off, the names bind the same.
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable));
    }

    /// <summary>Sources written as a test, compiled with the same references: the check must catch what it is meant to.</summary>
    public static CSharpCompilation CompileSnippets(params string[] sources) =>
        CSharpCompilation.Create("Snippets", sources.Select(s => CSharpSyntaxTree.ParseText(s)), References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Every .cs file of the project, without bin and obj.</summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"));

    private static SyntaxTree Parse(string file) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Preview), file);

    // A component moved or deleted since an earlier build leaves its generated file behind: its .razor is gone.
    private static bool IsStaleRazorOutput(string generated, string file)
    {
        var relative = Path.GetRelativePath(generated, file).Split(Path.DirectorySeparatorChar);
        if (relative[0] != "Microsoft.CodeAnalysis.Razor.Compiler" || !file.EndsWith("_razor.g.cs", StringComparison.Ordinal)) return false;
        var razor = Path.Combine([ProjectFolder, .. relative[2..^1], relative[^1][..^"_razor.g.cs".Length] + ".razor"]);
        return !File.Exists(razor);
    }

    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(beside)
            .Where(path => Path.GetFileName(path) is not ("Portal.Web.dll" or "Portal.Integration.Tests.dll"))
            .DistinctBy(Path.GetFileName)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static string Configuration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // .../bin/<Configuration>/net10.0/

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln"))) return folder.FullName;
        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
