using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Tenancy;
using Npgsql;

namespace CoSie.Platform.Web.Features.Moderation;

// A member reports a post, once per post. When as many different members as the institution's threshold have open
// flags on a post, it is hidden until a moderator reviews it (an automatic action, logged without a moderator).
public sealed class FlagPost(
    PlatformDbContext db, DiscussionAccess access, PostModeration moderation, TenantContext tenant, TimeProvider clock, IStringLocalizer<FlagPost> localizer)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid reflectionId, Guid postId, Guid userId, FlagReason reason, string? note, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (read.Verdict == AccessVerdict.NotFound)
        {
            return ModerationResult.Refused(ModerationOutcome.NotFound);
        }
        if (!read.Allowed || read.PostingSuspendedUntil is not null)
        {
            return ModerationResult.Refused(ModerationOutcome.Forbidden);
        }
        var text = note?.Trim();
        if (reason == FlagReason.Other && string.IsNullOrEmpty(text))
        {
            return ModerationResult.Refused(ModerationOutcome.ReasonRequired);
        }
        if (text?.Length > Flag.MaxNoteLength)
        {
            return ModerationResult.Refused(ModerationOutcome.ReasonTooLong);
        }
        var post = postId == reflectionId
            ? new { read.Reflection.AuthorId, read.Reflection.Status }
            : await db.Replies.AsNoTracking().Where(r => r.Id == postId && r.ReflectionId == reflectionId)
                .Select(r => new { r.AuthorId, r.Status }).SingleOrDefaultAsync(cancellationToken);
        if (post is null || post.Status == PostStatus.AwaitingApproval && !read.Viewer.IsModerator)
        {
            return ModerationResult.Refused(ModerationOutcome.NotFound);
        }
        if (post.AuthorId == userId)
        {
            return ModerationResult.Refused(ModerationOutcome.Forbidden);
        }
        if (post.Status != PostStatus.Visible)
        {
            return new ModerationResult(ModerationOutcome.NoChange);
        }

        db.Flags.Add(new Flag
        {
            CohortId = read.Reflection.CohortId,
            ReflectionId = reflectionId,
            PostId = postId,
            FlaggerId = userId,
            Reason = reason,
            Note = string.IsNullOrEmpty(text) ? null : text,
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return new ModerationResult(ModerationOutcome.NoChange);
        }

        var institutionId = tenant.Required.Id;
        var threshold = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.FlagThreshold).SingleAsync(cancellationToken);
        var flaggers = await db.Flags.Where(f => f.PostId == postId && f.ResolvedAt == null).Select(f => f.FlaggerId).Distinct().CountAsync(cancellationToken);
        if (threshold > 0 && flaggers >= threshold)
        {
            string why = localizer["Hidden automatically after flags from {count, plural, one {# member} other {# members}}, until a moderator reviews it.", flaggers];
            await moderation.ApplyAsync(reflectionId, postId, null, (target, _) =>
            {
                if (target.Status != PostStatus.Visible)
                {
                    return null;
                }
                target.Status = PostStatus.HiddenByModerator;
                target.HiddenReason = why;
                return new ModerationChange(ModerationActionKind.AutoHide, ThreadEventKind.PostHidden, NotificationKind.PostHidden, why);
            }, cancellationToken);
        }
        return ModerationResult.Done;
    }
}
