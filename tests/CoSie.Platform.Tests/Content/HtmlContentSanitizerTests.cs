using System.Text.Json;
using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Tests.Content;

public sealed class HtmlContentSanitizerTests
{
    private readonly HtmlContentSanitizer sanitizer = new();

    public static TheoryData<string> Payloads() => XssCorpus.All();

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Nothing_executable_survives(string payload)
    {
        var output = sanitizer.Sanitize("<p>Before</p>" + payload + "<p>After</p>");

        MarkupAssert.OnlyAllowedMarkup(output);
        Assert.StartsWith("<p>Before</p>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_style_and_embedded_content_is_dropped_with_its_text()
    {
        var output = sanitizer.Sanitize(
            "<p>a</p><script>alert(1)</script><style>p{color:red}</style><iframe>frame text</iframe><svg><text>svg text</text></svg>" +
            "<form><label>Name</label><input value=\"v\"><button>Send</button></form><template><p>hidden</p></template><p>b</p>");

        Assert.Equal("<p>a</p>\n<p>b</p>", output);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Sanitizing_twice_changes_nothing(string payload)
    {
        var once = sanitizer.Sanitize("<p>Text</p>" + payload);

        Assert.Equal(once, sanitizer.Sanitize(once));
    }

    [Fact]
    public void Seed_content_is_idempotent()
    {
        using var seed = JsonDocument.Parse(TestAssets.Seed());
        var html = seed.RootElement.GetProperty("content").GetProperty("rendered").GetString()!;

        var once = sanitizer.Sanitize(html);

        Assert.Equal(once, sanitizer.Sanitize(once));
        MarkupAssert.OnlyAllowedMarkup(once);
    }

    [Fact]
    public void Course_content_markup_is_kept()
    {
        const string html =
            "<h2>Heading</h2><p><strong>s</strong> <em>e</em> <b>b</b> <i>i</i> <u>u</u> <s>x</s> H<sub>2</sub>O x<sup>2</sup> " +
            "<code>c</code> <abbr title=\"World Health Organization\">WHO</abbr> <cite>Cite</cite> <q>Quote</q><br>next</p>" +
            "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quoted</p></blockquote>" +
            "<figure><img src=\"https://example.org/a.png\" alt=\"A\" width=\"10\" height=\"20\"><figcaption>Caption</figcaption></figure>" +
            "<table><thead><tr><th colspan=\"2\">Head</th></tr></thead><tbody><tr><td rowspan=\"2\">1</td><td>2</td></tr></tbody></table>" +
            "<pre><code>code</code></pre><hr><dl><dt>term</dt><dd>definition</dd></dl>";

        var output = sanitizer.Sanitize(html);

        Assert.Equal(html.Replace("><", ">\n<", StringComparison.Ordinal), output.Replace("><", ">\n<", StringComparison.Ordinal));
    }

    [Fact]
    public void H1_is_demoted_to_h2()
    {
        Assert.Equal("<h2>Title</h2>", sanitizer.Sanitize("<h1 id=\"t\">Title</h1>"));
    }

    [Fact]
    public void Links_are_forced_safe()
    {
        var output = sanitizer.Sanitize("<p><a href=\"https://example.org\" target=\"_blank\" rel=\"opener\">x</a></p>");

        Assert.Equal("<p><a href=\"https://example.org\" rel=\"noopener noreferrer\">x</a></p>", output);
    }

    [Fact]
    public void Mailto_and_relative_urls_are_allowed()
    {
        var output = sanitizer.Sanitize("<p><a href=\"mailto:a@example.org\">mail</a> <a href=\"/courses/x\">rel</a> <img src=\"images/a.png\" alt=\"\"></p>");

        Assert.Contains("href=\"mailto:a@example.org\"", output, StringComparison.Ordinal);
        Assert.Contains("href=\"/courses/x\"", output, StringComparison.Ordinal);
        Assert.Contains("<img src=\"images/a.png\" alt=\"\">", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_need_a_web_url()
    {
        Assert.Equal(string.Empty, sanitizer.Sanitize("<img src=\"mailto:a@example.org\"><img src=\"ftp://example.org/a.png\">"));
    }

    [Fact]
    public void Class_style_and_wordpress_wrappers_are_removed()
    {
        var output = sanitizer.Sanitize(
            "<div class=\"wp-block-columns\"><div class=\"wp-block-column\" style=\"flex-basis:50%\">" +
            "<p class=\"has-text-color\" style=\"color:red\">Text</p><span style=\"font-weight:bold\">loose</span></div></div>");

        Assert.Equal("<p>Text</p>\n<p>loose</p>", output);
    }

    [Fact]
    public void Empty_paragraphs_are_dropped()
    {
        Assert.Equal("<p>Kept</p>", sanitizer.Sanitize("<p></p><p>&nbsp;</p><p> <br> </p><p>Kept</p><p>\u200B</p>"));
    }

    [Fact]
    public void Typographic_characters_stay_characters()
    {
        var output = sanitizer.Sanitize("<p>a&nbsp;&#8211;&nbsp;&lsquo;b&rsquo; &amp; &lt;c&gt;</p>");

        Assert.Equal("<p>a\u00A0–\u00A0‘b’ &amp; &lt;c&gt;</p>", output);
    }

    [Fact]
    public void Strike_and_insert_become_allowed_equivalents()
    {
        Assert.Equal("<p><s>old</s> <u>new</u></p>", sanitizer.Sanitize("<p><del>old</del> <ins>new</ins></p>"));
    }

    [Fact]
    public void Inline_mode_keeps_only_phrasing_content()
    {
        var output = sanitizer.SanitizeInline("<p>Smith <em>Title</em>. <a href=\"https://doi.org/10.1/x\">doi</a></p><ul><li>more</li></ul>");

        Assert.Equal("Smith <em>Title</em>. <a href=\"https://doi.org/10.1/x\" rel=\"noopener noreferrer\">doi</a> more", output);
    }

    [Fact]
    public void Sanitizer_is_safe_to_share_between_threads()
    {
        using var seed = JsonDocument.Parse(TestAssets.Seed());
        var html = seed.RootElement.GetProperty("content").GetProperty("rendered").GetString()!;
        var expected = sanitizer.Sanitize(html);

        var results = new string[8];
        Parallel.For(0, results.Length, index => results[index] = sanitizer.Sanitize(html));

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}
