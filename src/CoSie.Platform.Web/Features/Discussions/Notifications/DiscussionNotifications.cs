namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// Adds "replied to your post" and "mentioned you" notifications to the unit of work of a write. Someone who may
// not read the thread now (post-first, left the cohort) gets none: a notification is a place a post surfaces.
public sealed class DiscussionNotifications(PlatformDbContext db, DiscussionAccess access)
{
    public async Task<IReadOnlyList<Guid>> AddAsync(
        Reflection thread, Guid postId, Guid actorId, Guid? repliedToAuthorId, IEnumerable<Guid> mentioned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = new List<(Guid UserId, NotificationKind Kind)>();
        if (repliedToAuthorId is { } parentAuthor && parentAuthor != actorId)
        {
            recipients.Add((parentAuthor, NotificationKind.Reply));
        }
        foreach (var userId in mentioned.Distinct())
        {
            if (userId != actorId && recipients.All(r => r.UserId != userId))
            {
                recipients.Add((userId, NotificationKind.Mention));
            }
        }
        var notified = new List<Guid>();
        foreach (var (userId, kind) in recipients)
        {
            if (!await access.CanReadAsync(thread.Id, userId, cancellationToken))
            {
                continue;
            }
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = kind,
                CohortId = thread.CohortId,
                ReflectionId = thread.Id,
                PostId = postId,
                ActorId = actorId,
                CreatedAt = now,
            });
            notified.Add(userId);
        }
        return notified;
    }
}
