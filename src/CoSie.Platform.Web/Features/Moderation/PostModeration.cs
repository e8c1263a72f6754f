using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Moderation;

// The one path every moderation of a post or thread takes: check that the person moderates the cohort, then in one
// transaction (holding the thread's row lock, as every thread write does) change the post, bump the thread version
// with a thread event, append the audit row, notify the author and leave the push of the event (to the thread's
// readers and moderators, each in their own form) and of the badges to the discussion outbox.
public sealed class PostModeration(
    PlatformDbContext db, DiscussionAccess access, DiscussionOutbox outbox, PostStatusListeners statusListeners, TimeProvider clock)
{
    public async Task<(ModerationOutcome Outcome, Viewer? Viewer)> AuthorizeAsync(
        Guid cohortId, Guid reflectionId, Guid userId, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (read.Verdict == AccessVerdict.NotFound)
        {
            return (ModerationOutcome.NotFound, null);
        }
        return read.Allowed && read.Viewer.IsModerator ? (ModerationOutcome.Done, read.Viewer) : (ModerationOutcome.Forbidden, null);
    }

    public Task<Guid?> AuthorOfReplyAsync(Guid replyId, CancellationToken cancellationToken) =>
        db.Replies.Where(r => r.Id == replyId).Select(r => r.AuthorId).SingleOrDefaultAsync(cancellationToken);

    public static ModerationOutcome CheckReason(string? reason, bool required, out string text)
    {
        text = reason?.Trim() ?? string.Empty;
        if (required && text.Length == 0)
        {
            return ModerationOutcome.ReasonRequired;
        }
        return text.Length > ModerationAction.MaxReasonLength ? ModerationOutcome.ReasonTooLong : ModerationOutcome.Done;
    }

    public async Task<ModerationResult> ApplyAsync(
        Guid reflectionId,
        Guid postId,
        Guid? moderatorId,
        Func<PostTarget, DateTimeOffset, ModerationChange?> change,
        CancellationToken cancellationToken,
        Func<PostTarget, DateTimeOffset, Task<IReadOnlyList<Guid>>>? alongside = null)
    {
        var now = clock.GetUtcNow();
        ThreadEvent? recorded = null;
        var notified = new List<Guid>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockThreadRowAsync(reflectionId, cancellationToken);
            var thread = await db.Reflections.SingleOrDefaultAsync(r => r.Id == reflectionId, cancellationToken);
            if (thread is null)
            {
                return ModerationResult.Refused(ModerationOutcome.NotFound);
            }
            Reply? reply = null;
            if (postId != reflectionId)
            {
                reply = await db.Replies.SingleOrDefaultAsync(r => r.Id == postId && r.ReflectionId == reflectionId, cancellationToken);
                if (reply is null)
                {
                    return ModerationResult.Refused(ModerationOutcome.NotFound);
                }
            }
            var target = new PostTarget(thread, reply);
            var statusBefore = target.Status;
            if (change(target, now) is not { } done)
            {
                return new ModerationResult(ModerationOutcome.NoChange);
            }
            if (done.Event is { } kind)
            {
                recorded = thread.Record(kind, target.Id, now);
                db.ThreadEvents.Add(recorded);
            }
            db.ModerationActions.Add(new ModerationAction
            {
                CohortId = thread.CohortId,
                ModeratorId = moderatorId,
                Kind = done.Action,
                ReflectionId = thread.Id,
                PostId = target.Id,
                SubjectUserId = target.AuthorId,
                Reason = done.Reason,
                At = now,
            });
            if (done.Notify is { } notify && target.AuthorId is { } author && author != moderatorId)
            {
                db.Notifications.Add(new Notification
                {
                    UserId = author,
                    Kind = notify,
                    CohortId = thread.CohortId,
                    ReflectionId = thread.Id,
                    PostId = target.Id,
                    ActorId = moderatorId,
                    CreatedAt = now,
                });
                notified.Add(author);
            }
            if (alongside is not null)
            {
                notified.AddRange(await alongside(target, now));
            }
            if (recorded is not null)
            {
                outbox.Add(recorded, badges: notified);
            }
            else
            {
                outbox.AddBadges(thread.Id, notified);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (target.Status != statusBefore)
            {
                // Approved, hidden, restored or purged: what counts of the author's participation changed with it.
                await statusListeners.TellAsync(transaction, thread.Id, target.Id, target.AuthorId, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.Committed();
        return ModerationResult.Done;
    }
}
