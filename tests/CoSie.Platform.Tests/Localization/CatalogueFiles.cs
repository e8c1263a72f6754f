using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CoSie.Platform.Tests.Localization;

// The keys the code uses, found where they are written, and the catalogue's files as translators edit them.
internal static partial class CatalogueFiles
{
    public sealed record Entry(string Key, string Value, string? Comment);

    // Where a catalogue key is written: a localizer's indexer, an attribute's message or display name, or
    // Catalogue.Key for a text looked up later. A key built at run time would escape this, so there are none.
    [GeneratedRegex("""\b(?:L|_?localizer|Localizer)\[\s*"((?:[^"\\\n]|\\.)*)"|\bErrorMessage\s*=\s*"((?:[^"\\\n]|\\.)*)"|\bDisplay\(\s*Name\s*=\s*"((?:[^"\\\n]|\\.)*)"|\b(?:Prompt|Description)\s*=\s*"((?:[^"\\\n]|\\.)*)"|\bCatalogue\.Key\(\s*"((?:[^"\\\n]|\\.)*)"|\bL\.GetString\(\s*"((?:[^"\\\n]|\\.)*)"|\bPlurals\.Forms\(\s*"((?:[^"\\\n]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex KeySite();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escape();

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KeysInCode()
    {
        var sites = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceTree.Web, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(SourceTree.Web, file).Replace('\\', '/');
            foreach (Match match in KeySite().Matches(text))
            {
                var literal = match.Groups.Values.Skip(1).First(g => g.Success).Value;
                var key = Escape().Replace(literal, m => m.Groups[1].Value switch { "n" => "\n", "t" => "\t", var c => c });
                if (!sites.TryGetValue(key, out var list))
                {
                    sites[key] = list = [];
                }
                list.Add(relative);
            }
        }
        return sites.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value.Distinct().ToList(), StringComparer.Ordinal);
    }

    public static string PathOf(string? language) =>
        Path.Combine(SourceTree.Catalogue, language is null ? "Strings.resx" : $"Strings.{language}.resx");

    public static IReadOnlyList<Entry> Read(string? language) =>
        XDocument.Load(PathOf(language)).Root!.Elements("data")
            .Select(d => new Entry((string)d.Attribute("name")!, (string?)d.Element("value") ?? string.Empty, (string?)d.Element("comment")))
            .ToList();
}
