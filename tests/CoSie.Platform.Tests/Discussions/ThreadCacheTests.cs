using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Discussions.Threads;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoSie.Platform.Tests.Discussions;

// The thread cache holds no more than its byte budget: a snapshot that would take it over is not kept, and room is made
// by evicting the threads read least recently.
public sealed class ThreadCacheTests
{
    private const long Budget = 1_000_000;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Beyond_its_budget_the_cache_evicts_the_threads_read_least_recently()
    {
        using var cache = new ThreadCache(Options.Create(new DiscussionOptions { ThreadCacheBytes = Budget }), _clock);
        var keys = Enumerable.Range(0, 4).Select(_ => new ThreadCacheKey(Guid.NewGuid(), "fi-FI|fi-FI|Europe/Helsinki", ViewerClass.Reader)).ToList();
        foreach (var key in keys.Take(3))
        {
            cache.Set(key, Snapshot(key.ReflectionId, 280_000));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.True(cache.TryGet(keys[0], out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet(keys[2], out _));
        _clock.Advance(TimeSpan.FromSeconds(1));

        cache.Set(keys[3], Snapshot(keys[3].ReflectionId, 280_000));
        Assert.InRange(cache.Bytes!.Value, 0, Budget);
        // The snapshot that did not fit starts an eviction in the background; the thread read longest ago goes.
        await Until(() => cache.Bytes < 3 * 280_000);
        Assert.False(cache.TryGet(keys[1], out _));
        cache.Set(keys[3], Snapshot(keys[3].ReflectionId, 280_000));

        Assert.True(cache.TryGet(keys[0], out _));
        Assert.True(cache.TryGet(keys[2], out _));
        Assert.True(cache.TryGet(keys[3], out _));
        Assert.InRange(cache.Bytes!.Value, 0, Budget);
    }

    [Fact]
    public void A_thread_larger_than_the_whole_budget_is_not_kept_and_an_older_snapshot_never_replaces_a_newer()
    {
        using var cache = new ThreadCache(Options.Create(new DiscussionOptions { ThreadCacheBytes = Budget }), _clock);
        var key = new ThreadCacheKey(Guid.NewGuid(), "sv-FI|sv-FI|Europe/Helsinki", ViewerClass.Moderator);

        cache.Set(key, Snapshot(key.ReflectionId, 2_400_000));
        Assert.False(cache.TryGet(key, out _));

        cache.Set(key, Snapshot(key.ReflectionId, 1_000, sequence: 9));
        cache.Set(key, Snapshot(key.ReflectionId, 1_000, sequence: 8));
        Assert.True(cache.TryGet(key, out var held));
        Assert.Equal(9, held!.Stamp.Sequence);
    }

    // A snapshot of a reflection and one reply whose HTML takes about the given number of bytes (two per character).
    private ThreadSnapshot Snapshot(Guid reflectionId, int characters, long sequence = 1)
    {
        var reflection = new PostRow(reflectionId, reflectionId, null, -1, null, "Aino", PostStatus.Visible, string.Empty, _clock.GetUtcNow(), null, 0);
        var reply = reflection with { Id = Guid.NewGuid(), Depth = 0, Path = Reply.PathSegment(1) };
        return new ThreadSnapshot([reflection, reply], [new RenderedPost("<article>", "<p>"), new RenderedPost("<article>", new string('x', characters / 2))],
            new ThreadStamp(sequence, sequence, _clock.GetUtcNow()));
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 5_000, "The cache did not evict within five seconds.");
            await Task.Delay(20);
        }
    }
}
