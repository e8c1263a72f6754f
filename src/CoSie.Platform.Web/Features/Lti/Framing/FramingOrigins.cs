using Microsoft.Extensions.Caching.Memory;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// The origins that may frame an institution's pages, from its enabled platform registrations, kept in memory for a
// short while: every request of a session in an LMS's frame asks for them. Saving a registration forgets them at
// once on this instance; other instances of the app see the change when their copy expires.
public sealed class FramingOrigins(PlatformDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private static (string, Guid) Key(Guid institutionId) => ("lti-framing-origins", institutionId);

    public async Task<IReadOnlyList<string>> OfAsync(Guid institutionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(institutionId), out IReadOnlyList<string>? kept) && kept is not null)
        {
            return kept;
        }
        // The tenant filter limits the query to the request's institution, which is the one asked for.
        var platforms = await db.LtiPlatforms.AsNoTracking().Where(p => p.IsEnabled)
            .Select(p => new { p.Issuer, p.AuthenticationUrl, p.FramingOrigin }).ToListAsync(cancellationToken);
        var origins = LtiFraming.Origins(platforms.SelectMany(p => new[] { p.Issuer, p.AuthenticationUrl, p.FramingOrigin }).OfType<string>());
        cache.Set(Key(institutionId), origins, Expiry);
        return origins;
    }

    public void Forget(Guid institutionId) => cache.Remove(Key(institutionId));
}
