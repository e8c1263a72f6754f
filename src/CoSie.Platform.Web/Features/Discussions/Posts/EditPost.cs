using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// The author changes a reflection or reply within the cohort's edit window; the old text goes to the history.
public sealed class EditPost(
    PlatformDbContext db, DiscussionAccess access, PostBody body, DiscussionOutbox outbox, TimeProvider clock)
{
    public async Task<PostResult> ExecuteAsync(Guid cohortId, Guid reflectionId, Guid postId, Guid userId, string? source, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (read.RefusesWrite(WriteNeeds.NoSuspension, out var refused))
        {
            return refused;
        }
        var check = body.Check(source, out var text, out var html);
        if (check != DiscussionOutcome.Done)
        {
            return PostResult.Refused(check);
        }

        var now = clock.GetUtcNow();
        ThreadEvent edited;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.LockThreadRowAsync(reflectionId, cancellationToken);
            var thread = await db.Reflections.SingleAsync(r => r.Id == reflectionId, cancellationToken);
            var post = await db.PostOfThreadAsync(thread, postId, cancellationToken);
            if (WriteRefusal.NotTheAuthors(post, userId, out var notOwn))
            {
                return notOwn;
            }
            if (!post.MayEdit(userId, now, read.EditWindow))
            {
                return PostResult.Refused(DiscussionOutcome.EditWindowClosed);
            }
            if (post.BodySource == text)
            {
                return PostResult.Refused(DiscussionOutcome.Duplicate, postId);
            }
            db.PostRevisions.Add(post.Edit(text, html, now));
            edited = thread.Record(ThreadEventKind.PostEdited, postId, now);
            db.ThreadEvents.Add(edited);
            outbox.Add(edited, NewPostNotice.ForEdit(postId, userId));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.Committed();
        return PostResult.Done(postId);
    }
}
