using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Tests.Content;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new(new HtmlContentSanitizer());

    [Fact]
    public void Post_does_not_pass_raw_html_through()
    {
        var output = renderer.RenderPost("Hello <script>alert(1)</script> <b onclick=\"x()\">bold</b>");

        Assert.DoesNotContain("<script", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b", output, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", output, StringComparison.Ordinal);
        MarkupAssert.OnlyAllowedMarkup(output.Replace("alert(1)", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Post_keeps_emphasis_lists_links_quotes_and_code()
    {
        var output = renderer.RenderPost(
            "**bold** and _italic_ and ~~gone~~\n\n- one\n- two\n\n1. first\n\n> quoted\n\n`inline`\n\n[site](https://example.org/page)");

        Assert.Contains("<strong>bold</strong>", output, StringComparison.Ordinal);
        Assert.Contains("<em>italic</em>", output, StringComparison.Ordinal);
        Assert.Contains("<s>gone</s>", output, StringComparison.Ordinal);
        Assert.Contains("<ul>", output, StringComparison.Ordinal);
        Assert.Contains("<ol>", output, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", output, StringComparison.Ordinal);
        Assert.Contains("<code>inline</code>", output, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/page\" rel=\"nofollow ugc noopener\">site</a>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_auto_links_get_nofollow_ugc()
    {
        var output = renderer.RenderPost("see https://example.org/x");

        Assert.Contains("<a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_has_no_images_or_headings()
    {
        var output = renderer.RenderPost("# Big\n\nSetext\n---\n\n![a chart](https://example.org/chart.png)");

        Assert.DoesNotContain("<img", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<h", output, StringComparison.Ordinal);
        Assert.Contains("<p><strong>Big</strong></p>", output, StringComparison.Ordinal);
        Assert.Contains("a chart", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_javascript_links_are_neutralised()
    {
        var output = renderer.RenderPost("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1))");

        Assert.DoesNotContain("javascript", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Module_keeps_headings_images_and_tables()
    {
        var output = renderer.RenderModule(
            "# Top\n\n## Section\n\n![A chart](https://example.org/chart.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Assert.Contains("<h2>Top</h2>", output, StringComparison.Ordinal);
        Assert.Contains("<h2>Section</h2>", output, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://example.org/chart.png\" alt=\"A chart\">", output, StringComparison.Ordinal);
        Assert.Contains("<table>", output, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_raw_html_is_rendered_then_sanitized()
    {
        var output = renderer.RenderModule(
            "Intro\n\n<div class=\"box\"><p style=\"color:red\">Inside</p><iframe src=\"https://evil.example\"></iframe></div>\n\nAfter <span onclick=\"x()\">span</span>");

        Assert.Contains("<p>Inside</p>", output, StringComparison.Ordinal);
        Assert.Contains("After span", output, StringComparison.Ordinal);
        MarkupAssert.OnlyAllowedMarkup(output);
    }

    [Fact]
    public void Plain_text_drops_markup()
    {
        var text = renderer.ToPlainText("# Title\n\nSome **bold** text with [a link](https://example.org).\n\n- item <script>x()</script>");

        Assert.Equal("Title Some bold text with a link. item", text);
    }
}
