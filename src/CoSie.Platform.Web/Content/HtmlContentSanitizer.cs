using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Ganss.Xss;

namespace CoSie.Platform.Web.Content;

public sealed partial class HtmlContentSanitizer
{
    public const string DefaultLinkRel = "noopener noreferrer";

    private const int MaxPasses = 3;

    private static readonly string[] AllowedTagNames =
    [
        "p", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup", "a", "ul", "ol", "li",
        "blockquote", "figure", "figcaption", "img", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "hr",
        "br", "abbr", "cite", "q", "dl", "dt", "dd", "audio", "video",
    ];

    private static readonly HashSet<string> AllowedTags = new(AllowedTagNames, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> PhrasingTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "strong", "em", "b", "i", "u", "s", "sub", "sup", "code", "abbr", "cite", "q", "br", "img",
    };

    private static readonly HashSet<string> EmptyRemovableInlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "strong", "em", "b", "i", "u", "s", "sub", "sup", "code", "abbr", "cite", "q",
    };

    // Their content is code, styling, embedded documents or form controls: never course text worth keeping. (The importer
    // turns frames, audio and video into links or players before this runs, so their meaning is not lost here.)
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "noframes", "object", "embed",
        "applet", "param", "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
        "output", "svg", "math", "canvas", "source", "track", "meta", "base",
        "link", "title", "head", "xmp", "plaintext", "noembed", "colgroup", "col", "dialog", "portal", "slot",
    };

    private static readonly HashSet<string> BlockContainers = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "aside", "header", "footer", "main", "nav", "address", "details", "summary",
        "center", "fieldset", "legend", "hgroup", "menu", "search", "marquee",
    };

    private static readonly Dictionary<string, string[]> AttributesByTag = new(StringComparer.OrdinalIgnoreCase)
    {
        // data-embed marks a click-to-load embed (Content/EmbedProviders), data-media a file the importer copies.
        ["a"] = ["href", "title", "data-embed", "data-media"],
        // Players only of the platform's own files: their address is a path on this site.
        ["audio"] = ["src", "controls", "preload"],
        ["video"] = ["src", "controls", "preload"],
        ["img"] = ["src", "alt", "width", "height"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan"],
        ["abbr"] = ["title"],
    };

    private readonly HtmlSanitizer _sanitizer;

    public HtmlContentSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTagNames, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(
                AttributesByTag.Values.SelectMany(names => names),
                StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<CssRuleType>(),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        _sanitizer = new HtmlSanitizer(options)
        {
            // Wrapper elements (div, span, section…) are unwrapped by our own pre-pass; this is the safety net.
            KeepChildNodes = true,
        };
    }

    public string Sanitize(string html) => Sanitize(html, DefaultLinkRel);

    public string Sanitize(string html, string linkRel) => Sanitize(html, linkRel, CancellationToken.None);

    // Imports pass a token that ends when their time is up; it is checked between the steps of each pass.
    public string Sanitize(string html, CancellationToken cancellationToken) => Sanitize(html, DefaultLinkRel, cancellationToken);

    public string Sanitize(string html, string linkRel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(linkRel);
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        // The HTML parser can restructure serialized output (e.g. a block that ended up inside a <p>),
        // so passes repeat until the output is a fixed point; that is what makes Sanitize idempotent.
        var result = SanitizeOnce(html, linkRel, cancellationToken);
        for (var pass = 1; pass < MaxPasses; pass++)
        {
            var next = SanitizeOnce(result, linkRel, cancellationToken);
            if (string.Equals(next, result, StringComparison.Ordinal))
            {
                break;
            }

            result = next;
        }

        return result;
    }

    public string SanitizeInline(string html) => SanitizeInline(html, DefaultLinkRel);

    public string SanitizeInline(string html, string linkRel)
    {
        var sanitized = Sanitize(html, linkRel);
        if (sanitized.Length == 0)
        {
            return sanitized;
        }

        var document = HtmlFragments.Parse(sanitized);
        var body = HtmlFragments.Body(document);
        foreach (var element in body.Descendants<IElement>().Reverse().ToList())
        {
            if (string.Equals(element.LocalName, "img", StringComparison.OrdinalIgnoreCase)
                || string.Equals(element.LocalName, "hr", StringComparison.OrdinalIgnoreCase))
            {
                element.Remove();
            }
            else if (!PhrasingTags.Contains(element.LocalName))
            {
                element.Before(document.CreateTextNode(" "));
                element.After(document.CreateTextNode(" "));
                HtmlFragments.Unwrap(element);
            }
        }

        body.Normalize();
        foreach (var text in body.Descendants<IText>().ToList())
        {
            text.Data = AsciiWhitespaceRun().Replace(text.Data, " ");
        }

        TrimEdges(body);
        return HtmlFragments.Serialize(body);
    }

    private string SanitizeOnce(string html, string linkRel, CancellationToken cancellationToken)
    {
        var document = HtmlFragments.Parse(html);
        var body = HtmlFragments.Body(document);

        RemoveComments(body);
        PrepareStructure(document, body);
        cancellationToken.ThrowIfCancellationRequested();
        _sanitizer.SanitizeDom(document, body, string.Empty);
        cancellationToken.ThrowIfCancellationRequested();
        FinishAttributes(body, linkRel);
        RemoveEmptyElements(body);
        WrapInlineRuns(document, body);
        cancellationToken.ThrowIfCancellationRequested();
        NormalizeWhitespace(body);
        return HtmlFragments.Serialize(body);
    }

    private static void RemoveComments(IElement body)
    {
        foreach (var comment in body.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }
    }

    private static void PrepareStructure(AngleSharp.Html.Dom.IHtmlDocument document, IElement body)
    {
        foreach (var element in body.Descendants<IElement>().ToList())
        {
            if (element.Parent is null || !element.IsDescendantOf(body))
            {
                continue;
            }

            if (DroppedWithContent.Contains(element.LocalName) || element.NamespaceUri != NamespaceNames.HtmlUri)
            {
                element.Remove();
            }
        }

        // Innermost first, so a wrapper's children are already final when the wrapper itself is unwrapped.
        foreach (var element in body.Descendants<IElement>().Reverse().ToList())
        {
            var name = element.LocalName;
            if (AllowedTags.Contains(name))
            {
                continue;
            }

            switch (name)
            {
                case "h1":
                    Rename(document, element, "h2");
                    break;
                case "tfoot":
                    Rename(document, element, "tbody");
                    break;
                case "del" or "strike":
                    Rename(document, element, "s");
                    break;
                case "ins":
                    Rename(document, element, "u");
                    break;
                case "caption":
                    MoveCaptionBeforeTable(document, element);
                    break;
                default:
                    if (BlockContainers.Contains(name))
                    {
                        WrapInlineRuns(document, element);
                    }

                    HtmlFragments.Unwrap(element);
                    break;
            }
        }
    }

    private static void Rename(AngleSharp.Html.Dom.IHtmlDocument document, IElement element, string newName)
    {
        var replacement = document.CreateElement(newName);
        while (element.FirstChild is { } child)
        {
            replacement.AppendChild(child);
        }

        element.Replace(replacement);
    }

    private static void MoveCaptionBeforeTable(AngleSharp.Html.Dom.IHtmlDocument document, IElement caption)
    {
        var table = caption.Closest("table");
        if (table is null || !HtmlFragments.HasMeaningfulContent(caption))
        {
            caption.Remove();
            return;
        }

        var paragraph = document.CreateElement("p");
        while (caption.FirstChild is { } child)
        {
            paragraph.AppendChild(child);
        }

        table.Before(paragraph);
        caption.Remove();
    }

    // Unwrapping a <div>Line one</div><div>Line two</div> must not glue the lines together.
    private static void WrapInlineRuns(AngleSharp.Html.Dom.IHtmlDocument document, IElement container)
    {
        var run = new List<INode>();
        foreach (var child in container.ChildNodes.ToList())
        {
            if (HtmlFragments.IsBlock(child))
            {
                Flush(document, container, run);
                continue;
            }

            run.Add(child);
        }

        Flush(document, container, run);

        static void Flush(AngleSharp.Html.Dom.IHtmlDocument document, IElement container, List<INode> run)
        {
            // Whitespace at the edges of a run stays outside the new paragraph.
            while (run.Count > 0 && IsBlankText(run[0]))
            {
                run.RemoveAt(0);
            }

            while (run.Count > 0 && IsBlankText(run[^1]))
            {
                run.RemoveAt(run.Count - 1);
            }

            if (run.Count > 0)
            {
                var paragraph = document.CreateElement("p");
                container.InsertBefore(paragraph, run[0]);
                foreach (var node in run)
                {
                    paragraph.AppendChild(node);
                }
            }

            run.Clear();
        }
    }

    private static bool IsBlankText(INode node) =>
        node is IText text && string.IsNullOrWhiteSpace(text.Data.Replace('\u00A0', 'x'));

    private static void FinishAttributes(IElement body, string linkRel)
    {
        foreach (var element in body.Descendants<IElement>().ToList())
        {
            var allowed = AttributesByTag.TryGetValue(element.LocalName, out var names) ? names : [];
            foreach (var attribute in element.Attributes.ToList())
            {
                if (!allowed.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase)
                    || !IsAcceptableValue(element.LocalName, attribute.Name, attribute.Value))
                {
                    element.RemoveAttribute(attribute.Name);
                }
            }

            switch (element.LocalName)
            {
                case "a" when !element.HasAttribute("href"):
                    HtmlFragments.Unwrap(element);
                    break;
                case "a":
                    element.SetAttribute("rel", linkRel);
                    break;
                case "img" when !element.HasAttribute("src"):
                    element.Remove();
                    break;
                case "audio" or "video" when !element.HasAttribute("src"):
                    // A player of something that is not here: its fallback text (a link, a transcript) is what is left.
                    HtmlFragments.Unwrap(element);
                    break;
                case "audio" or "video":
                    element.SetAttribute("controls", string.Empty);
                    element.SetAttribute("preload", "metadata");
                    break;
            }

            if (element.LocalName == "a")
            {
                if (element.GetAttribute("data-embed") is { } embed && !EmbedProviders.IsEmbed(embed, element.GetAttribute("href")))
                {
                    element.RemoveAttribute("data-embed");
                }
            }
        }
    }

    private static bool IsAcceptableValue(string tag, string attribute, string value) => attribute switch
    {
        "width" or "height" => Dimension().IsMatch(value),
        "colspan" or "rowspan" => Span().IsMatch(value),
        "src" when string.Equals(tag, "img", StringComparison.OrdinalIgnoreCase) => IsImageUrl(value),
        "src" => IsSitePath(value),
        "preload" => value == "metadata",
        "data-media" => value is "audio" or "video",
        "href" or "src" => !string.IsNullOrWhiteSpace(value),
        _ => true,
    };

    // A path on this site ("/inst/media/…"), never another host ("//host", "/\\host" to some browsers) nor a scheme.
    private static bool IsSitePath(string value) =>
        value.StartsWith('/') && value.Length > 1 && value[1] is not ('/' or '\\') && !value.Contains(':', StringComparison.Ordinal);

    // HtmlSanitizer has already applied the scheme allow-list; images additionally must not be mailto: links.
    private static bool IsImageUrl(string value)
    {
        var match = UrlScheme().Match(value.Trim());
        return !match.Success
            || match.Groups[1].Value.Equals("http", StringComparison.OrdinalIgnoreCase)
            || match.Groups[1].Value.Equals("https", StringComparison.OrdinalIgnoreCase);
    }

    private static void RemoveEmptyElements(IElement body)
    {
        foreach (var element in body.Descendants<IElement>().Reverse().ToList())
        {
            var name = element.LocalName;
            if (name is "p" or "h2" or "h3" or "h4" or "h5" or "h6" or "figcaption"
                && !HtmlFragments.HasMeaningfulContent(element))
            {
                element.Remove();
            }
            else if (EmptyRemovableInlineTags.Contains(name) && !HtmlFragments.HasMeaningfulContent(element))
            {
                HtmlFragments.Unwrap(element);
            }
        }
    }

    private static void NormalizeWhitespace(IElement body)
    {
        // One block per line at the top level, whatever the source's spacing was.
        foreach (var block in body.Children.ToList())
        {
            if (HtmlFragments.IsBlock(block) && HtmlFragments.IsBlock(block.NextSibling))
            {
                block.After(body.Owner!.CreateTextNode("\n"));
            }
        }

        body.Normalize();
        foreach (var text in body.Descendants<IText>().ToList())
        {
            if (text.Parent is IElement parent && parent.Closest("pre") is not null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(text.Data.Replace('\u00A0', 'x'))
                && IsBlockBoundary(text.PreviousSibling)
                && IsBlockBoundary(text.NextSibling))
            {
                if (ReferenceEquals(text.Parent, body) && (text.PreviousSibling is null || text.NextSibling is null))
                {
                    text.Remove();
                }
                else
                {
                    text.Data = "\n";
                }

                continue;
            }

            // Collapsible whitespace renders the same either way; a single newline keeps Markdown exports free of blank lines.
            text.Data = NewlineRun().Replace(text.Data, "\n");
        }
    }

    private static bool IsBlockBoundary(INode? node) => node is null || HtmlFragments.IsBlock(node);

    private static void TrimEdges(IElement body)
    {
        if (body.FirstChild is IText first)
        {
            first.Data = first.Data.TrimStart(' ', '\t', '\n', '\r', '\f');
        }

        if (body.LastChild is IText last)
        {
            last.Data = last.Data.TrimEnd(' ', '\t', '\n', '\r', '\f');
        }
    }

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^\d{1,5}%?$")]
    private static partial Regex Dimension();

    [GeneratedRegex(@"^[1-9]\d{0,2}$")]
    private static partial Regex Span();

    [GeneratedRegex(@"[ \t\r\f]*\n[ \t\r\n\f]*")]
    private static partial Regex NewlineRun();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex AsciiWhitespaceRun();
}
