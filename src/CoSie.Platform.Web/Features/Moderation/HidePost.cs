namespace CoSie.Platform.Web.Features.Moderation;

// A moderator hides a reflection or reply: learners see a placeholder, moderators the text marked as hidden, and the
// author reads the reason. Any open flags on the post are resolved as hidden.
public sealed class HidePost(PostModeration moderation, FlagResolution flags)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid postId, Guid moderatorId, string? reason, CancellationToken cancellationToken)
    {
        var (allowed, _) = await moderation.AuthorizeAsync(cohortId, reflectionId, moderatorId, cancellationToken);
        if (allowed != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(allowed);
        }
        if (PostModeration.CheckReason(reason, required: true, out var text) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        return await moderation.ApplyAsync(reflectionId, postId, moderatorId, (post, _) =>
        {
            if (post.Status is not (PostStatus.Visible or PostStatus.AwaitingApproval))
            {
                return null;
            }
            post.Status = PostStatus.HiddenByModerator;
            post.HiddenReason = text;
            return new ModerationChange(ModerationActionKind.Hide, ThreadEventKind.PostHidden, NotificationKind.PostHidden, text);
        }, cancellationToken, async (post, now) =>
        {
            await flags.CloseAsync(post.Id, moderatorId, FlagOutcome.Hidden, now, cancellationToken);
            return [];
        });
    }
}
