using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// The latest rendered snapshot of each thread, by (thread, culture, viewer class), within a budget of bytes
// (Discussions:ThreadCacheBytes): when an entry would take the cache over it, the least recently read threads are
// evicted. Its own cache, so that big threads cannot crowd out the app's other cached lookups. Every write bumps the
// thread's version in the transaction of the write and a reader looks the version up before the thread, so the reader
// tells from the entry's stamp whether it is current (ThreadLoader); an entry can be newer than the reader's version
// but never older, and a write leaves nothing to invalidate.
public sealed class ThreadCache(IOptions<DiscussionOptions> options, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = options.Value.ThreadCacheBytes,
        CompactionPercentage = 0.25,
        TrackStatistics = true,
        Clock = new SystemClockAdapter(clock),
    });

    public bool TryGet(ThreadCacheKey key, out ThreadSnapshot? snapshot) => _cache.TryGetValue(key, out snapshot);

    // Keeps the newer of the two when readers of different versions race to store their snapshot.
    public void Set(ThreadCacheKey key, ThreadSnapshot snapshot)
    {
        if (_cache.TryGetValue(key, out ThreadSnapshot? held) && held is not null && held.Stamp.Sequence > snapshot.Stamp.Sequence)
        {
            return;
        }
        _cache.Set(key, snapshot, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, snapshot.Bytes),
            SlidingExpiration = TimeSpan.FromMinutes(10),
        });
    }

    // What the entries held now count against the budget.
    public long? Bytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize;

    public void Dispose() => _cache.Dispose();

#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes the older ISystemClock; this adapts the app's TimeProvider to it.
    private sealed class SystemClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
