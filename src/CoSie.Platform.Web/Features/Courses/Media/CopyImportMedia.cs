using AngleSharp.Dom;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Copies the images, audio and video a freshly parsed import references into the institution's media, so the modules
// outlive their source site: images re-encoded, audio and video checked by their bytes and made players, everything
// that could not be copied left at its source and noted for the preview, with the images that lack alternative text.
// It runs when the upload is read, so the preview shows the copies and their problems.
// REVIEW: files of a preview that is never confirmed stay stored (once per institution, by content); a clean-up of
// media no module refers to would belong in a recurring job.
public sealed class CopyImportMedia(
    MediaFetcher fetcher, MediaStore store, HtmlContentSanitizer sanitizer, IOptions<MediaOptions> options, TimeProvider clock)
{
    private readonly MediaOptions _options = options.Value;
    private long _started;

    // mediaBase is the address of the institution's media folder, such as "/inst/media/".
    public async Task<IReadOnlyList<ImportedModule>> CopyAsync(IReadOnlyList<ImportedModule> modules, string mediaBase, CancellationToken cancellationToken)
    {
        _started = clock.GetTimestamp();
        var copies = new Dictionary<(string Url, MediaKind Kind), MediaCopy>();
        var result = new List<ImportedModule>(modules.Count);
        foreach (var module in modules)
        {
            var notes = new List<ImportNote>(module.Notes);
            var document = HtmlFragments.Parse(module.BodyHtml);
            var body = HtmlFragments.Body(document);
            var baseUrl = module.SourceUrl ?? module.SourceSiteBaseUrl;
            foreach (var image in body.QuerySelectorAll("img[src]").ToList())
            {
                var src = image.GetAttribute("src")!;
                if (string.IsNullOrWhiteSpace(image.GetAttribute("alt")))
                {
                    notes.Add(new ImportNote.ImageWithoutAlt(src));
                }

                if (src.StartsWith(mediaBase, StringComparison.Ordinal) || Resolve(src, baseUrl) is not { } url)
                {
                    continue;
                }

                var copy = await CopyAsync(copies, url, MediaKind.Image, cancellationToken);
                if (copy.Name is { } name)
                {
                    image.SetAttribute("src", mediaBase + name);
                    notes.Add(new ImportNote.ImageCopied(url.AbsoluteUri));
                }
                else
                {
                    notes.Add(new ImportNote.ImageNotCopied(url.AbsoluteUri, copy.Problem!.Value));
                }
            }

            foreach (var link in body.QuerySelectorAll($"a[{MediaMarkup.MediaAttribute}]").ToList())
            {
                Player(document, link, await PlayerCopyAsync(copies, link, baseUrl, mediaBase, cancellationToken), mediaBase, notes);
            }

            result.Add(module with { BodyHtml = sanitizer.Sanitize(HtmlFragments.Serialize(body), cancellationToken), Notes = notes });
        }

        return result;
    }

    private async Task<(Uri? Url, MediaCopy Copy)> PlayerCopyAsync(
        Dictionary<(string, MediaKind), MediaCopy> copies, IElement link, string? baseUrl, string mediaBase, CancellationToken cancellationToken)
    {
        var kind = link.GetAttribute(MediaMarkup.MediaAttribute) == "video" ? MediaKind.Video : MediaKind.Audio;
        // A module exported from this institution and imported again already plays its own copy.
        var href = link.GetAttribute("href") ?? string.Empty;
        if (href.StartsWith(mediaBase, StringComparison.Ordinal) && MediaType.ByExtension(Path.GetExtension(href).TrimStart('.')) is { } own)
        {
            return (null, new MediaCopy(href[mediaBase.Length..], null, own));
        }

        if (Resolve(link.GetAttribute("href") ?? string.Empty, baseUrl) is not { } url)
        {
            return (null, new MediaCopy(null, MediaProblem.Unreachable));
        }

        return (url, await CopyAsync(copies, url, kind, cancellationToken));
    }

    // A copied file becomes a native player with a link to the same file inside, for browsers that play nothing; one
    // that was not copied stays a link to its source, with its fallback text.
    private static void Player(AngleSharp.Html.Dom.IHtmlDocument document, IElement link, (Uri? Url, MediaCopy Copy) found, string mediaBase, List<ImportNote> notes)
    {
        var (url, copy) = found;
        link.RemoveAttribute(MediaMarkup.MediaAttribute);
        var shown = url?.AbsoluteUri ?? link.GetAttribute("href") ?? string.Empty;
        if (url is not null)
        {
            link.SetAttribute("href", url.AbsoluteUri);
        }

        if (copy.Name is not { } name)
        {
            notes.Add(new ImportNote.MediaLink(shown, copy.Problem!.Value));
            return;
        }

        var kind = copy.Type!.ContentType.StartsWith("video/", StringComparison.Ordinal) ? "video" : "audio";
        var player = document.CreateElement(kind);
        player.SetAttribute("src", mediaBase + name);
        player.SetAttribute("controls", string.Empty);
        player.SetAttribute("preload", "metadata");
        link.Replace(player);
        link.SetAttribute("href", mediaBase + name);
        player.AppendChild(link);
        notes.Add(new ImportNote.MediaPlayer(shown));
    }

    private async Task<MediaCopy> CopyAsync(Dictionary<(string, MediaKind), MediaCopy> copies, Uri url, MediaKind kind, CancellationToken cancellationToken)
    {
        var key = (url.AbsoluteUri, kind);
        if (copies.TryGetValue(key, out var known))
        {
            return known;
        }

        var copy = copies.Count >= _options.MaxFilesPerImport
            ? new MediaCopy(null, MediaProblem.TooMany)
            : clock.GetElapsedTime(_started) > TimeSpan.FromSeconds(_options.TotalTimeoutSeconds)
                ? new MediaCopy(null, MediaProblem.Unreachable)
                : await FetchAndStoreAsync(url, kind, cancellationToken);
        copies[key] = copy;
        return copy;
    }

    private async Task<MediaCopy> FetchAndStoreAsync(Uri url, MediaKind kind, CancellationToken cancellationToken)
    {
        var limit = kind == MediaKind.Image ? _options.MaxImageBytes : _options.MaxAudioVideoBytes;
        var fetched = await fetcher.FetchAsync(url, limit, cancellationToken);
        if (fetched.Content is not { } content)
        {
            return new MediaCopy(null, fetched.Problem);
        }

        if (MediaType.Sniff(content, kind) is not { } type)
        {
            return new MediaCopy(null, MediaProblem.WrongType);
        }

        if (kind == MediaKind.Image)
        {
            // Decoding is CPU work of its own; it leaves the request's thread free meanwhile.
            var clean = await Task.Run(() => ImageReencoder.Reencode(content, type, _options.MaxImageDimension), cancellationToken);
            if (clean is null)
            {
                return new MediaCopy(null, MediaProblem.WrongType);
            }

            content = clean;
        }

        return new MediaCopy(await store.SaveAsync(content, type, url.AbsoluteUri, cancellationToken), null, type);
    }

    private static Uri? Resolve(string src, string? baseUrl)
    {
        // On Unix "/path" parses as an absolute file: address; it is a path on the source site.
        if (!src.TrimStart().StartsWith('/') && Uri.TryCreate(src.Trim(), UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme is "http" or "https" ? absolute : null;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, src.Trim(), out var resolved)
            && resolved.Scheme is "http" or "https"
            ? resolved
            : null;
    }

    private sealed record MediaCopy(string? Name, MediaProblem? Problem, MediaType? Type = null);
}
