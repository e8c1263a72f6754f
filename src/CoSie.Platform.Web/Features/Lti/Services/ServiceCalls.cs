using System.Net.Http.Headers;

namespace CoSie.Platform.Web.Features.Lti.Services;

// One authorised request to an LMS service: a token for the scopes, the request, and a failure said as a ServiceFailure.
public sealed class ServiceCalls(ServiceTokens tokens, ServiceTokenCache cache, IHttpClientFactory clients, ILogger<ServiceCalls> logger)
{
    public sealed record Answer(string Body, IReadOnlyList<string> Links);

    // A service's answer is read up to this size; a membership page of a large course stays well below it.
    private const int MaxAnswer = 8 * 1024 * 1024;

    public async Task<Answer> SendAsync(LtiPlatform platform, IReadOnlyCollection<string> scopes, HttpMethod method, string url, string accept,
        string? json, string? contentType, CancellationToken cancellationToken)
    {
        var token = await tokens.TokenAsync(platform, scopes, cancellationToken);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(url));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            if (json is not null)
            {
                request.Content = new StringContent(json, System.Text.Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
            }
            response = await clients.CreateClient(ServiceTokens.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The LMS service at {Url} of LTI platform {PlatformId} could not be reached", url, platform.Id);
            throw new LtiServiceException(ServiceFailure.ServiceUnavailable, null, e.Message);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                if (status is 401 or 403)
                {
                    cache.Forget(ServiceTokens.CacheKey(platform, scopes));
                }
                logger.LogWarning("The LMS service at {Url} of LTI platform {PlatformId} answered {Status}", url, platform.Id, status);
                throw new LtiServiceException(status >= 500 ? ServiceFailure.ServiceUnavailable : ServiceFailure.ServiceRefused, status, url);
            }
            if (response.Content.Headers.ContentLength > MaxAnswer)
            {
                throw new LtiServiceException(ServiceFailure.BadAnswer, status, "answer too large");
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var links = response.Headers.TryGetValues("Link", out var values) ? values.ToList() : [];
            return new Answer(body, links);
        }
    }

    // The target of a `Link: <url>; rel="next"` header (RFC 8288), as NRPS pages its members.
    public static string? Next(IEnumerable<string> links)
    {
        foreach (var value in links.SelectMany(l => l.Split(',')))
        {
            var parts = value.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts[0].StartsWith('<') && parts[0].EndsWith('>')
                && parts.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return parts[0][1..^1];
            }
        }
        return null;
    }
}
