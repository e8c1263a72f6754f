using System.Collections.Concurrent;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Access tokens of the LMS services, kept per registration and scope set until shortly before they expire.
public sealed class ServiceTokenCache
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    public string? Find(string key, DateTimeOffset now) =>
        _tokens.TryGetValue(key, out var kept) && kept.Until > now ? kept.Token : null;

    public void Keep(string key, string token, DateTimeOffset until) => _tokens[key] = (token, until);

    // A token the service refused is not offered again.
    public void Forget(string key) => _tokens.TryRemove(key, out _);
}
