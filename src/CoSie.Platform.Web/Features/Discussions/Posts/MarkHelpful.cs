using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// "Helpful" on someone else's post, once per person; pressing it again takes it back.
public sealed class MarkHelpful(PlatformDbContext db, DiscussionAccess access, DiscussionOutbox outbox, TimeProvider clock)
{
    public async Task<PostResult> ExecuteAsync(Guid cohortId, Guid reflectionId, Guid postId, Guid userId, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (read.RefusesWrite(WriteNeeds.Participation, out var refused))
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        ThreadEvent changed;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockThreadRowAsync(reflectionId, cancellationToken);
            var thread = await db.Reflections.SingleAsync(r => r.Id == reflectionId, cancellationToken);
            Reply? reply = null;
            if (postId != reflectionId)
            {
                reply = await db.Replies.SingleOrDefaultAsync(r => r.Id == postId && r.ReflectionId == reflectionId, cancellationToken);
                if (reply is null)
                {
                    return PostResult.Refused(DiscussionOutcome.NotFound);
                }
            }
            var (authorId, status) = reply is null ? (thread.AuthorId, thread.Status) : (reply.AuthorId, reply.Status);
            if (authorId == userId || status != PostStatus.Visible)
            {
                return PostResult.Refused(DiscussionOutcome.NotAllowed);
            }
            var mine = await db.Helpfuls.SingleOrDefaultAsync(h => h.PostId == postId && h.UserId == userId, cancellationToken);
            var delta = mine is null ? 1 : -1;
            if (mine is null)
            {
                db.Helpfuls.Add(new Helpful { ReflectionId = reflectionId, PostId = postId, UserId = userId, CreatedAt = now });
            }
            else
            {
                db.Helpfuls.Remove(mine);
            }
            if (reply is null)
            {
                thread.HelpfulCount += delta;
            }
            else
            {
                reply.HelpfulCount += delta;
            }
            changed = thread.Record(ThreadEventKind.HelpfulChanged, postId, now);
            db.ThreadEvents.Add(changed);
            outbox.Add(changed);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.Committed();
        return PostResult.Done(postId);
    }
}
