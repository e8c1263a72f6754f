namespace CoSie.Platform.Web.Features.Moderation;

// A moderator pins a reflection to the top of its prompt's discussion, or unpins it.
public sealed class PinReflection(PostModeration moderation)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid moderatorId, bool pinned, string? reason, CancellationToken cancellationToken)
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
        return await moderation.ApplyAsync(reflectionId, reflectionId, moderatorId, (post, now) =>
        {
            var thread = post.Thread;
            if (thread.IsPinned == pinned || (pinned && !thread.IsPublished))
            {
                return null;
            }
            thread.IsPinned = pinned;
            thread.PinnedAt = pinned ? now : null;
            return new ModerationChange(
                pinned ? ModerationActionKind.Pin : ModerationActionKind.Unpin, pinned ? ThreadEventKind.ReflectionPinned : ThreadEventKind.ReflectionUnpinned, null, text);
        }, cancellationToken);
    }
}
