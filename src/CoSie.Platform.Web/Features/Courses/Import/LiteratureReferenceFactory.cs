using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Courses.Import;

internal static partial class LiteratureReferenceFactory
{
    public static LiteratureReference? FromHtml(string html, HtmlContentSanitizer sanitizer)
    {
        var document = HtmlFragments.Parse(html);
        var body = HtmlFragments.Body(document);
        LinkBareReferences(document, body);

        var inline = sanitizer.SanitizeInline(HtmlFragments.Serialize(body));
        var clean = HtmlFragments.Body(HtmlFragments.Parse(inline));
        var text = HtmlFragments.PlainText(clean);
        if (text.Length == 0)
        {
            return null;
        }

        var urls = clean.QuerySelectorAll("a[href]")
            .Select(anchor => anchor.GetAttribute("href")!.Trim())
            .Where(href => Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new LiteratureReference(text, inline, urls);
    }

    // References often carry a DOI or address as plain text; linking it lets learners follow it.
    private static void LinkBareReferences(IHtmlDocument document, IElement body)
    {
        foreach (var text in body.Descendants<IText>().ToList())
        {
            if (text.Parent is IElement parent && parent.Closest("a") is not null)
            {
                continue;
            }

            var matches = BareReference().Matches(text.Data);
            if (matches.Count == 0)
            {
                continue;
            }

            var data = text.Data;
            var position = 0;
            var replacement = new List<INode>();
            foreach (Match match in matches)
            {
                var (visible, href) = Describe(match);
                replacement.Add(document.CreateTextNode(data[position..match.Index]));
                var anchor = document.CreateElement("a");
                anchor.SetAttribute("href", href);
                anchor.TextContent = visible;
                replacement.Add(anchor);
                position = match.Index + visible.Length;
            }

            replacement.Add(document.CreateTextNode(data[position..]));
            text.Replace([.. replacement]);
        }
    }

    private static (string Visible, string Href) Describe(Match match)
    {
        var visible = TrimTrailingPunctuation(match.Value);
        if (match.Groups["doi"].Success)
        {
            var id = TrimTrailingPunctuation(match.Groups["doi"].Value);
            return (visible, "https://doi.org/" + id);
        }

        var url = visible.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? visible : "https://" + visible;
        return (visible, url);
    }

    private static string TrimTrailingPunctuation(string value)
    {
        var trimmed = value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', '’', '”', ']');
        while (trimmed.EndsWith(')') && trimmed.Count(c => c == ')') > trimmed.Count(c => c == '('))
        {
            trimmed = trimmed[..^1].TrimEnd('.', ',', ';', ':');
        }

        return trimmed;
    }

    [GeneratedRegex(
        @"(?:\b(?:https?://)?(?:dx\.)?doi\.org/|\bdoi:\s*|\bDOI\s+)(?<doi>10\.\d{4,9}/[^\s<>""]+)|\bhttps?://[^\s<>""]+",
        RegexOptions.IgnoreCase)]
    private static partial Regex BareReference();
}
