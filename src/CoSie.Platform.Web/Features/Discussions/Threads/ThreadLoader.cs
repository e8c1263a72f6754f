using System.Globalization;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Loads a thread for the page: the shared part from the cache or from one ordered query (the whole tree by path),
// the person's own marks from a second small query. Constant in queries whatever the size of the thread.
public sealed class ThreadLoader(PlatformDbContext db, ThreadCache cache, ThreadRenderer renderer, TenantContext tenant)
{
    // The rendering depends on the reader's language, formats and time zone, so those are part of the cache key.
    public async Task<ThreadSnapshot> SharedAsync(ThreadAccess access, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var reflection = access.Reflection!;
        var viewer = access.Viewer!.Class;
        var key = new ThreadCacheKey(reflection.Id, reflection.ThreadVersion, CultureInfo.CurrentUICulture.Name + "|" + CultureInfo.CurrentCulture.Name + "|" + zone.Id, viewer);
        if (cache.TryGet(key, out var cached) && cached is not null)
        {
            return cached;
        }
        var replies = await RepliesAsync(reflection.Id, cancellationToken);
        var posts = new List<PostRow>(replies.Count + 1) { PostRow.From(reflection, access.AuthorName, access.AuthorPicture) };
        // Replies waiting for approval are the moderators' (and, on their own page, their authors') alone.
        posts.AddRange(viewer == ViewerClass.Moderator ? replies : replies.Where(r => r.Status != PostStatus.AwaitingApproval));
        var snapshot = renderer.Render(posts, viewer, zone);
        cache.Set(key, snapshot);
        return snapshot;
    }

    // The access check says whether there are any, so that most page views skip this query.
    public async Task<IReadOnlySet<Guid>> HelpfulMarksAsync(ThreadAccess access, Guid userId, CancellationToken cancellationToken) =>
        access.HasHelpfulMarks
            ? (await db.Helpfuls.Where(h => h.ReflectionId == access.Reflection!.Id && h.UserId == userId).Select(h => h.PostId).ToListAsync(cancellationToken)).ToHashSet()
            : new HashSet<Guid>();

    // Moderators only: how many flags are open on each post of the thread, for the marks beside those posts.
    public async Task<IReadOnlyDictionary<Guid, int>> OpenFlagsAsync(ThreadAccess access, CancellationToken cancellationToken) =>
        access.Viewer!.IsModerator
            ? await db.Flags.Where(f => f.ReflectionId == access.Reflection!.Id && f.ResolvedAt == null)
                .GroupBy(f => f.PostId).Select(g => new { PostId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.PostId, g => g.Count, cancellationToken)
            : new Dictionary<Guid, int>();

    // One connection for the rest of the request: EF Core would open one per query, and each open writes the
    // institution for row-level security (TenantSessionInterceptor), a statement of its own. The context closes it
    // when the request's scope ends.
    public Task HoldConnectionAsync(CancellationToken cancellationToken) => db.Database.OpenConnectionAsync(cancellationToken);

    // Records the visit and reads this thread's notifications as seen, in one statement, but only when it would
    // change something: a first visit, events since the last one, or unread notifications about the thread. Skipping
    // an unchanged visit keeps its time, which is what "new since your last visit" and the digests compare posts
    // with; no post can be newer than it while the thread's last event is the one the visit saw. Raw SQL skips the
    // interceptor, so the institution is written out.
    public async Task<bool> RecordVisitAsync(ThreadAccess access, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reflection = access.Reflection!;
        if (access.LastSeenSequence >= reflection.LastEventSequence && access.UnreadHere == 0)
        {
            return false;
        }
        var institutionId = tenant.Required.Id;
        await db.Database.ExecuteSqlAsync($"""
            WITH seen AS (
                UPDATE notifications SET read_at = {now}
                WHERE institution_id = {institutionId} AND user_id = {userId} AND reflection_id = {reflection.Id} AND read_at IS NULL)
            INSERT INTO thread_visits (id, institution_id, user_id, reflection_id, last_seen_sequence, visited_at)
            VALUES ({Guid.CreateVersion7()}, {institutionId}, {userId}, {reflection.Id}, {reflection.LastEventSequence}, {now})
            ON CONFLICT (user_id, reflection_id) DO UPDATE
                SET last_seen_sequence = GREATEST(thread_visits.last_seen_sequence, EXCLUDED.last_seen_sequence), visited_at = EXCLUDED.visited_at
            """, cancellationToken);
        return true;
    }

    public Task<List<PostRow>> RepliesAsync(Guid reflectionId, CancellationToken cancellationToken) =>
        RepliesQuery(db.Replies.Where(r => r.ReflectionId == reflectionId)).ToListAsync(cancellationToken);

    public IQueryable<PostRow> RepliesQuery(IQueryable<Reply> replies) =>
        from r in replies
        orderby r.Path
        join u in db.Users on r.AuthorId equals u.Id into authors
        from u in authors.DefaultIfEmpty()
        select new PostRow(r.Id, r.ReflectionId, r.ParentReplyId, r.Depth, r.AuthorId, u == null ? null : u.DisplayName, r.Status, r.BodyHtml, r.CreatedAt, r.EditedAt, r.HelpfulCount, r.HiddenReason, r.Path,
            u == null ? null : u.PictureVersion);

}
