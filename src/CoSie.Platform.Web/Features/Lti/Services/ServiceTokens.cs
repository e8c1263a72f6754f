using System.Net.Http.Headers;
using System.Text.Json;
using CoSie.Platform.Web.Features.Lti.Keys;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Access tokens for the LMS services (1EdTech Security Framework 4.1): an OAuth 2 client_credentials grant whose client
// authenticates with a JWT signed by the tool's current key (RFC 7523), posted to the registration's token URL.
public sealed class ServiceTokens(
    ToolKeys keys, IHttpClientFactory clients, ServiceTokenCache cache, TimeProvider clock, ILogger<ServiceTokens> logger)
{
    public const string ClientName = "lti-services";

    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromMinutes(5);

    // A token is used until this long before it expires, so it does not run out on its way to the service.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public static string CacheKey(LtiPlatform platform, IEnumerable<string> scopes) =>
        $"{platform.Id:N} {platform.TokenUrl} {platform.ClientId} {Scope(scopes)}";

    public async Task<string> TokenAsync(LtiPlatform platform, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var key = CacheKey(platform, scopes);
        var now = clock.GetUtcNow();
        if (cache.Find(key, now) is { } kept)
        {
            return kept;
        }
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = Advantage.ClientAssertionType,
            ["client_assertion"] = await AssertionAsync(platform, now, cancellationToken),
            ["scope"] = Scope(scopes),
        };
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.TokenUrl)) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The token endpoint of LTI platform {PlatformId} could not be reached", platform.Id);
            throw new LtiServiceException(ServiceFailure.TokenUnavailable, null, e.Message);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                logger.LogWarning("The token endpoint of LTI platform {PlatformId} answered {Status}: {Body}", platform.Id, status, body[..Math.Min(body.Length, 300)]);
                throw new LtiServiceException(status >= 500 ? ServiceFailure.TokenUnavailable : ServiceFailure.TokenRefused, status, "token request refused");
            }
            try
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var token = json.RootElement.GetProperty("access_token").GetString();
                if (string.IsNullOrEmpty(token))
                {
                    throw new LtiServiceException(ServiceFailure.BadAnswer, status, "no access_token");
                }
                var lifetime = json.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(1);
                cache.Keep(key, token, now + (lifetime > 2 * Margin ? lifetime - Margin : lifetime / 2));
                return token;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new LtiServiceException(ServiceFailure.BadAnswer, status, "token answer: " + e.Message);
            }
        }
    }

    private Task<string> AssertionAsync(LtiPlatform platform, DateTimeOffset now, CancellationToken cancellationToken) =>
        keys.SignAsync(new SecurityTokenDescriptor
        {
            Issuer = platform.ClientId,
            Audience = platform.TokenUrl,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + AssertionLifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = platform.ClientId,
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        }, cancellationToken);

    private static string Scope(IEnumerable<string> scopes) => string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
