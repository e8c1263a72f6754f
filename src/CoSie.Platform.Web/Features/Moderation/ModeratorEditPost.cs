using CoSie.Platform.Web.Features.Discussions.Posts;

namespace CoSie.Platform.Web.Features.Moderation;

// A moderator changes a post's text (to take out a phone number, say). The earlier text goes to the history, marked
// as replaced by that moderator, and the author is told.
public sealed class ModeratorEditPost(PostModeration moderation, PostBody body, Data.PlatformDbContext db)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid postId, Guid moderatorId, string? source, string? reason, CancellationToken cancellationToken)
    {
        var (allowed, _) = await moderation.AuthorizeAsync(cohortId, reflectionId, moderatorId, cancellationToken);
        if (allowed != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(allowed);
        }
        if (PostModeration.CheckReason(reason, required: false, out var why) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        if (body.Check(source, out var text, out var html) is var bodyCheck && bodyCheck != DiscussionOutcome.Done)
        {
            return ModerationResult.Refused(ModerationOutcome.Invalid, bodyCheck.ToString());
        }
        return await moderation.ApplyAsync(reflectionId, postId, moderatorId, (post, now) =>
        {
            if (post.Status == PostStatus.Deleted || post.BodySource == text)
            {
                return null;
            }
            var revision = post.Edit(text, html, now);
            revision.ReplacedByModeratorId = moderatorId;
            db.PostRevisions.Add(revision);
            return new ModerationChange(ModerationActionKind.Edit, ThreadEventKind.PostEdited, NotificationKind.ModeratorEdit, why);
        }, cancellationToken);
    }
}
