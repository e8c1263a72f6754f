using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Rendered threads by (thread, version, culture, viewer class). Every write bumps the version in the transaction of
// the write, and a reader looks the version up before the thread, so an entry can be newer than its key but never
// older: no write can leave a stale thread to be served. Old versions simply age out. Its own bounded cache, so
// that big threads cannot crowd out the app's other cached lookups.
public sealed class ThreadCache(IOptions<DiscussionOptions> options, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = options.Value.ThreadCacheCharacters,
        Clock = new SystemClockAdapter(clock),
    });

    public bool TryGet(ThreadCacheKey key, out ThreadSnapshot? snapshot) => _cache.TryGetValue(key, out snapshot);

    public void Set(ThreadCacheKey key, ThreadSnapshot snapshot) =>
        _cache.Set(key, snapshot, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, snapshot.Characters),
            SlidingExpiration = TimeSpan.FromMinutes(10),
            // Author names are not versioned: a renamed person shows up at the latest when the entry expires.
            AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
        });

    public void Dispose() => _cache.Dispose();

#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes the older ISystemClock; this adapts the app's TimeProvider to it.
    private sealed class SystemClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
