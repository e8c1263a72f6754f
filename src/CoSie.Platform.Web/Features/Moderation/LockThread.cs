namespace CoSie.Platform.Web.Features.Moderation;

// A moderator locks a thread (it takes no new replies, and the form says why) or unlocks it.
public sealed class LockThread(PostModeration moderation)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid moderatorId, bool locked, string? reason, CancellationToken cancellationToken)
    {
        var (allowed, _) = await moderation.AuthorizeAsync(cohortId, reflectionId, moderatorId, cancellationToken);
        if (allowed != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(allowed);
        }
        if (PostModeration.CheckReason(reason, required: locked, out var text) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        return await moderation.ApplyAsync(reflectionId, reflectionId, moderatorId, (post, _) =>
        {
            var thread = post.Thread;
            if (thread.IsLocked == locked)
            {
                return null;
            }
            thread.IsLocked = locked;
            thread.LockReason = locked ? text : null;
            return locked
                ? new ModerationChange(ModerationActionKind.Lock, ThreadEventKind.ThreadLocked, NotificationKind.ThreadLocked, text)
                : new ModerationChange(ModerationActionKind.Unlock, ThreadEventKind.ThreadUnlocked, null, text);
        }, cancellationToken);
    }
}
