using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Threads;
using CoSie.Platform.Web.Features.Moderation;
using CoSie.Platform.Web.Tenancy;
using Npgsql;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// Replies to a reflection or to one of its replies: the thread page's form, with or without JavaScript. Everything
// that can be decided before taking the reply's place is (access, the body, a repeated form, the rate limit, the
// thread's rules); one statement then takes the place under the thread's row lock and inserts the reply, its event and
// its outbox entry (ThreadPlaces). Notifications, mentions and pushes follow from the outbox.
public sealed class ReplyToReflection(
    PlatformDbContext db,
    DiscussionAccess access,
    PostBody body,
    PostingRateLimit rateLimit,
    DiscussionOutbox outbox,
    PreApproval preApproval,
    TenantContext tenant,
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
        if (submissionKey is { } key && await EarlierAsync(reflectionId, userId, key, cancellationToken) is { } earlier)
        {
            return PostResult.Refused(DiscussionOutcome.Duplicate, earlier);
        }
        if (await rateLimit.RetryAfterAsync(userId, cancellationToken) is { } retryAfter)
        {
            return new PostResult(DiscussionOutcome.SlowDown, RetryAfter: retryAfter);
        }
        var thread = await db.Reflections.AsNoTracking().SingleAsync(r => r.Id == reflectionId, cancellationToken);
        Reply? parent = null;
        if (parentReplyId is { } parentId)
        {
            parent = await db.Replies.AsNoTracking().SingleOrDefaultAsync(r => r.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return PostResult.Refused(DiscussionOutcome.NotFound);
            }
        }
        if (Refusal(thread.RefusesReplyTo(parent)) is { } refusal)
        {
            return refusal;
        }

        var awaiting = await preApproval.AppliesAsync(cohortId, read.Viewer, cancellationToken);
        var now = clock.GetUtcNow();
        var reply = new Reply
        {
            ReflectionId = reflectionId,
            ParentReplyId = parent?.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            AuthorId = userId,
            BodySource = text,
            BodyHtml = html,
            CreatedAt = now,
            SubmissionKey = submissionKey,
            // REVIEW: the thread's reply count includes replies still waiting for approval.
            Status = awaiting ? PostStatus.AwaitingApproval : PostStatus.Visible,
        };
        // A reply waiting for approval notifies nobody yet; approving it does (ApprovePost).
        var entry = outbox.ForStatement(reflectionId, awaiting ? null : new NewPostNotice(reply.Id, userId, parent?.AuthorId ?? thread.AuthorId, FindMentions: true));
        try
        {
            // One statement puts the reply in (ThreadPlaces); an answer to a reply needs a transaction around it, to be
            // undone when its parent was deleted after the checks above.
            await using var transaction = parent is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.InsertReplyAsync(tenant.Required.Id, reply, parent, entry, cancellationToken) is null)
            {
                // Locked, or the post answered deleted, since the checks above: say which, as they would have.
                var current = await db.Reflections.AsNoTracking().SingleAsync(r => r.Id == reflectionId, cancellationToken);
                var currentParent = parent is null ? null : await db.Replies.AsNoTracking().SingleAsync(r => r.Id == parent.Id, cancellationToken);
                return Refusal(current.RefusesReplyTo(currentParent)) ?? PostResult.Refused(DiscussionOutcome.Locked);
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (PostgresException e) when (submissionKey is { } sent && e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same form sent twice at once: the unique index kept the first.
            return PostResult.Refused(DiscussionOutcome.Duplicate, await EarlierAsync(reflectionId, userId, sent, cancellationToken));
        }
        outbox.Committed();
        return PostResult.Done(reply.Id);
    }

    private Task<Guid?> EarlierAsync(Guid reflectionId, Guid userId, Guid key, CancellationToken cancellationToken) =>
        db.Replies.Where(r => r.ReflectionId == reflectionId && r.AuthorId == userId && r.SubmissionKey == key)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);

    private static PostResult? Refusal(ThreadRefusal refusal) => refusal switch
    {
        ThreadRefusal.Locked => PostResult.Refused(DiscussionOutcome.Locked),
        ThreadRefusal.ParentDeleted => PostResult.Refused(DiscussionOutcome.ParentDeleted),
        ThreadRefusal.ParentNotInThread => PostResult.Refused(DiscussionOutcome.NotFound),
        _ => null,
    };
}
