using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions;

// A sliding window of one minute per person: the sixth post within a minute is refused with the time to wait.
// In memory per app instance, which is enough to stop a flood from one browser.
// REVIEW: with several instances behind a load balancer each counts on its own; move to PostgreSQL or Redis then.
public sealed class PostingRateLimit(TimeProvider clock, IOptions<DiscussionOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, Queue<DateTimeOffset>> _recent = new();

    public bool TryAcquire(Guid userId, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var queue = _recent.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() <= now - Window)
            {
                queue.Dequeue();
            }
            if (queue.Count >= options.Value.PostsPerMinute)
            {
                retryAfter = queue.Peek() + Window - now;
                return false;
            }
            queue.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
