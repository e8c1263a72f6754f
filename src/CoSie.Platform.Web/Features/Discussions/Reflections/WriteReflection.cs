using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Features.Moderation;
using Npgsql;

namespace CoSie.Platform.Web.Features.Discussions.Reflections;

// A cohort member answers a prompt: one standing reflection per member, prompt and cohort.
public sealed class WriteReflection(
    PlatformDbContext db,
    DiscussionAccess access,
    PostBody body,
    PostingRateLimit rateLimit,
    DiscussionOutbox outbox,
    PreApproval preApproval,
    TimeProvider clock)
{
    public async Task<PostResult> ExecuteAsync(Guid cohortId, Guid promptId, Guid userId, string? source, CancellationToken cancellationToken)
    {
        var place = await access.ForPromptAsync(cohortId, promptId, userId, cancellationToken);
        if (place.RefusesWrite(WriteNeeds.Participation | WriteNeeds.NoSuspension, out var refused))
        {
            return refused;
        }
        if (place.OwnReflectionId is { } existing)
        {
            // The same form sent twice lands here too: it leads to the reflection the first one wrote.
            return PostResult.Refused(DiscussionOutcome.AlreadyWritten, existing);
        }
        var check = body.Check(source, out var text, out var html);
        if (check != DiscussionOutcome.Done)
        {
            return PostResult.Refused(check);
        }
        if (await rateLimit.RetryAfterAsync(userId, cancellationToken) is { } retryAfter)
        {
            return new PostResult(DiscussionOutcome.SlowDown, RetryAfter: retryAfter);
        }

        var now = clock.GetUtcNow();
        var awaiting = await preApproval.AppliesAsync(cohortId, place.Viewer, cancellationToken);
        var reflection = new Reflection
        {
            Status = awaiting ? PostStatus.AwaitingApproval : PostStatus.Visible,
            CohortId = cohortId,
            PromptId = promptId,
            AuthorId = userId,
            BodySource = text,
            BodyHtml = html,
            CreatedAt = now,
            LastActivityAt = now,
        };
        db.Reflections.Add(reflection);
        var posted = reflection.Record(ThreadEventKind.ReflectionPosted, reflection.Id, now);
        db.ThreadEvents.Add(posted);
        // A post waiting for approval notifies nobody yet; approving it does (ApprovePost). The people it mentions are
        // notified from the outbox, after commit.
        outbox.Add(posted, awaiting ? null : new NewPostNotice(reflection.Id, userId, null, FindMentions: true));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two submissions raced past the check above; the unique index kept one.
            db.ChangeTracker.Clear();
            var first = await db.Reflections
                .Where(r => r.CohortId == cohortId && r.PromptId == promptId && r.AuthorId == userId && r.Status != PostStatus.Deleted)
                .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            return PostResult.Refused(DiscussionOutcome.AlreadyWritten, first);
        }
        outbox.Committed();
        return PostResult.Done(reflection.Id);
    }
}
