using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Web.Features.Courses;

// Shows each embed link of a module body (Content/EmbedProviders) as a click-to-load placeholder in the reader's
// language: what would load and from where, and a link to it. Nothing of the provider loads until the reader asks:
// without JavaScript the link opens the provider's page; with it (js/embeds) a button puts the frame in place.
public static class EmbedPlaceholders
{
    public static string Render(string bodyHtml, IStringLocalizer localizer)
    {
        if (!bodyHtml.Contains(MediaMarkup.EmbedAttribute, StringComparison.Ordinal))
        {
            return bodyHtml;
        }

        var document = HtmlFragments.Parse(bodyHtml);
        var body = HtmlFragments.Body(document);
        foreach (var link in body.QuerySelectorAll($"a[{MediaMarkup.EmbedAttribute}]").ToList())
        {
            var href = link.GetAttribute("href");
            var provider = EmbedProviders.Find(link.GetAttribute(MediaMarkup.EmbedAttribute));
            if (provider is null || !EmbedProviders.IsEmbed(provider.Key, href))
            {
                continue;
            }

            var title = HtmlFragments.CollapseWhitespace(link.TextContent);
            var placeholder = document.CreateElement("div");
            placeholder.ClassList.Add("embed");
            placeholder.SetAttribute("data-embed-src", href);
            placeholder.SetAttribute("data-embed-title", title);
            placeholder.SetAttribute("data-embed-load", localizer["Load it here"]);
            var notice = document.CreateElement("p");
            notice.TextContent = localizer[
                "{provider} content: “{title}”. Showing it here loads it from {host}, which then learns your IP address and may set cookies.",
                provider.Name, title, provider.Host];
            var open = document.CreateElement("p");
            var anchor = document.CreateElement("a");
            anchor.SetAttribute("href", href);
            anchor.SetAttribute("rel", HtmlContentSanitizer.DefaultLinkRel);
            anchor.TextContent = localizer["Open it on {host}", provider.Host];
            open.AppendChild(anchor);
            placeholder.AppendChild(notice);
            placeholder.AppendChild(open);

            // The link alone in its paragraph is replaced with the paragraph; inside running text the placeholder
            // follows that paragraph.
            var paragraph = link.ParentElement;
            if (paragraph is { LocalName: "p" } && HtmlFragments.CollapseWhitespace(paragraph.TextContent) == title && paragraph.Children.Length == 1)
            {
                paragraph.Replace(placeholder);
            }
            else
            {
                (link.Closest("p, li, td, th, blockquote, figure") ?? link).After(placeholder);
            }
        }

        return HtmlFragments.Serialize(body);
    }
}
