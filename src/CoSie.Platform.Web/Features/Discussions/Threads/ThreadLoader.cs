using System.Globalization;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Loads a thread for the page: the shared part from the cache, brought up to date from the changes since the cached
// snapshot, or from one ordered query (the whole tree by path); the person's own marks from a second small query.
// Constant in queries whatever the size of the thread.
public sealed class ThreadLoader(PlatformDbContext db, ThreadCache cache, ThreadRenderer renderer, TenantContext tenant, TimeProvider clock)
{
    // Author names and pictures are not versioned: a snapshot kept up to date one change at a time is read whole again
    // after this long, so a renamed person's older posts show the new name by then.
    public static readonly TimeSpan ReloadAfter = TimeSpan.FromHours(1);

    // Beyond this many changes since the cached snapshot, reading the whole thread again is the cheaper way.
    private const long MaxChangesToApply = 500;

    // The rendering depends on the reader's language, formats and time zone, so those are part of the cache key.
    public async Task<ThreadSnapshot> SharedAsync(ThreadAccess access, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var reflection = access.Reflection!;
        var viewer = access.Viewer!.Class;
        var key = new ThreadCacheKey(reflection.Id, CultureInfo.CurrentUICulture.Name + "|" + CultureInfo.CurrentCulture.Name + "|" + zone.Id, viewer);
        var now = clock.GetUtcNow();
        var cachedFresh = cache.TryGet(key, out var cached) && cached is not null && now - cached.Stamp.LoadedAt < ReloadAfter;
        if (cachedFresh && cached!.Stamp.Version >= reflection.ThreadVersion)
        {
            return cached;
        }
        // Past here the thread is rendered, in part or whole.
        var stamp = new ThreadStamp(reflection.ThreadVersion, reflection.LastEventSequence, now);
        var reflectionRow = PostRow.From(reflection, access.AuthorName, access.AuthorPicture);
        if (cachedFresh)
        {
            if (await ChangesSinceAsync(reflection, cached!.Stamp.Sequence, cancellationToken) is { } changes)
            {
                var advanced = renderer.Advance(cached!, reflectionRow, changes.Ids, changes.Rows, viewer, zone, stamp with { LoadedAt = cached!.Stamp.LoadedAt });
                cache.Set(key, advanced);
                return advanced;
            }
        }
        var replies = await RepliesAsync(reflection.Id, cancellationToken);
        var posts = new List<PostRow>(replies.Count + 1) { reflectionRow };
        // Replies waiting for approval are the moderators' (and, on their own page, their authors') alone.
        posts.AddRange(viewer == ViewerClass.Moderator ? replies : replies.Where(r => r.Status != PostStatus.AwaitingApproval));
        var snapshot = renderer.Render(posts, viewer, zone, stamp);
        cache.Set(key, snapshot);
        return snapshot;
    }

    // The posts the thread's events after the given one name, as they are now. Null when the events do not account for
    // every change up to the version the reader saw (none may be missing), or when there are too many to be worth it.
    private async Task<(IReadOnlySet<Guid> Ids, IReadOnlyList<PostRow> Rows)?> ChangesSinceAsync(Reflection reflection, long sequence, CancellationToken cancellationToken)
    {
        var expected = reflection.LastEventSequence - sequence;
        if (expected <= 0 || expected > MaxChangesToApply)
        {
            return null;
        }
        var events = await db.ThreadEvents.Where(e => e.ReflectionId == reflection.Id && e.Sequence > sequence)
            .Select(e => new { e.Sequence, e.PostId }).ToListAsync(cancellationToken);
        if (events.Count(e => e.Sequence <= reflection.LastEventSequence) != expected)
        {
            return null;
        }
        var ids = events.Select(e => e.PostId).Where(id => id != reflection.Id).ToHashSet();
        var rows = ids.Count == 0 ? [] : await RepliesQuery(db.Replies.Where(r => r.ReflectionId == reflection.Id && ids.Contains(r.Id))).ToListAsync(cancellationToken);
        return (ids, rows);
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
