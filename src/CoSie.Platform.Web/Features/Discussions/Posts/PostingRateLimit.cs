using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// A sliding window of one minute per person: the sixth post within a minute is refused with the time to wait.
// Counted from the person's own posts in the database rather than kept in memory, so that every app instance behind
// a load balancer sees the same count; reflections and replies are indexed by author, and a person has few posts.
// REVIEW: two posts sent at the same instant to different threads can both pass the count; the limit is against
// floods, not an exact quota, so that is not worth a lock.
public sealed class PostingRateLimit(PlatformDbContext db, TimeProvider clock, IOptions<DiscussionOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // How long to wait before posting again, or null when the person may post now.
    public async Task<TimeSpan?> RetryAfterAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - Window;
        var limit = options.Value.PostsPerMinute;
        var recent = await db.Reflections.Where(r => r.AuthorId == userId && r.CreatedAt > since).Select(r => r.CreatedAt)
            .Concat(db.Replies.Where(r => r.AuthorId == userId && r.CreatedAt > since).Select(r => r.CreatedAt))
            .OrderByDescending(createdAt => createdAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        // Room again once the oldest of the last `limit` posts leaves the window.
        return recent.Count < limit ? null : recent[^1] + Window - now;
    }
}
