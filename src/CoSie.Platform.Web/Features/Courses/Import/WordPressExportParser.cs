using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Reads a whole WordPress site as Tools › Export writes it (WXR: RSS 2.0 with the wp: namespace) into module sources.
// The course is the lessons of a course plugin when the site has them, otherwise its pages, otherwise its posts; the
// rest of the file is counted, not imported. Content in the file is as its author saved it, so classic content gets the
// paragraphs WordPress would add when showing it. The XML is read without DTDs or external entities.
internal static partial class WordPressExportParser
{
    // WXR 1.0 to 1.2 name their namespace by version, over http or (WordPress.com) https.
    private static readonly string[] ExportNamespacePrefixes = ["http://wordpress.org/export/", "https://wordpress.org/export/"];
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    // Revisions and drafts WordPress made by itself, and the bin.
    private static readonly HashSet<string> NotPublishedStatuses = new(StringComparer.OrdinalIgnoreCase) { "trash", "auto-draft", "inherit" };

    public static bool LooksLikeExport(ReadOnlySpan<byte> start) =>
        start.IndexOf("wordpress.org/export/"u8) >= 0 || start.IndexOf("<rss"u8) >= 0;

    public static SourceReadResult Read(byte[] xml, int maxDepth)
    {
        XDocument document;
        try
        {
            if (TooDeep(xml, maxDepth) is { } tooDeep)
            {
                return tooDeep;
            }

            using var stream = new MemoryStream(xml, writable: false);
            using var reader = XmlReader.Create(stream, SafeSettings());
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException exception)
        {
            // Exports have no document type; one is refused unread (it could expand entities or reach for files).
            if (DocumentTypeLine(xml) is { } line)
            {
                return SourceReadResult.Fail(new SourceProblem.XmlDocumentType(line));
            }

            return SourceReadResult.Fail(new SourceProblem.NotXml(
                Math.Max(1, exception.LineNumber), Math.Max(1, exception.LinePosition), Detail(exception)));
        }

        var root = document.Root!;
        var wp = ExportNamespace(root);
        var channel = root.Element("channel");
        if (root.Name.LocalName != "rss" || channel is null || wp is null)
        {
            return SourceReadResult.Fail(new SourceProblem.NotWordPressExport(root.Name.LocalName));
        }

        var siteBase = Text(channel.Element(wp + "base_blog_url")) ?? Text(channel.Element("link"));
        var items = channel.Elements("item")
            .Select((item, order) => ToItem(item, wp, order))
            .Where(item => !NotPublishedStatuses.Contains(item.Status) && !WordPressPostTypes.NotContent.Contains(item.Type))
            .ToList();
        var chosen = Choose(items);
        if (chosen.Count == 0)
        {
            return SourceReadResult.Fail(new SourceProblem.NoExportItems());
        }

        var leftOut = items.Except(chosen)
            .GroupBy(item => item.Type, StringComparer.OrdinalIgnoreCase)
            .Select(group => new LeftOut(group.Key, group.Count()))
            .OrderByDescending(group => group.Count).ThenBy(group => group.PostType, StringComparer.Ordinal)
            .ToList();
        return SourceReadResult.Ok(InReadingOrder(chosen).Select(item => ToSource(item, siteBase)).ToList(), leftOut);
    }

    // The line of a <!DOCTYPE> before the root element; one inside the content (CDATA) is text, not a declaration.
    private static int? DocumentTypeLine(byte[] xml)
    {
        var span = xml.AsSpan();
        var declaration = span.IndexOf("<!DOCTYPE"u8);
        var root = span.IndexOf("<rss"u8);
        if (declaration < 0 || (root >= 0 && root < declaration))
        {
            return null;
        }

        return 1 + span[..declaration].Count((byte)'\n');
    }

