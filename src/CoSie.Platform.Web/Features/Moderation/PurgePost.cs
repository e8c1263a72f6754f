namespace CoSie.Platform.Web.Features.Moderation;

// An institution admin deletes a post for good: its text, its history and its flags go. The row keeps its place in
// the tree (shown as deleted) so that replies to it stay readable; the audit log keeps who, when and why, never
// the text. Instructors cannot purge: hiding is their tool, and it can be undone.
public sealed class PurgePost(PostModeration moderation, PlatformDbContext db)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid postId, Guid moderatorId, bool confirmed, string? reason, CancellationToken cancellationToken)
    {
        var (allowed, viewer) = await moderation.AuthorizeAsync(cohortId, reflectionId, moderatorId, cancellationToken);
        if (allowed != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(allowed);
        }
        if (!viewer!.IsInstitutionAdmin)
        {
            return ModerationResult.Refused(ModerationOutcome.Forbidden);
        }
        if (PostModeration.CheckReason(reason, required: true, out var text) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        if (!confirmed)
        {
            return ModerationResult.Refused(ModerationOutcome.NotConfirmed);
        }
        return await moderation.ApplyAsync(reflectionId, postId, moderatorId, (post, _) =>
        {
            if (post.Status == PostStatus.Deleted)
            {
                return null;
            }
            if (!post.IsReflection)
            {
                post.Thread.ReplyCount--;
            }
            post.Purge();
            return new ModerationChange(ModerationActionKind.Purge, ThreadEventKind.PostPurged, null, text);
        }, cancellationToken, async (post, _) =>
        {
            await db.PostRevisions.Where(r => r.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Flags.Where(f => f.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
            return [];
        });
    }
}
