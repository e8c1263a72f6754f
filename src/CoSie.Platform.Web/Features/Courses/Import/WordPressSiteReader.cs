using System.Globalization;
using System.Net;
using System.Text.Json;
using CoSie.Platform.Web.Features.Courses.Media;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Reads the content of one post type of a live WordPress site through its REST API, answer by answer, into one JSON
// array such as an uploaded collection holds, for ModuleImporter to read like a file. Bounded like an upload (the bytes
// of all answers by Import:MaxFileBytes, nesting by Import:MaxDepth) and by the number of answers; polite to the site
// (Retry-After on 429 and 503, within a bounded wait); its connections go through MediaAddressGuard, so an address
// inside a private network is refused after DNS, redirects included.
public sealed class WordPressSiteReader(
    IHttpClientFactory clients, IOptions<SiteImportOptions> options, IOptions<ImportLimits> limits, ILogger<WordPressSiteReader> logger)
{
    public const string ClientName = "import-site";

    // The REST bases a live import offers: pages and posts, and the lessons of the course plugins that show them in
    // the REST API (LearnDash lessons and topics, Sensei lessons, Tutor lessons).
    public static readonly IReadOnlyList<string> Types = ["pages", "posts", "sfwd-lessons", "sfwd-topic", "lessons", "tutor_lesson"];

    private readonly SiteImportOptions _options = options.Value;

    public bool Accepts(Uri site) =>
        site.IsAbsoluteUri && (site.Scheme == Uri.UriSchemeHttps || (_options.AllowPlainHttp && site.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(site.UserInfo) && site.Host.Length > 0;

    // progress gets the answers read and the answers the site has, after each answer.
    public async Task<(byte[]? Json, SiteProblem? Problem)> ReadAsync(Uri site, string type, Func<int, int, Task> progress, CancellationToken cancellationToken)
    {
        var address = site.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!Accepts(site))
        {
            return (null, new SiteProblem(SiteProblemKind.NotHttps, address));
        }

        var maxBytes = limits.Value.MaxFileBytes;
        // Posts cannot be ordered by menu_order (WordPress refuses the parameter); they come oldest first.
        var order = type == "posts" ? "orderby=date&order=asc" : "orderby=menu_order&order=asc";
        using var client = clients.CreateClient(ClientName);
        using var merged = new MemoryStream();
        using var writer = new Utf8JsonWriter(merged);
        writer.WriteStartArray();
        var total = 1;
        var items = 0;
        for (var page = 1; page <= total; page++)
        {
            var url = new Uri($"{address}/wp-json/wp/v2/{Uri.EscapeDataString(type)}?per_page=100&page={page}&{order}");
            var (body, pages, problem) = await FetchAsync(client, url, address, page, maxBytes - (int)merged.Length, cancellationToken);
            if (problem is not null)
            {
                return (null, problem);
            }

            if (page == 1)
            {
                total = Math.Max(pages, 1);
                if (total > _options.MaxPages)
                {
                    return (null, new SiteProblem(SiteProblemKind.TooManyPages, address, total, _options.MaxPages));
                }
            }

            try
            {
                using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = limits.Value.MaxDepth });
                if (document.RootElement.ValueKind != JsonValueKind.Array
                    || document.RootElement.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Object))
                {
                    return (null, new SiteProblem(SiteProblemKind.NotJson, address, page));
                }

                foreach (var item in document.RootElement.EnumerateArray())
                {
                    item.WriteTo(writer);
                    items++;
                }
            }
            catch (JsonException)
            {
                return (null, new SiteProblem(SiteProblemKind.NotJson, address, page));
            }

            await writer.FlushAsync(cancellationToken);
            if (merged.Length > maxBytes)
            {
                return (null, new SiteProblem(SiteProblemKind.TooLarge, address, Limit: maxBytes));
            }

            await progress(page, total);
        }

        if (items == 0)
        {
            return (null, new SiteProblem(SiteProblemKind.Empty, address));
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
        return (merged.ToArray(), null);
    }

    private async Task<(byte[] Body, int Pages, SiteProblem? Problem)> FetchAsync(
        HttpClient client, Uri url, string address, int page, int maxBytes, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd("application/json");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < _options.MaxRetries)
                {
                    var wait = RetryAfter(response);
                    if (wait > TimeSpan.FromSeconds(_options.MaxRetryAfterSeconds))
                    {
                        return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.WaitTooLong, address, (int)Math.Ceiling(wait.TotalSeconds)));
                    }

                    logger.LogInformation("{Url} answered {Status}; asking again in {Wait}", url, (int)response.StatusCode, wait);
                    // A real wait, not the app's clock: the site counts in real seconds.
                    await Task.Delay(wait, cancellationToken);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotFound && page == 1)
                {
                    return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.NoSuchType, address));
                }

                if (!response.IsSuccessStatusCode)
                {
                    return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.Status, address, (int)response.StatusCode, page));
                }

                if (response.Content.Headers.ContentLength > maxBytes)
                {
                    return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.TooLarge, address, Limit: limits.Value.MaxFileBytes));
                }

                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > maxBytes)
                    {
                        return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.TooLarge, address, Limit: limits.Value.MaxFileBytes));
                    }
                }

                var pages = response.Headers.TryGetValues("X-WP-TotalPages", out var values)
                    && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;
                return (buffer.ToArray(), pages, null);
            }
            catch (HttpRequestException exception) when (exception.InnerException is MediaAddressRefusedException)
            {
                logger.LogWarning("{Url} refused: {Reason}", url, exception.InnerException.Message);
                return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.RefusedAddress, address));
            }
            catch (HttpRequestException exception)
            {
                logger.LogInformation("{Url} could not be reached: {Reason}", url, exception.Message);
                return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.Unreachable, address));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (Array.Empty<byte>(), 0, new SiteProblem(SiteProblemKind.TimedOut, address, Limit: _options.TimeoutSeconds));
            }
        }
    }

    // Retry-After as seconds or as a date; a site that names none gets a second.
    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            { Date: { } date } => date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero,
            _ => TimeSpan.FromSeconds(1),
        };
}
