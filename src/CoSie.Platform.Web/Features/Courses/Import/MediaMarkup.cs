using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Gives WordPress's media markup its meaning before the sanitizer, which keeps no frames, players or shortcodes, sees
// it: [caption] becomes a figure, [audio]/[video]/<audio>/<video> a link to their file that the media copy turns into a
// player, frames, oEmbed lines, [embed] and Gutenberg embed blocks of an allowed provider a click-to-load embed link
// (Content/EmbedProviders), other frames plain links. Whatever is dropped or changed is noted for the preview. Pure:
// fetching and storing the files is MediaCopy's work, after cleaning.
public static partial class MediaMarkup
{
    public const string MediaAttribute = "data-media";
    public const string EmbedAttribute = "data-embed";

    private static readonly string[] AudioSourceAttributes = ["src", "mp3", "m4a", "ogg", "oga", "wav", "flac"];
    private static readonly string[] VideoSourceAttributes = ["src", "mp4", "m4v", "webm", "ogv"];

    public static (string Html, IReadOnlyList<ImportNote> Notes) Convert(string html)
    {
        var notes = new List<ImportNote>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return (html, notes);
        }

        html = Shortcodes(html, notes);
        html = DynamicBlocks().Replace(html, match =>
        {
            var name = match.Groups[1].Value;
            if (name is not ("more" or "nextpage"))
            {
                notes.Add(new ImportNote.BlockDropped(name));
            }

            return string.Empty;
        });

        var document = HtmlFragments.Parse(html);
        var body = HtmlFragments.Body(document);
        foreach (var figure in body.QuerySelectorAll("figure").Where(f => f.ClassList.Contains("wp-block-embed")).ToList())
        {
            EmbedBlock(document, figure, notes);
        }

        foreach (var element in body.QuerySelectorAll("iframe, embed, object").ToList())
        {
            Frame(document, element, notes);
        }

