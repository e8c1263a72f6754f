namespace CoSie.Platform.Web.Features.Courses.Import;

// One linear pass over raw HTML that counts its elements and follows how deeply they nest, the way a browser would
// for the markup imports carry, without building a tree. It runs before the HTML parser and the sanitizer, whose cost
// grows faster than the input (deeply nested or very many elements took over 20 seconds), so a hostile page is
// refused before any of that work starts.
internal static class HtmlNestingScan
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    // Their content is text up to their own end tag, never elements.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    // Elements whose end tag may be left out: a new one closes the open one (<li>a<li>b), with whatever it still holds
    // open, as long as no element of its scope (the list, the table) lies between them, as browsers do.
    private static readonly Dictionary<string, (string[] Siblings, string[] Scope)> ClosedBySibling = new(StringComparer.Ordinal)
    {
        ["li"] = (["li"], ["ul", "ol", "menu"]),
        ["dt"] = (["dt", "dd"], ["dl"]),
        ["dd"] = (["dt", "dd"], ["dl"]),
        ["tr"] = (["tr"], ["table", "thead", "tbody", "tfoot"]),
        ["td"] = (["td", "th"], ["tr", "table"]),
        ["th"] = (["td", "th"], ["tr", "table"]),
        ["thead"] = (["thead", "tbody", "tfoot"], ["table"]),
        ["tbody"] = (["thead", "tbody", "tfoot"], ["table"]),
        ["tfoot"] = (["thead", "tbody", "tfoot"], ["table"]),
        ["option"] = (["option"], ["select", "datalist", "optgroup"]),
    };

    // A block start tag closes an open paragraph.
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre",
        "section", "table", "ul",
    };

    // Stops at the first element past maxDepth, or at the element that brings the count past elementBudget.
    public static HtmlNestingResult Scan(string html, int maxDepth, int elementBudget)
    {
        var open = new List<string>();
        var elements = 0;
        var index = 0;
        while ((index = html.IndexOf('<', index)) >= 0)
        {
            if (index + 1 >= html.Length)
            {
                break;
            }
            var next = html[index + 1];
            if (next == '!')
            {
                index = SkipPast(html, index, html.AsSpan(index).StartsWith("<!--", StringComparison.Ordinal) ? "-->" : ">");
                continue;
            }
            if (next == '/')
            {
                var (endName, afterEnd) = ReadName(html, index + 2);
                index = SkipPast(html, afterEnd, ">");
                var at = open.LastIndexOf(endName);
                if (endName.Length > 0 && at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                index++;
                continue;
            }
            var start = index;
            var (name, afterName) = ReadName(html, index + 1);
            index = SkipTag(html, afterName);
            elements++;
            if (elements > elementBudget)
            {
                return new HtmlNestingResult(elements, open.Count, HtmlNestingProblem.TooManyElements, start, name);
            }
            // "/>" closes an element only inside SVG and MathML; in HTML a <div/> stays open, as in browsers.
            if (VoidElements.Contains(name) || (html[index - 2] == '/' && IsForeign(name, open)))
            {
                continue;
            }
            if (RawTextElements.Contains(name))
            {
                index = SkipPast(html, index, "</" + name);
                continue;
            }
            if ((ClosesParagraph.Contains(name) || ClosedBySibling.ContainsKey(name)) && open.Count > 0 && open[^1] == "p")
            {
                open.RemoveAt(open.Count - 1);
            }
            if (ClosedBySibling.TryGetValue(name, out var rule))
            {
                CloseOpenSibling(open, rule.Siblings, rule.Scope);
            }
            open.Add(name);
            if (open.Count > maxDepth)
            {
                return new HtmlNestingResult(elements, open.Count, HtmlNestingProblem.TooDeep, start, name);
            }
        }
        return new HtmlNestingResult(elements, 0, HtmlNestingProblem.None, -1, string.Empty);
    }

    private static void CloseOpenSibling(List<string> open, string[] siblings, string[] scope)
    {
        for (var at = open.Count - 1; at >= 0 && !scope.Contains(open[at]); at--)
        {
            if (siblings.Contains(open[at]))
            {
                open.RemoveRange(at, open.Count - at);
                return;
            }
        }
    }

    private static bool IsForeign(string name, List<string> open) =>
        name is "svg" or "math" || open.Contains("svg") || open.Contains("math");

    private static (string Name, int After) ReadName(string html, int index)
    {
        var end = index;
        while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] is not ('>' or '/'))
        {
            end++;
        }
        return (html[index..end].ToLowerInvariant(), end);
    }

    // Past the tag's closing '>', skipping quoted attribute values that may contain one.
    private static int SkipTag(string html, int index)
    {
        char? quote = null;
        for (; index < html.Length; index++)
        {
            var c = html[index];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return index + 1;
            }
        }
        return html.Length;
    }

    private static int SkipPast(string html, int index, string marker)
    {
        var found = html.IndexOf(marker, index, StringComparison.OrdinalIgnoreCase);
        return found < 0 ? html.Length : found + marker.Length;
    }
}
