namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Where a new reply goes: its event sequence and its path among its siblings, taken from the thread's and the
// parent's counters in two UPDATE ... RETURNING statements. The first takes the thread's row lock, so it is the last
// thing a reply does before its inserts and commit: everything else (checks, mentions, notifications) is done
// before, or after commit by the outbox, and the lock is held for the inserts and the commit only.
public static class ThreadPlaces
{
    // Null when the thread refuses the reply now (locked, or the post it answers deleted since it was checked).
    public static async Task<ReplyPlace?> AllocateReplyAsync(
        this PlatformDbContext db, Guid reflectionId, Reply? parent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var isRoot = parent is null;
        var thread = await db.Database.SqlQuery<Counters>($"""
            UPDATE reflections
            SET reply_count = reply_count + 1, child_count = child_count + (CASE WHEN {isRoot} THEN 1 ELSE 0 END),
                last_event_sequence = last_event_sequence + 1, thread_version = thread_version + 1,
                last_activity_at = {now}
            WHERE id = {reflectionId} AND NOT is_locked AND (NOT {isRoot} OR status <> 'Deleted')
            RETURNING child_count, last_event_sequence
            """).ToListAsync(cancellationToken);
        if (thread.Count == 0)
        {
            return null;
        }
        var position = thread[0].ChildCount;
        if (parent is not null)
        {
            // The thread's lock keeps the parent from being deleted or moved meanwhile (every thread write takes it).
            var below = await db.Database.SqlQuery<Counters>($"""
                UPDATE replies SET child_count = child_count + 1
                WHERE id = {parent.Id} AND reflection_id = {reflectionId} AND status <> 'Deleted'
                RETURNING child_count, 0::bigint AS last_event_sequence
                """).ToListAsync(cancellationToken);
            if (below.Count == 0)
            {
                return null;
            }
            position = below[0].ChildCount;
        }
        return new ReplyPlace(thread[0].LastEventSequence, parent?.Path + Reply.PathSegment(position));
    }

    public sealed record ReplyPlace(long Sequence, string Path);

#pragma warning disable CA1812 // Created by EF Core from the statement's columns (child_count, last_event_sequence).
    private sealed class Counters
    {
        public int ChildCount { get; set; }
        public long LastEventSequence { get; set; }
    }
#pragma warning restore CA1812
}
