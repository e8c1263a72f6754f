using Microsoft.Extensions.Options;
using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// The platforms' public keys (JWKS at each registration's keyset URL), fetched when first needed and kept for
// Lti:PlatformKeysLifetime; a launch signed with a key the kept set does not know fetches the set once more, so a
// platform's key rotation is seen at its first launch.
public sealed class PlatformKeySets(IHttpClientFactory clients, TimeProvider clock, IOptions<LtiSettings> settings, ILogger<PlatformKeySets> logger)
{
    public const string ClientName = "lti-platform-keys";

    private readonly ConcurrentDictionary<string, (IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt)> _sets = new(StringComparer.Ordinal);

    // The keys of the platform's set, null when they cannot be fetched. refresh fetches them even if some are kept.
    public async Task<IReadOnlyList<SecurityKey>?> KeysAsync(LtiPlatform platform, bool refresh, CancellationToken cancellationToken)
    {
        var cacheKey = platform.Id.ToString("N") + " " + platform.KeySetUrl;
        var now = clock.GetUtcNow();
        if (!refresh && _sets.TryGetValue(cacheKey, out var kept) && now - kept.FetchedAt < settings.Value.PlatformKeysLifetime)
        {
            return kept.Keys;
        }
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(platform.KeySetUrl), cancellationToken);
            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            var keys = new JsonWebKeySet(json).GetSigningKeys();
            _sets[cacheKey] = (keys.ToList(), now);
            return _sets[cacheKey].Keys;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException
            or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "The keys of LTI platform {PlatformId} could not be fetched from {KeySetUrl}", platform.Id, platform.KeySetUrl);
            return null;
        }
    }
}
