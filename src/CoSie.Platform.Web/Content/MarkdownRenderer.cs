using Markdig;

namespace CoSie.Platform.Web.Content;

public sealed class MarkdownRenderer(HtmlContentSanitizer sanitizer)
{
    public const string PostLinkRel = "nofollow ugc noopener";

    // Markdig pipelines are immutable once built and safe to share between threads.
    private static readonly MarkdownPipeline ModulePipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    private static readonly MarkdownPipeline PostPipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .DisableHtml()
        .Build();

    public string RenderModule(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        return sanitizer.Sanitize(ModuleHtml(markdown));
    }

    // A module's Markdown as HTML before sanitizing, for callers that bound the HTML first (imports).
    public static string ModuleHtml(string markdown) => Markdown.ToHtml(markdown, ModulePipeline);

    public string RenderPost(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = HtmlFragments.Parse(Markdown.ToHtml(markdown, PostPipeline));
        var body = HtmlFragments.Body(document);

        // Posts are conversation, not layout: headings become bold paragraphs and images their alt text.
        foreach (var element in body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList())
        {
            var paragraph = document.CreateElement("p");
            var strong = document.CreateElement("strong");
            while (element.FirstChild is { } child)
            {
                strong.AppendChild(child);
            }

            paragraph.AppendChild(strong);
            element.Replace(paragraph);
        }

        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            var alt = image.GetAttribute("alt");
            if (string.IsNullOrWhiteSpace(alt))
            {
                image.Remove();
            }
            else
            {
                image.Replace(document.CreateTextNode(alt));
            }
        }

        return sanitizer.Sanitize(HtmlFragments.Serialize(body), PostLinkRel);
    }

    // A post's words without markup, for excerpts that are encoded again wherever they are shown (digest mail):
    // Markdig's plain-text writer with the post pipeline, without the sanitizer's cost of a full HTML round trip.
    public static string PostPlainText(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Markdown.ToPlainText(markdown, PostPipeline);

    public string ToPlainText(string markdown)
    {
        var html = RenderModule(markdown);
        if (html.Length == 0)
        {
            return html;
        }

        var document = HtmlFragments.Parse(html);
        return HtmlFragments.PlainText(HtmlFragments.Body(document));
    }
}
