using System.Globalization;
using System.Text;
using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Tests.Courses.Import;

// Every refusal, and every phrase set into one (what was found, which page, where in it), comes from the catalogue:
// read in the pseudo-language, none of the English is left, while the file's own values and the line stay.
public sealed class ImportRefusalLanguageTests
{
    public static TheoryData<string, string, string, string> Refusals() => new()
    {
        { "page.json", "42", "a number", "Expected a WordPress page" },
        { "pages.json", "[{\"id\": 1}]", "an object without", "element #1 of 1" },
        { "page.json", "{\"type\": \"attachment\", \"title\": {\"rendered\": \"A\"}, \"content\": {\"rendered\": \"x\"}}", "not course content", "of type" },
        { "module.md", "---\ntitle: T\nsummary:\n  - a\n---\nBody\n", "a list", "“summary” on line 3" },
        { "module.md", "---\ntitle: T\n\n# Body\n", "never closed", "line 1" },
        { "module.md", "Text without a heading.\n", "has no title", "# Title" },
        { "page.json", WordPressJsonText("Deep", "<p>Intro</p>\n" + HostileImports.Repeat("<div>", 100)), "nests its elements", "Page #1 of 1" },
        { "page.json", WordPressJsonText("Deep", "<p>Intro</p>\n" + HostileImports.Repeat("<div>", 100)), "of its content", "line 2, column" },
        { "page.json", WordPressJsonText("Empty", "<p></p>"), "has no content after cleaning", "Page #1" },
        { "module.docx", "x", "cannot be imported", "Files of type" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_is_worded_in_the_readers_language(string fileName, string content, string english, string english2)
    {
        var message = InPseudoLanguage(() => Importers.Create().Parse(fileName, Encoding.UTF8.GetBytes(content)).Error!.Message);

        Assert.StartsWith("[", message, StringComparison.Ordinal);
        Assert.DoesNotContain(english, message, StringComparison.Ordinal);
        Assert.DoesNotContain(english2, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_refusal_keeps_the_values_and_the_place()
    {
        var error = InPseudoLanguage(() => Importers.Create().Parse("module.md", Encoding.UTF8.GetBytes("---\ntitle: T\nprompts:\n  a: b\n---\nBody\n")).Error!);

        Assert.Contains("prompts", error.Message, StringComparison.Ordinal);
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    private static string WordPressJsonText(string title, string html) => Encoding.UTF8.GetString(WordPressJson.Page(title, html));

    private static T InPseudoLanguage<T>(Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(PlatformLanguages.Pseudo);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
