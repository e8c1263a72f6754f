using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Features.Discussions.Threads;
using CoSie.Platform.Web.Features.Moderation;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// Replies to a reflection or to one of its replies: the thread page's form, with or without JavaScript.
public sealed class ReplyToReflection(
    PlatformDbContext db,
    DiscussionAccess access,
    PostBody body,
    PostingRateLimit rateLimit,
    Mentions mentions,
    DiscussionNotifications notifications,
    DiscussionBroadcaster broadcaster,
    PreApproval preApproval,
    TimeProvider clock)
{
    public async Task<PostResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid? parentReplyId, Guid userId, string? source, Guid? submissionKey, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (read.RefusesWrite(WriteNeeds.Participation | WriteNeeds.NoSuspension, out var refused))
        {
            return refused;
        }
        var check = body.Check(source, out var text, out var html);
        if (check != DiscussionOutcome.Done)
        {
            return PostResult.Refused(check);
        }

        var awaiting = await preApproval.AppliesAsync(cohortId, read.Viewer, cancellationToken);
        ThreadEvent posted;
        Reply reply;
        IReadOnlyList<Guid> notified;
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockThreadRowAsync(reflectionId, cancellationToken);
            var thread = await db.Reflections.SingleAsync(r => r.Id == reflectionId, cancellationToken);
            if (submissionKey is { } key
                && await db.Replies.Where(r => r.ReflectionId == reflectionId && r.AuthorId == userId && r.SubmissionKey == key)
                    .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken) is { } earlier)
            {
                return PostResult.Refused(DiscussionOutcome.Duplicate, earlier);
            }
            if (await rateLimit.RetryAfterAsync(userId, cancellationToken) is { } retryAfter)
            {
                return new PostResult(DiscussionOutcome.SlowDown, RetryAfter: retryAfter);
            }
            Reply? parent = null;
            if (parentReplyId is { } parentId)
            {
                parent = await db.Replies.SingleOrDefaultAsync(r => r.Id == parentId, cancellationToken);
                if (parent is null)
                {
                    return PostResult.Refused(DiscussionOutcome.NotFound);
                }
            }
            switch (thread.RefusesReplyTo(parent))
            {
                case ThreadRefusal.Locked:
                    return PostResult.Refused(DiscussionOutcome.Locked);
                case ThreadRefusal.ParentDeleted:
                    return PostResult.Refused(DiscussionOutcome.ParentDeleted);
                case ThreadRefusal.ParentNotInThread:
                    return PostResult.Refused(DiscussionOutcome.NotFound);
            }
            reply = thread.AddReply(parent, userId, text, html, now);
            reply.SubmissionKey = submissionKey;
            if (awaiting)
            {
                // REVIEW: the thread's reply count includes replies still waiting for approval.
                reply.Status = PostStatus.AwaitingApproval;
            }
            db.Replies.Add(reply);
            posted = thread.Record(ThreadEventKind.ReplyPosted, reply.Id, now);
            db.ThreadEvents.Add(posted);
            // A reply waiting for approval notifies nobody yet; approving it does (ApprovePost).
            var mentioned = await mentions.FindAsync(thread.CohortId, text, cancellationToken);
            notified = awaiting ? [] : await notifications.AddAsync(thread, reply.Id, userId, parent?.AuthorId ?? thread.AuthorId, mentioned, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await broadcaster.PublishAsync([posted], cancellationToken);
        await broadcaster.NotifyAsync(notified, cancellationToken);
        return PostResult.Done(reply.Id);
    }
}
