namespace CoSie.Platform.Web.Features.Moderation;

// A moderator shows a hidden post to everyone again.
public sealed class RestorePost(PostModeration moderation)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid postId, Guid moderatorId, string? reason, CancellationToken cancellationToken)
    {
        var (allowed, _) = await moderation.AuthorizeAsync(cohortId, reflectionId, moderatorId, cancellationToken);
        if (allowed != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(allowed);
        }
        if (PostModeration.CheckReason(reason, required: false, out var text) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        return await moderation.ApplyAsync(reflectionId, postId, moderatorId, (post, _) => Restore(post, text, ModerationActionKind.Restore), cancellationToken);
    }

    internal static ModerationChange? Restore(PostTarget post, string reason, ModerationActionKind action)
    {
        if (post.Status != PostStatus.HiddenByModerator)
        {
            return null;
        }
        post.Status = PostStatus.Visible;
        post.HiddenReason = null;
        return new ModerationChange(action, ThreadEventKind.PostRestored, NotificationKind.PostRestored, reason);
    }
}