        foreach (var player in body.QuerySelectorAll("audio, video").ToList())
        {
            Player(document, player, notes);
        }

        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            OEmbedLine(document, paragraph, notes);
        }

        if (body.QuerySelectorAll("img").Any(i => i.GetAttribute("src")?.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase) == true))
        {
            notes.Add(new ImportNote.DataImageDropped());
        }

        return (HtmlFragments.Serialize(body), notes);
    }

    private static string Shortcodes(string html, List<ImportNote> notes)
    {
        html = Caption().Replace(html, match =>
        {
            var attributes = Attributes(match.Groups[1].Value);
            var inner = match.Groups[2].Value;
            var image = CaptionImage().Match(inner);
            var picture = image.Success ? image.Groups[1].Value : string.Empty;
            var text = image.Success ? inner[image.Length..] : inner;
            if (attributes.TryGetValue("caption", out var caption))
            {
                text = WebUtility.HtmlEncode(caption);
            }

            notes.Add(new ImportNote.CaptionConverted());
            return $"<figure>{picture}<figcaption>{text.Trim()}</figcaption></figure>";
        });
        html = PlayerShortcode().Replace(html, match =>
        {
            var kind = match.Groups[1].Value.ToLowerInvariant();
            var attributes = Attributes(match.Groups[2].Value);
            var names = kind == "audio" ? AudioSourceAttributes : VideoSourceAttributes;
            var source = names.Select(n => attributes.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            return source is null ? string.Empty : $"<{kind} src=\"{WebUtility.HtmlEncode(source)}\"></{kind}>";
        });
        html = PlayerShortcodeEnd().Replace(html, string.Empty);
        html = EmbedShortcode().Replace(html, match => $"<p>{match.Groups[1].Value.Trim()}</p>");
        html = Gallery().Replace(html, match =>
        {
            var attributes = Attributes(match.Groups[1].Value);
            notes.Add(new ImportNote.GalleryDropped(attributes.GetValueOrDefault("ids") ?? string.Empty));
            return string.Empty;
        });
        return html;
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ShortcodeAttribute().Matches(text))
        {
            attributes.TryAdd(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value));
        }

        return attributes;
    }

    // <figure class="wp-block-embed ..."><div class="wp-block-embed__wrapper">URL or iframe</div><figcaption>…</figcaption></figure>
    private static void EmbedBlock(AngleSharp.Html.Dom.IHtmlDocument document, IElement figure, List<ImportNote> notes)
    {
        var url = figure.QuerySelector("iframe[src]")?.GetAttribute("src")
            ?? figure.QuerySelector("a[href]")?.GetAttribute("href")
            ?? HtmlFragments.CollapseWhitespace((figure.QuerySelector(".wp-block-embed__wrapper") ?? figure).TextContent).Split(' ')[0];
        var title = figure.QuerySelector("iframe[title]")?.GetAttribute("title");
        var caption = figure.QuerySelector("figcaption");
        var replacement = EmbedOrLink(document, url, title, notes);
        if (replacement is null)
        {
            notes.Add(new ImportNote.EmbedDropped());
            figure.Remove();
            return;
        }

        var paragraph = document.CreateElement("p");
        paragraph.AppendChild(replacement);
        figure.Before(paragraph);
        if (caption is not null && HtmlFragments.HasMeaningfulContent(caption))
        {
            var text = document.CreateElement("p");
            while (caption.FirstChild is { } child)
            {
                text.AppendChild(child);
            }

            figure.Before(text);
        }

        figure.Remove();
    }

    private static void Frame(AngleSharp.Html.Dom.IHtmlDocument document, IElement frame, List<ImportNote> notes)
    {
        var url = frame.GetAttribute(frame.LocalName == "object" ? "data" : "src");
        var replacement = EmbedOrLink(document, url, frame.GetAttribute("title"), notes);
        if (replacement is null)
        {
            notes.Add(new ImportNote.EmbedDropped());
            frame.Remove();
            return;
        }

        frame.Replace(replacement);
    }

    // An allowed provider's address becomes its embed link; any other web address a plain link.
    private static IElement? EmbedOrLink(AngleSharp.Html.Dom.IHtmlDocument document, string? url, string? title, List<ImportNote> notes)
    {
        url = url?.Trim();
        if (url is not null && url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "https:" + url;
        }

        if (EmbedProviders.Recognise(url) is { } found)
        {
            notes.Add(new ImportNote.EmbedPlaceholder(found.Provider.Name, found.Provider.Host));
            var embed = document.CreateElement("a");
            embed.SetAttribute("href", found.EmbedUrl);
            embed.SetAttribute(EmbedAttribute, found.Provider.Key);
            embed.TextContent = string.IsNullOrWhiteSpace(title) ? found.Provider.Name : HtmlFragments.CollapseWhitespace(title);
            return embed;
        }

        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        notes.Add(new ImportNote.EmbedLink(url));
        var link = document.CreateElement("a");
        link.SetAttribute("href", url);
        link.TextContent = string.IsNullOrWhiteSpace(title) ? url : HtmlFragments.CollapseWhitespace(title);
        return link;
    }

    // The player becomes a link to its first file with its fallback text; MediaCopy makes it a player again of the
    // copied file. Without any file, the fallback text stays.
    private static void Player(AngleSharp.Html.Dom.IHtmlDocument document, IElement player, List<ImportNote> notes)
    {
        var source = player.GetAttribute("src")
            ?? player.QuerySelectorAll("source[src]").Select(s => s.GetAttribute("src")).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
        foreach (var element in player.QuerySelectorAll("source, track").ToList())
        {
            element.Remove();
        }

        var fallback = HtmlFragments.CollapseWhitespace(player.TextContent);
        if (string.IsNullOrWhiteSpace(source))
        {
            notes.Add(new ImportNote.MediaWithoutSource());
            HtmlFragments.Unwrap(player);
            return;
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", source.Trim());
        link.SetAttribute(MediaAttribute, player.LocalName);
        link.TextContent = fallback.Length > 0 ? fallback : FileName(source);
        player.Replace(link);
    }

    // oEmbed: a provider's address alone on its line (as text or as a link showing itself) is an embed in WordPress.
    private static void OEmbedLine(AngleSharp.Html.Dom.IHtmlDocument document, IElement paragraph, List<ImportNote> notes)
    {
        var text = HtmlFragments.CollapseWhitespace(paragraph.TextContent);
        if (text.Contains(' ', StringComparison.Ordinal) || !text.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var children = paragraph.Children.ToList();
        if (children.Count > 1 || (children.Count == 1 && !(children[0].LocalName == "a" && children[0].GetAttribute("href")?.Trim() == text)))
        {
            return;
        }

        if (EmbedProviders.Recognise(text) is null)
        {
            return;
        }

        var embed = EmbedOrLink(document, text, null, notes)!;
        paragraph.InnerHtml = string.Empty;
        paragraph.AppendChild(embed);
    }

    public static string FileName(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
        var name = Uri.UnescapeDataString(path.TrimEnd('/').Split('/')[^1]);
        return name.Length > 0 ? name : url;
    }

    [GeneratedRegex(@"\[caption\b([^\]]*)\](.*?)\[/caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CaptionImage();

    [GeneratedRegex(@"\[(audio|video)\b([^\]]*)\]", RegexOptions.IgnoreCase)]
    private static partial Regex PlayerShortcode();

    [GeneratedRegex(@"\[/(?:audio|video)\]", RegexOptions.IgnoreCase)]
    private static partial Regex PlayerShortcodeEnd();

    [GeneratedRegex(@"\[embed\b[^\]]*\](.*?)\[/embed\]", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex EmbedShortcode();

    [GeneratedRegex(@"\[gallery\b([^\]]*)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Gallery();

    [GeneratedRegex(@"([A-Za-z0-9_-]+)\s*=\s*(?:""([^""]*)""|'([^']*)')")]
    private static partial Regex ShortcodeAttribute();

    // Gutenberg's self-closing blocks (<!-- wp:latest-posts {...} /-->) are rendered by the site at view time: the
    // export holds nothing of them.
    [GeneratedRegex(@"<!--\s*wp:([a-z0-9/-]+)(?:\s+\{.*?\})?\s*/-->", RegexOptions.Singleline, matchTimeoutMilliseconds: 2000)]
    private static partial Regex DynamicBlocks();
}
