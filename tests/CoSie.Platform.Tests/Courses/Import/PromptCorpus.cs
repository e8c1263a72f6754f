using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoSie.Platform.Tests.Courses.Import;

// The corpus of real course pages (Corpus/README.md) and how its expected prompts are compared with detected ones.
internal static class PromptCorpus
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Courses", "Import", "Corpus");

    public static IReadOnlyList<CorpusPage> Pages { get; } = Load();

    public static byte[] Read(CorpusPage page) => File.ReadAllBytes(Path.Combine(Folder, "pages", page.File));

    // The importer reads a Markdown page's title from front matter; the corpus keeps pages as published, so the
    // file name stands in for it.
    public static (string FileName, byte[] Content) AsUpload(CorpusPage page)
    {
        var content = Read(page);
        if (!page.File.EndsWith(".md", StringComparison.Ordinal))
        {
            return (page.File, content);
        }

        var frontMatter = Encoding.UTF8.GetBytes($"---\ntitle: \"{Path.GetFileNameWithoutExtension(page.File)}\"\n---\n");
        return (page.File, [.. frontMatter, .. content]);
    }

    // Case, spacing, punctuation, emoji and markup do not count; a detected prompt matches an expected one when either
    // contains the other, since a page may wrap its question in a sentence of context.
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture))
        {
            builder.Append(char.IsLetterOrDigit(character) ? character : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static PageScore Score(IReadOnlyList<string> expected, IReadOnlyList<string> detected)
    {
        var unmatched = detected.Select(Normalize).ToList();
        var taken = new bool[unmatched.Count];
        var missed = new List<string>();
        foreach (var prompt in expected)
        {
            var wanted = Normalize(prompt);
            var match = Enumerable.Range(0, unmatched.Count).FirstOrDefault(
                index => !taken[index] && unmatched[index].Length > 0 && wanted.Length > 0
                    && (unmatched[index].Contains(wanted, StringComparison.Ordinal) || wanted.Contains(unmatched[index], StringComparison.Ordinal)),
                -1);

            if (match < 0)
            {
                missed.Add(prompt);
            }
            else
            {
                taken[match] = true;
            }
        }

        var extra = detected.Where((_, index) => !taken[index]).ToList();
        return new PageScore(expected.Count - missed.Count, detected.Count, expected.Count, missed, extra);
    }

    private static List<CorpusPage> Load()
    {
        using var stream = File.OpenRead(Path.Combine(Folder, "manifest.json"));
        var manifest = JsonSerializer.Deserialize<Manifest>(stream, JsonOptions)!;
        return manifest.Pages;
    }

    private sealed record Manifest([property: JsonPropertyName("pages")] List<CorpusPage> Pages);
}

internal sealed record CorpusPage(string File, string Language, string Licence, List<string> Expected);

internal sealed record PageScore(int Matched, int Detected, int Expected, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra);
