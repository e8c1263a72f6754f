using System.Globalization;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Content;

// The only places a module may frame content from, each in its most private form: YouTube through youtube-nocookie.com,
// Vimeo with dnt=1, OpenStreetMap's own embed page, H5P's hub. The importer turns a provider's addresses into its embed
// address, the sanitizer keeps an embed only at that address, and the module page's CSP frame-src names exactly these
// origins: one list, so the three cannot drift apart.
public static partial class EmbedProviders
{
    public static readonly IReadOnlyList<EmbedProvider> All =
    [
        new("youtube", "YouTube", "https://www.youtube-nocookie.com"),
        new("vimeo", "Vimeo", "https://player.vimeo.com"),
        new("openstreetmap", "OpenStreetMap", "https://www.openstreetmap.org"),
        new("h5p", "H5P", "https://h5p.org"),
    ];

    public static string FrameSources => string.Join(' ', All.Select(p => p.Origin));

    public static EmbedProvider? Find(string? key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    // The provider and the privacy-friendly embed address for any of a provider's page, short or embed addresses;
    // null for anything else, which stays a link.
    public static (EmbedProvider Provider, string EmbedUrl)? Recognise(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || !uri.IsDefaultPort)
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal) || host.StartsWith("m.", StringComparison.Ordinal))
        {
            host = host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }

        var path = uri.AbsolutePath;
        switch (host)
        {
            case "youtube.com" or "youtube-nocookie.com":
                {
                    var id = path == "/watch" ? QueryValue(uri, "v") : YouTubePath().Match(path) is { Success: true } m ? m.Groups[1].Value : null;
                    return id is not null && YouTubeId().IsMatch(id) ? (All[0], $"https://www.youtube-nocookie.com/embed/{id}") : null;
                }
            case "youtu.be":
                {
                    var id = path.TrimStart('/');
                    return YouTubeId().IsMatch(id) ? (All[0], $"https://www.youtube-nocookie.com/embed/{id}") : null;
                }
            case "vimeo.com" or "player.vimeo.com":
                {
                    var match = VimeoPath().Match(path);
                    return match.Success ? (All[1], $"https://player.vimeo.com/video/{match.Groups[1].Value}?dnt=1") : null;
                }
            case "openstreetmap.org" when path == "/export/embed.html":
                {
                    // Only the map's own parameters, each of the characters coordinates and layer names use.
                    var kept = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                        .Where(p => OsmParameter().IsMatch(p)).ToList();
                    return kept.Any(p => p.StartsWith("bbox=", StringComparison.Ordinal))
                        ? (All[2], "https://www.openstreetmap.org/export/embed.html?" + string.Join('&', kept))
                        : null;
                }
            case "h5p.org":
                {
                    var match = H5pPath().Match(path);
                    return match.Success ? (All[3], $"https://h5p.org/h5p/embed/{match.Groups[1].Value}") : null;
                }
            default:
                return null;
        }
    }

    // Whether a stored link is an embed this list made: its address is exactly the embed address of its provider.
    public static bool IsEmbed(string? key, string? href) =>
        Recognise(href) is { } found && found.Provider.Key == key && string.Equals(found.EmbedUrl, href, StringComparison.Ordinal);

    private static string? QueryValue(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(pair[..equals], name, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    public static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.ToLower(CultureInfo.InvariantCulture) : url;

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?$")]
    private static partial Regex YouTubePath();

    [GeneratedRegex(@"^/(?:video/)?(\d{1,12})/?$")]
    private static partial Regex VimeoPath();

    [GeneratedRegex(@"^/(?:h5p/embed/|node/)(\d{1,10})/?$")]
    private static partial Regex H5pPath();

    [GeneratedRegex(@"^(?:bbox=[-0-9.,%C]{1,100}|layer=[a-z]{1,20}|marker=[-0-9.,%C]{1,60})$")]
    private static partial Regex OsmParameter();
}
