using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Portal.Web;

namespace Portal.Components.Tests.Shared;

/// <summary>Every English text the portal shows through T["…"] (or as a validation message) has a French translation.</summary>
public class TranslationTests
{
    [Fact]
    public void Every_text_key_in_the_sources_has_a_French_translation()
    {
        var french = new ResourceManager("Portal.Web.Resources.UserText", typeof(UserText).Assembly)
            .GetResourceSet(CultureInfo.GetCultureInfo("fr"), createIfNotExists: true, tryParents: false);
        Assert.NotNull(french);

        var missing = KeysInSources().Where(key => french!.GetString(key) is null).ToList();

        Assert.True(missing.Count == 0, "No French translation in Resources/UserText.fr.resx for:\n" + string.Join("\n", missing));
    }

    private static IEnumerable<string> KeysInSources()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Portal.Web");
        var files = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        var key = new Regex("""(?:T\[|ErrorMessage = )"((?:[^"\\]|\\.)*)" """.TrimEnd());
        return files.SelectMany(f => key.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .Distinct().Order();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