    private static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    // One pass before the tree is built, so that nesting past the limit is refused with the limit and its place.
    private static SourceReadResult? TooDeep(byte[] xml, int maxDepth)
    {
        using var stream = new MemoryStream(xml, writable: false);
        using var reader = XmlReader.Create(stream, SafeSettings());
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= maxDepth)
            {
                return SourceReadResult.Fail(new SourceProblem.XmlTooDeep(maxDepth, info.LineNumber, info.LinePosition));
            }
        }

        return null;
    }

    private static XNamespace? ExportNamespace(XElement root) =>
        root.Attributes()
            .Where(attribute => attribute.IsNamespaceDeclaration
                && ExportNamespacePrefixes.Any(prefix => attribute.Value.StartsWith(prefix, StringComparison.Ordinal))
                && !attribute.Value.Contains("/excerpt", StringComparison.Ordinal))
            .Select(attribute => (XNamespace)attribute.Value)
            .FirstOrDefault();

    private static ExportItem ToItem(XElement item, XNamespace wp, int order)
    {
        var meta = item.Elements(wp + "postmeta")
            .Select(entry => (Key: Text(entry.Element(wp + "meta_key")), Value: Text(entry.Element(wp + "meta_value"))))
            .Where(entry => entry.Key is not null)
            .GroupBy(entry => entry.Key!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Value ?? string.Empty, StringComparer.Ordinal);
        return new ExportItem(
            Id: Text(item.Element(wp + "post_id")),
            Title: Text(item.Element("title")) ?? string.Empty,
            Slug: Text(item.Element(wp + "post_name")),
            Link: Text(item.Element("link")),
            Type: Text(item.Element(wp + "post_type")) ?? WordPressPostTypes.Post,
            Status: Text(item.Element(wp + "status")) ?? "publish",
            Parent: Text(item.Element(wp + "post_parent")),
            MenuOrder: Number(Text(item.Element(wp + "menu_order"))),
            Body: item.Element(Content + "encoded")?.Value ?? string.Empty,
            Meta: meta,
            Order: order);
    }

    // Lessons when there are any, else pages, else posts, else whatever content the site has.
    private static List<ExportItem> Choose(List<ExportItem> items)
    {
        var lessons = items.Where(item => WordPressPostTypes.Lessons.Contains(item.Type)).ToList();
        if (lessons.Count > 0)
        {
            return lessons;
        }

        foreach (var type in new[] { WordPressPostTypes.Page, WordPressPostTypes.Post })
        {
            var ofType = items.Where(item => string.Equals(item.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofType.Count > 0)
            {
                return ofType;
            }
        }

        return items.Where(item => item.Body.Trim().Length > 0).ToList();
    }

    // As a reader meets them: a lesson in its course's order (Sensei's "_order_{course}", LifterLMS's "_llms_order")
    // where the plugin keeps one, and every page after its parent, siblings by menu order and then as the file lists
    // them, the way a site's page menu shows a course.
    private static List<ExportItem> InReadingOrder(List<ExportItem> items)
    {
        var ids = items.Where(item => item.Id is not null).Select(item => item.Id!).ToHashSet(StringComparer.Ordinal);
        var children = items
            .Where(item => item.Parent is { } parent && parent != "0" && ids.Contains(parent) && parent != item.Id)
            .ToLookup(item => item.Parent!, StringComparer.Ordinal);
        var roots = items.Where(item => item.Parent is null || item.Parent == "0" || !ids.Contains(item.Parent) || item.Parent == item.Id);
        var seen = new HashSet<ExportItem>();
        var ordered = new List<ExportItem>(items.Count);

        void Visit(ExportItem item)
        {
            if (!seen.Add(item))
            {
                return;
            }

            ordered.Add(item);
            foreach (var child in Sorted(children[item.Id ?? string.Empty]))
            {
                Visit(child);
            }
        }

        foreach (var root in Sorted(roots))
        {
            Visit(root);
        }

        // Pages whose parents form a loop are still imported, after the rest.
        ordered.AddRange(items.Where(item => !seen.Contains(item)));
        return ordered;
    }

    private static IEnumerable<ExportItem> Sorted(IEnumerable<ExportItem> items) =>
        items.OrderBy(item => item.CourseId is null ? 0 : 1)
            .ThenBy(item => item.CourseId, StringComparer.Ordinal)
            .ThenBy(item => item.Position)
            .ThenBy(item => item.Order);

    private static ModuleSource ToSource(ExportItem item, string? siteBase)
    {
        var body = Gutenberg().IsMatch(item.Body) ? item.Body : AutoParagraph(item.Body);
        if (item.Meta.TryGetValue("_lesson_video_embed", out var video) && video.Trim().Length > 0)
        {
            // Sensei shows a lesson's video above its text and keeps it HTML-escaped in the meta value.
            body = WebUtility.HtmlDecode(video).Trim() + "\n" + body;
        }

        var link = string.IsNullOrWhiteSpace(item.Link) ? null : item.Link;
        var site = siteBase is not null && link is not null && InternalLinkRewriter.IsUnderSite(link, InternalLinkRewriter.NormalizeSiteBase(siteBase))
            ? InternalLinkRewriter.NormalizeSiteBase(siteBase)
            : InternalLinkRewriter.GetSiteBaseUrl(link, item.Slug);
        return new ModuleSource(
            ModuleSourceKind.WordPress,
            item.Title,
            TitleIsHtml: true,
            item.Slug,
            body,
            link,
            item.Id,
            site,
            Summary: null,
            Prompts: [],
            Literature: [],
            IsProtected: false,
            item.Type);
    }

    // WordPress's own paragraphs for classic content (wpautop, reduced to what shows): text separated by a blank line is
    // a paragraph, a single line break inside it a <br>, and blocks the author wrote in HTML (or a shortcode alone on its
    // lines) stay as they are. Preformatted text keeps its blank lines.
    internal static string AutoParagraph(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (normalized.Length == 0)
        {
            return string.Empty;
        }

        var chunks = new List<string>();
        foreach (var chunk in BlankLines().Split(normalized))
        {
            // A chunk that opens a <pre> its chunk does not close continues into the next ones.
            if (chunks.Count > 0 && OpenPre(chunks[^1]))
            {
                chunks[^1] += "\n\n" + chunk;
                continue;
            }

            chunks.Add(chunk);
        }

        var html = new List<string>(chunks.Count);
        foreach (var raw in chunks)
        {
            var chunk = raw.Trim();
            if (chunk.Length == 0)
            {
                continue;
            }

            html.Add(StartsWithBlock().IsMatch(chunk) || LoneShortcode().IsMatch(chunk)
                ? chunk
                : "<p>" + LineBreak().Replace(chunk, "<br />\n") + "</p>");
        }

        return string.Join("\n", html);
    }

    private static bool OpenPre(string chunk) =>
        PreOpen().Count(chunk) > PreClose().Count(chunk);

    private static string? Text(XElement? element) =>
        element?.Value is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static long Number(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static string Detail(XmlException exception)
    {
        // The message repeats the place, which the problem carries on its own.
        var detail = XmlLocationSuffix().Replace(exception.Message, string.Empty).Trim();
        return detail.Length > 0 && !detail.EndsWith('.') ? detail + "." : detail;
    }

    [GeneratedRegex(@"<!--\s*wp:")]
    private static partial Regex Gutenberg();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"(?<!<br\s*/?>)[ \t]*\n[ \t]*")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^<(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|table|thead|tbody|tr|td|th|figure|figcaption|pre|hr|section|article|aside|header|footer|nav|details|summary|iframe|audio|video|form|address|fieldset|!--)[\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithBlock();

    [GeneratedRegex(@"^\[[a-zA-Z_][\w-]*[^\]]*\](?:[\s\S]*\[/[a-zA-Z_][\w-]*\])?$")]
    private static partial Regex LoneShortcode();

    [GeneratedRegex(@"<pre[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex PreOpen();

    [GeneratedRegex(@"</pre\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex PreClose();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?\s*$")]
    private static partial Regex XmlLocationSuffix();

    private sealed record ExportItem(
        string? Id,
        string Title,
        string? Slug,
        string? Link,
        string Type,
        string Status,
        string? Parent,
        long MenuOrder,
        string Body,
        IReadOnlyDictionary<string, string> Meta,
        int Order)
    {
        // The course a lesson belongs to, as Sensei, LearnDash and LifterLMS record it.
        public string? CourseId =>
            Meta.TryGetValue("_lesson_course", out var sensei) ? sensei
            : Meta.TryGetValue("course_id", out var learnDash) ? learnDash
            : Meta.TryGetValue("_llms_parent_course", out var lifter) ? lifter
            : null;

        public long Position =>
            CourseId is { } course && Meta.TryGetValue("_order_" + course, out var sensei) && Number(sensei) is var order && order > 0 ? order
            : Meta.TryGetValue("_llms_order", out var lifter) ? Number(lifter)
            : MenuOrder;
    }
}
