using CoSie.Platform.Web.Features.Courses.Import;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Fetches one file a page references, bounded in time and size; the client's connections go through MediaAddressGuard.
public sealed class MediaFetcher(IHttpClientFactory clients, IOptions<MediaOptions> options, ILogger<MediaFetcher> logger)
{
    public const string ClientName = "import-media";

    public async Task<MediaFetch> FetchAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            return MediaFetch.Failed(MediaProblem.Unreachable);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("Media {Url} answered {Status}", url, (int)response.StatusCode);
                return MediaFetch.Failed(MediaProblem.Unreachable);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return MediaFetch.Failed(MediaProblem.TooLarge);
            }

            // The declared length may be absent or wrong: the read itself stops one byte past the limit.
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return MediaFetch.Failed(MediaProblem.TooLarge);
                }
            }

            return new MediaFetch(buffer.ToArray(), null);
        }
        catch (HttpRequestException exception) when (exception.InnerException is MediaAddressRefusedException)
        {
            logger.LogWarning("Media {Url} refused: {Reason}", url, exception.InnerException.Message);
            return MediaFetch.Failed(MediaProblem.RefusedAddress);
        }
        catch (HttpRequestException exception)
        {
            logger.LogInformation("Media {Url} could not be fetched: {Reason}", url, exception.Message);
            return MediaFetch.Failed(MediaProblem.Unreachable);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Media {Url} did not arrive within {Seconds} s", url, options.Value.TimeoutSeconds);
            return MediaFetch.Failed(MediaProblem.Unreachable);
        }
    }
}
