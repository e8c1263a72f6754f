using System.Text;

namespace CoSie.Platform.Tests.Courses.Import;

// Files built to make a parser work far longer than their size suggests: deep nesting of every kind of container,
// unclosed tags, and very many elements. Each comes with the words its refusal must contain, which name the limit.
internal static class HostileImports
{
    public const int Deep = 2_000;

    public static TheoryData<string, string, byte[], string> Refused()
    {
        var cases = new TheoryData<string, string, byte[], string>();
        foreach (var (name, html) in DeepHtml())
        {
            cases.Add(name, "page.json", WordPressJson.Page("Deep", html), "Page #1 of 1 nests its elements more than 64 deep");
        }
        cases.Add("many paragraphs", "page.json", WordPressJson.Page("Long", Repeat("<p>x</p>", 20_000)), "more than 10,000 HTML elements");
        cases.Add("many pages", "pages.json", WordPressJson.Collection([.. Enumerable.Range(0, 6_000).Select(i => WordPressJson.PageObject($"P{i}", "<p>a</p><p>b</p>", $"p{i}", id: i))]), "more than 10,000 HTML elements");
        cases.Add("deep json arrays", "page.json", Encoding.UTF8.GetBytes(Repeat("[", 100_000) + Repeat("]", 100_000)), "nests JSON arrays and objects more than 64 deep (line 1, position 65)");
        cases.Add("deep json objects", "page.json", Encoding.UTF8.GetBytes(Repeat("{\"a\":", 10_000) + "1" + Repeat("}", 10_000)), "nests JSON arrays and objects more than 64 deep");
        cases.Add("markdown quotes", "module.md", Markdown(Repeat(">", 100) + " deep\n"), "The Markdown file nests its elements more than 64 deep");
        cases.Add("markdown quotes past markdown's own bound", "module.md", Markdown(Repeat(">", Deep) + " deep\n"), "The Markdown file nests quotes, lists or emphasis far more than 64 deep");
        cases.Add("markdown lists", "module.md", Markdown(string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "- item\n"))), "The Markdown file nests its elements more than 64 deep");
        cases.Add("markdown mixed quotes and lists", "module.md", Markdown(Repeat("> - ", 30) + "x\n"), "The Markdown file nests its elements more than 64 deep");
        cases.Add("front matter lists", "module.md", Encoding.UTF8.GetBytes("---\ntitle: T\nprompts: " + Repeat("[", Deep) + Repeat("]", Deep) + "\n---\nText\n"), "The front matter nests lists or “key: value” pairs more than 64 deep (line 3)");
        return cases;
    }

    // The same nesting in the shapes real markup takes, each deeper than any page needs.
    public static IEnumerable<(string Name, string Html)> DeepHtml()
    {
        yield return ("unclosed divs", Repeat("<div>", Deep) + "deep");
        yield return ("closed divs", Repeat("<div>", Deep) + "deep" + Repeat("</div>", Deep));
        yield return ("self-closing divs", Repeat("<div/>", Deep) + "deep");
        yield return ("blockquotes", Repeat("<blockquote>", Deep) + "deep");
        yield return ("lists", Repeat("<ul><li>", Deep) + "deep");
        yield return ("ordered lists with closed items", Repeat("<ol><li>", Deep) + "deep" + Repeat("</li></ol>", Deep));
        yield return ("tables", Repeat("<table><tr><td>", Deep) + "deep");
        yield return ("inline formatting", Repeat("<b><i>", Deep) + "deep");
        yield return ("sections with attributes", Repeat("<section class=\"a>b\">", Deep) + "deep");
    }

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static byte[] Markdown(string body) => Encoding.UTF8.GetBytes("# Deep\n\n" + body);
}
