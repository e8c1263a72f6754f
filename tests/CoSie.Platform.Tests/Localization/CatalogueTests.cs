using System.Globalization;
using System.Resources;
using System.Security;
using System.Text;
using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Tests.Localization;

// The catalogue stays complete as the product grows: every text the code shows is in Strings.resx, every key there is
// still used, and every language translates every key with the same arguments and the plural forms it needs.
public sealed class CatalogueTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Code = CatalogueFiles.KeysInCode();
    private static readonly IReadOnlyList<CatalogueFiles.Entry> English = CatalogueFiles.Read(null);

    public static TheoryData<string> Translations() => [.. PlatformLanguages.Translated.Where(l => l != PlatformLanguages.Default)];

    [Fact]
    public void Every_text_the_code_shows_is_in_the_catalogue()
    {
        var known = English.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var missing = Code.Where(c => !known.Contains(c.Key)).ToList();
        // The message is the resx to paste, so adding a text is one copy.
        var paste = new StringBuilder();
        foreach (var (key, sites) in missing)
        {
            paste.Append("  <data name=\"").Append(SecurityElement.Escape(key)).Append("\" xml:space=\"preserve\">\n    <value>")
                .Append(SecurityElement.Escape(key)).Append("</value>\n    <comment>").Append(string.Join(", ", sites)).Append("</comment>\n  </data>\n");
        }
        Assert.True(missing.Count == 0, $"{missing.Count} texts are not in Strings.resx:\n{paste}");
    }

    [Fact]
    public void Every_key_in_the_catalogue_is_used()
    {
        var unused = English.Select(e => e.Key).Where(k => !Code.ContainsKey(k)).ToList();
        Assert.True(unused.Count == 0, $"{unused.Count} keys in Strings.resx are used nowhere:\n{string.Join("\n", unused)}");
    }

    [Fact]
    public void The_english_catalogue_says_where_each_text_appears_and_parses()
    {
        Assert.Equal(English.Count, English.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        foreach (var entry in English)
        {
            Assert.True(entry.Key == entry.Value, $"The English value of \"{entry.Key}\" differs from its key: the English text is the key.");
            Assert.False(string.IsNullOrWhiteSpace(entry.Comment), $"\"{entry.Key}\" has no comment saying where it appears.");
            _ = MessageFormat.Describe(entry.Key);
        }
    }

    // The resource compiler keeps only the first of two keys that differ in case ("Failed", "failed") and drops the other
    // with a warning, so the dropped text would show in English in every language.
    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        var clashes = English.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(e => e.Key))).ToList();
        Assert.True(clashes.Count == 0, $"{clashes.Count} keys differ only in case; reword one of each:\n{string.Join("\n", clashes)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_language_translates_every_key_and_no_other(string language)
    {
        var translated = CatalogueFiles.Read(language);
        var keys = translated.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var english = English.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var missing = english.Except(keys).ToList();
        var extra = keys.Except(english).ToList();
        Assert.True(missing.Count == 0, $"Strings.{language}.resx lacks {missing.Count} translations:\n{string.Join("\n", missing)}");
        Assert.True(extra.Count == 0, $"Strings.{language}.resx has {extra.Count} keys the English does not:\n{string.Join("\n", extra)}");
        Assert.All(translated, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"The {language} translation of \"{t.Key}\" is empty."));
    }

    // What the files say is what the running app reads: the compiled catalogue returns each key's own translation.
    [Theory]
    [MemberData(nameof(Translations))]
    public void The_compiled_catalogue_gives_every_translation(string language)
    {
        var compiled = new ResourceManager(typeof(Strings));
        var culture = CultureInfo.GetCultureInfo(language);
        var lost = CatalogueFiles.Read(language).Where(t => compiled.GetString(t.Key, culture) != t.Value).Select(t => t.Key).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} {language} texts do not reach the app:\n{string.Join("\n", lost)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_the_arguments_and_plural_forms_of_its_english(string language)
    {
        var needed = PluralRules.CategoriesOf(language).Select(PluralRules.Keyword).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var entry in CatalogueFiles.Read(language))
        {
            MessageShape shape;
            try
            {
                shape = MessageFormat.Describe(entry.Value);
            }
            catch (FormatException e)
            {
                problems.Add($"\"{entry.Key}\": {e.Message}");
                continue;
            }
            var original = MessageFormat.Describe(entry.Key);
            if (!shape.Arguments.SetEquals(original.Arguments))
            {
                problems.Add($"\"{entry.Key}\": the translation uses {{{string.Join("}, {", shape.Arguments.Order())}}}, the English {{{string.Join("}, {", original.Arguments.Order())}}}");
            }
            foreach (var (argument, selectors) in shape.PluralSelectors)
            {
                var lacking = needed.Where(n => !selectors.Contains(n)).ToList();
                if (lacking.Count > 0)
                {
                    problems.Add($"\"{entry.Key}\": the plural of {{{argument}}} lacks {string.Join(", ", lacking)}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"Strings.{language}.resx:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_translation_formats_with_sample_arguments(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        foreach (var entry in CatalogueFiles.Read(language))
        {
            var (names, arguments) = Samples(entry.Key);
            var english = MessageFormat.Format(entry.Key, culture, culture, names, arguments);
            var text = MessageFormat.Format(entry.Value, culture, culture, names, arguments);
            Assert.True(english.Contains('{', StringComparison.Ordinal) == text.Contains('{', StringComparison.Ordinal),
                $"The {language} translation of \"{entry.Key}\" shows a brace where the English does not: {text}");
        }
    }

    // An argument for each name: a number where the English counts with it, a word elsewhere. Numeric names are
    // positions (the framework's validation messages), so every position up to the highest gets one.
    private static (IReadOnlyList<string> Names, object?[] Arguments) Samples(string english)
    {
        var shape = MessageFormat.Describe(english);
        var names = MessageFormat.ArgumentNames(english);
        object? Sample(string name) => shape.PluralSelectors.ContainsKey(name) ? 2 : "x";
        if (names.Count > 0 && names.All(n => int.TryParse(n, CultureInfo.InvariantCulture, out _)))
        {
            var count = names.Max(n => int.Parse(n, CultureInfo.InvariantCulture)) + 1;
            return (names, Enumerable.Range(0, count).Select(i => Sample(i.ToString(CultureInfo.InvariantCulture))).ToArray());
        }
        return (names, names.Select(Sample).ToArray());
    }
}
