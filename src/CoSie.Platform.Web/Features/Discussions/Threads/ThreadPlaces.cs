namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Where a new reply goes and putting it there, in one statement: the thread's counters give its event sequence (and,
// for an answer to the reflection, its place among the reflection's replies), the parent's counter its place among its
// siblings, and the reply, its thread event and its outbox entry are inserted from them. The thread's row lock is
// taken by the statement's first UPDATE and held only until its commit: no round trip to the app happens while it is
// held, so replies into a busy thread queue for the time PostgreSQL takes to write one, not for the app's turns under
// load. Everything else (checks, mentions, notifications) is done before, or after commit by the outbox.
public static class ThreadPlaces
{
    // The new reply's sequence and path, or null when the thread refuses it now (locked, or the post it answers deleted
    // since it was checked) and nothing was written. An answer to the reflection either happens whole or changes nothing;
    // an answer to a reply runs in the caller's transaction, which is rolled back when the parent went.
    public static async Task<ReplyPlace?> InsertReplyAsync(
        this PlatformDbContext db, Guid institutionId, Reply reply, Reply? parent, DiscussionOutboxEntry entry, CancellationToken cancellationToken)
    {
        var isRoot = parent is null;
        var parentPath = parent?.Path ?? string.Empty;
        var status = reply.Status.ToString();
        var kind = nameof(ThreadEventKind.ReplyPosted);
        var badges = entry.BadgeUserIds.ToArray();
        var placed = await db.Database.SqlQuery<ReplyPlace>($"""
            WITH thread AS (
                UPDATE reflections
                SET reply_count = reply_count + 1, child_count = child_count + (CASE WHEN {isRoot} THEN 1 ELSE 0 END),
                    last_event_sequence = last_event_sequence + 1, thread_version = thread_version + 1,
                    last_activity_at = {reply.CreatedAt}
                WHERE id = {reply.ReflectionId} AND NOT is_locked AND (NOT {isRoot} OR status <> 'Deleted')
                RETURNING child_count, last_event_sequence),
            below AS (
                -- The thread's lock, taken first, keeps the parent from being deleted or moved meanwhile (every thread write takes it).
                UPDATE replies SET child_count = child_count + 1
                WHERE id = {reply.ParentReplyId}::uuid AND reflection_id = {reply.ReflectionId} AND status <> 'Deleted' AND EXISTS (SELECT 1 FROM thread)
                RETURNING child_count),
            place AS (
                SELECT thread.last_event_sequence AS sequence,
                       {parentPath} || lpad(position::text, GREATEST({Reply.SegmentWidth}, length(position::text)), '0') AS path
                FROM thread LEFT JOIN below ON TRUE, LATERAL (SELECT CASE WHEN {isRoot} THEN thread.child_count ELSE below.child_count END AS position) p
                WHERE {isRoot} OR below.child_count IS NOT NULL),
            inserted AS (
                INSERT INTO replies (id, institution_id, reflection_id, parent_reply_id, path, depth, author_id, body_source, body_html, status,
                                     created_at, helpful_count, child_count, submission_key)
                SELECT {reply.Id}, {institutionId}, {reply.ReflectionId}, {reply.ParentReplyId}::uuid, place.path, {reply.Depth}, {reply.AuthorId}::uuid,
                       {reply.BodySource}, {reply.BodyHtml}, {status}, {reply.CreatedAt}, 0, 0, {reply.SubmissionKey}::uuid
                FROM place),
            posted AS (
                INSERT INTO thread_events (id, institution_id, reflection_id, sequence, kind, post_id, created_at)
                SELECT {Guid.CreateVersion7()}, {institutionId}, {reply.ReflectionId}, place.sequence, {kind}, {reply.Id}, {reply.CreatedAt}
                FROM place
                RETURNING sequence),
            handed_on AS (
                INSERT INTO discussion_outbox (id, institution_id, reflection_id, event_sequence, post_id, actor_id, replied_to_author_id,
                                               find_mentions, is_edit, badge_user_ids, created_at, attempts)
                SELECT {entry.Id}, {institutionId}, {reply.ReflectionId}, posted.sequence, {entry.PostId}::uuid, {entry.ActorId}::uuid,
                       {entry.RepliedToAuthorId}::uuid, {entry.FindMentions}, {entry.IsEdit}, {badges}, {entry.CreatedAt}, 0
                FROM posted)
            SELECT sequence, path FROM place
            """).ToListAsync(cancellationToken);
        return placed.Count == 0 ? null : placed[0];
    }

#pragma warning disable CA1812 // Created by EF Core from the statement's columns (sequence, path).
    public sealed class ReplyPlace
    {
        public long Sequence { get; set; }
        public string Path { get; set; } = string.Empty;
    }
#pragma warning restore CA1812
}
