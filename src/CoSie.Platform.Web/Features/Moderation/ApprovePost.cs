using CoSie.Platform.Web.Features.Discussions.Notifications;

namespace CoSie.Platform.Web.Features.Moderation;

// A moderator publishes a post that waited for approval. It is published as of now: its time becomes the approval
// time, so the "new since" marks and the weekly digests count it when people can first read it (the audit log keeps
// when it was approved, and by whom). Only now are the replied-to author and the people it mentions notified.
public sealed class ApprovePost(PostModeration moderation, Mentions mentions, DiscussionNotifications notifications)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid postId, Guid moderatorId, CancellationToken cancellationToken)
    {
        var (allowed, _) = await moderation.AuthorizeAsync(cohortId, reflectionId, moderatorId, cancellationToken);
        if (allowed != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(allowed);
        }
        Guid? repliedTo = null;
        return await moderation.ApplyAsync(reflectionId, postId, moderatorId, (post, now) =>
        {
            if (post.Status != PostStatus.AwaitingApproval)
            {
                return null;
            }
            post.Status = PostStatus.Visible;
            post.CreatedAt = now;
            repliedTo = post.IsReflection ? null : post.Reply!.ParentReplyId is null ? post.Thread.AuthorId : null;
            return new ModerationChange(ModerationActionKind.Approve, ThreadEventKind.PostApproved, NotificationKind.PostApproved, string.Empty);
        }, cancellationToken, async (post, now) =>
        {
            if (post.AuthorId is not { } author)
            {
                return [];
            }
            var parentAuthor = repliedTo;
            if (post.Reply?.ParentReplyId is { } parentId)
            {
                parentAuthor = await moderation.AuthorOfReplyAsync(parentId, cancellationToken);
            }
            var mentioned = await mentions.FindAsync(post.Thread.CohortId, post.BodySource, cancellationToken);
            return await notifications.AddAsync(post.Thread, post.Id, author, parentAuthor, mentioned, now, cancellationToken);
        });
    }
}
