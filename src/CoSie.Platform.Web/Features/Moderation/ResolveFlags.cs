namespace CoSie.Platform.Web.Features.Moderation;

// A moderator answers a post's open flags from the review queue: dismiss them (a post the threshold hid comes back)
// or hide the post.
public sealed class ResolveFlags(PlatformDbContext db, PostModeration moderation, FlagResolution flags)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid postId, Guid moderatorId, bool hide, string? reason, CancellationToken cancellationToken)
    {
        var reflectionId = await db.Flags.Where(f => f.PostId == postId && f.CohortId == cohortId).Select(f => (Guid?)f.ReflectionId).FirstOrDefaultAsync(cancellationToken);
        if (reflectionId is not { } threadId)
        {
            return ModerationResult.Refused(ModerationOutcome.NotFound);
        }
        var (allowed, _) = await moderation.AuthorizeAsync(cohortId, threadId, moderatorId, cancellationToken);
        if (allowed != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(allowed);
        }
        if (PostModeration.CheckReason(reason, required: hide, out var text) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        if (!await db.Flags.AnyAsync(f => f.PostId == postId && f.ResolvedAt == null, cancellationToken))
        {
            return new ModerationResult(ModerationOutcome.NoChange);
        }
        var autoHidden = await db.ModerationActions.Where(a => a.PostId == postId).OrderByDescending(a => a.At)
            .Select(a => (ModerationActionKind?)a.Kind).FirstOrDefaultAsync(cancellationToken) == ModerationActionKind.AutoHide;
        return await moderation.ApplyAsync(threadId, postId, moderatorId, (post, _) =>
        {
            if (hide)
            {
                if (post.Status is not (PostStatus.Visible or PostStatus.HiddenByModerator))
                {
                    return new ModerationChange(ModerationActionKind.Hide, null, null, text);
                }
                post.Status = PostStatus.HiddenByModerator;
                post.HiddenReason = text;
                return new ModerationChange(ModerationActionKind.Hide, ThreadEventKind.PostHidden, NotificationKind.PostHidden, text);
            }
            return autoHidden && post.Status == PostStatus.HiddenByModerator
                ? RestorePost.Restore(post, text, ModerationActionKind.DismissFlags)
                : new ModerationChange(ModerationActionKind.DismissFlags, null, null, text);
        }, cancellationToken, async (post, now) =>
        {
            await flags.CloseAsync(post.Id, moderatorId, hide ? FlagOutcome.Hidden : FlagOutcome.Dismissed, now, cancellationToken);
            return [];
        });
    }
}
