using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CoSie.Platform.Tests;

internal static class MarkupAssert
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup", "a", "ul", "ol", "li",
        "blockquote", "figure", "figcaption", "img", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "hr",
        "br", "abbr", "cite", "q", "dl", "dt", "dd",
    };

    private static readonly Dictionary<string, string[]> AllowedAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href", "title", "rel"],
        ["img"] = ["src", "alt", "width", "height"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan"],
        ["abbr"] = ["title"],
    };

    private static readonly string[] AllowedSchemes = ["HTTP", "HTTPS", "MAILTO"];

    // Text is escaped on output, so "<" in the serialized HTML can only start a real tag.
    private static readonly string[] ForbiddenTags =
    [
        "<script", "<iframe", "<object", "<embed", "<form", "<input", "<button", "<svg", "<math", "<meta", "<base",
        "<style", "<link", "<textarea", "<template", "<noscript", "<video", "<source", "<div", "<span",
    ];

    private static readonly string[] ForbiddenInAttributes =
    [
        "javascript", "vbscript", "data:", "alert", "expression(", "url(",
    ];

    public static void OnlyAllowedMarkup(string html)
    {
        foreach (var tag in ForbiddenTags)
        {
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        }

        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        foreach (var element in document.Body.Descendants<IElement>())
        {
            Assert.Contains(element.LocalName, AllowedTags);
            var allowed = AllowedAttributes.TryGetValue(element.LocalName, out var names) ? names : [];
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, allowed);
                foreach (var fragment in ForbiddenInAttributes)
                {
                    Assert.DoesNotContain(fragment, attribute.Value, StringComparison.OrdinalIgnoreCase);
                }

                if (attribute.Name is "href" or "src")
                {
                    AssertSafeUrl(attribute.Value);
                }
            }
        }
    }

    private static void AssertSafeUrl(string value)
    {
        var trimmed = value.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var firstSeparator = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstSeparator < 0 || colon < firstSeparator);
        if (hasScheme)
        {
            Assert.Contains(trimmed[..colon].ToUpperInvariant(), AllowedSchemes);
        }
    }
}
