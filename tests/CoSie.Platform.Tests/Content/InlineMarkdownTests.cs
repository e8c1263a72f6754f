using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Tests.Content;

public sealed class InlineMarkdownTests
{
    private static readonly MarkdownRenderer Renderer = new(new HtmlContentSanitizer());

    [Fact]
    public void Emphasis_and_links_become_markdown_and_bare_addresses_stay_bare()
    {
        var markdown = InlineMarkdown.FromHtml(
            "Osborne, S.P. (2018). <em>Public Management Review,</em> 20 (2), <a href=\"https://doi.org/10.1080/14719037.2017.1350461\">https://doi.org/10.1080/14719037.2017.1350461</a> and <a href=\"https://example.org/a\">a report</a>");
        Assert.Equal(
            "Osborne, S.P. (2018). *Public Management Review,* 20 (2), https://doi.org/10.1080/14719037.2017.1350461 and [a report](https://example.org/a)",
            markdown);
    }

    [Fact]
    public void Markdown_characters_in_text_are_escaped_so_they_render_as_written()
    {
        var markdown = InlineMarkdown.FromHtml("A_b *c* [d] &lt;e&gt; &amp; f");
        var html = Renderer.RenderModule(markdown);
        Assert.Contains("A_b *c* [d] &lt;e&gt; &amp; f", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_the_markdown_again_gives_back_the_emphasis_and_the_link()
    {
        var html = Renderer.RenderModule(InlineMarkdown.FromHtml("Mulgan (2007) <em><a href=\"https://example.org/si\">Social Innovation</a>.</em> Oxford."));
        Assert.Contains("<em><a href=\"https://example.org/si\"", html, StringComparison.Ordinal);
        Assert.Contains("Social Innovation</a>.</em>", html, StringComparison.Ordinal);
    }
}
