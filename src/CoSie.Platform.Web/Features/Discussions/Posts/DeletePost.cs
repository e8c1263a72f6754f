using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// The author deletes a reflection or reply: its text and history go, its replies stay under a "deleted" mark.
// A learner who deletes their only reflection on a prompt is held back by post-first again, live connections
// included.
public sealed class DeletePost(
    PlatformDbContext db, DiscussionAccess access, DiscussionOutbox outbox, PostStatusListeners statusListeners, LiveConnections live, TimeProvider clock)
{
    public async Task<PostResult> ExecuteAsync(Guid cohortId, Guid reflectionId, Guid postId, Guid userId, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (read.RefusesWrite(WriteNeeds.Reading, out var refused))
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        ThreadEvent deleted;
        Reflection thread;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockThreadRowAsync(reflectionId, cancellationToken);
            thread = await db.Reflections.SingleAsync(r => r.Id == reflectionId, cancellationToken);
            var post = await db.PostOfThreadAsync(thread, postId, cancellationToken);
            if (WriteRefusal.NotTheAuthors(post, userId, out var notOwn))
            {
                return notOwn;
            }
            if (post.Status == PostStatus.Deleted)
            {
                return PostResult.Refused(DiscussionOutcome.Duplicate, postId);
            }
            post.Delete();
            if (post is Reply)
            {
                thread.ReplyCount--;
            }
            // The history held the deleted text; it goes with it.
            await db.PostRevisions.Where(r => r.PostId == postId).ExecuteDeleteAsync(cancellationToken);
            deleted = thread.Record(ThreadEventKind.PostDeleted, postId, now);
            db.ThreadEvents.Add(deleted);
            outbox.Add(deleted);
            await db.SaveChangesAsync(cancellationToken);
            await statusListeners.TellAsync(transaction, thread.Id, postId, userId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.Committed();
        if (postId == reflectionId && read.Gate.Applies)
        {
            await live.RevokeAsync(LiveCutOff.PromptThreads(userId, thread.CohortId, thread.PromptId, reflectionId));
        }
        return PostResult.Done(postId);
    }
}
