namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// Adds the notifications of a new post to the unit of work of a write: "replied to your post" to the author of the
// post it answers, "mentioned you" to whoever it names, and "replied in a discussion you follow" to the thread's
// followers (ThreadSubscriptions). Someone who muted the thread gets none, and someone who may not read the thread now
// (post-first, left the cohort) gets none: a notification is a place a post surfaces. A member who replies starts
// following the thread. Replies to and mentions of a person are also put in line for mail (NotificationMails).
public sealed class DiscussionNotifications(PlatformDbContext db, DiscussionAccess access, NotificationMails mails)
{
    public async Task<IReadOnlyList<Guid>> AddAsync(
        Reflection thread, Guid postId, Guid actorId, Guid? repliedToAuthorId, IEnumerable<Guid> mentioned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(thread.Id, cancellationToken);
        var muted = choices.Values.Where(s => s.Level == ThreadFollowing.Muted).Select(s => s.UserId).ToHashSet();
        var followers = choices.Values.Where(s => s.Level == ThreadFollowing.Following).Select(s => s.UserId).ToList();
        if (thread.AuthorId is { } threadAuthor && !choices.ContainsKey(threadAuthor))
        {
            followers.Add(threadAuthor);
        }

        var recipients = new List<(Guid UserId, NotificationKind Kind)>();
        void Add(Guid userId, NotificationKind kind)
        {
            if (userId != actorId && !muted.Contains(userId) && recipients.All(r => r.UserId != userId))
            {
                recipients.Add((userId, kind));
            }
        }
        if (repliedToAuthorId is { } parentAuthor)
        {
            Add(parentAuthor, NotificationKind.Reply);
        }
        foreach (var userId in mentioned.Distinct())
        {
            Add(userId, NotificationKind.Mention);
        }
        var isReply = postId != thread.Id;
        if (isReply)
        {
            foreach (var userId in followers)
            {
                Add(userId, NotificationKind.ThreadReply);
            }
            if (!choices.ContainsKey(actorId) && thread.AuthorId != actorId)
            {
                db.ThreadSubscriptions.Add(new ThreadSubscription { UserId = actorId, ReflectionId = thread.Id, Level = ThreadFollowing.Following, UpdatedAt = now });
            }
        }

        return await NotifyAsync(thread, postId, actorId, recipients, now, cancellationToken);
    }

    // The people an edit mentions who were never told of the post (by a mention, as the author it replies to, or as a
    // follower), unless they muted the thread: an edit that adds "@Name" tells Name once, and editing again does not.
    public async Task<IReadOnlyList<Guid>> AddNewMentionsAsync(
        Reflection thread, Guid postId, Guid actorId, IReadOnlyList<Guid> mentioned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (mentioned.Count == 0)
        {
            return [];
        }
        // Local: notifications added earlier in this unit of work (the post's own entry, in the same outbox batch).
        var told = (await db.Notifications.Where(n => n.PostId == postId).Select(n => n.UserId).ToListAsync(cancellationToken))
            .Concat(db.Notifications.Local.Where(n => n.PostId == postId).Select(n => n.UserId))
            .ToHashSet();
        var muted = (await ChoicesAsync(thread.Id, cancellationToken)).Values.Where(s => s.Level == ThreadFollowing.Muted).Select(s => s.UserId).ToHashSet();
        var recipients = mentioned.Distinct()
            .Where(userId => userId != actorId && !told.Contains(userId) && !muted.Contains(userId))
            .Select(userId => (userId, NotificationKind.Mention))
            .ToList();
        return await NotifyAsync(thread, postId, actorId, recipients, now, cancellationToken);
    }

    // Who follows or muted the thread, by person: the rows in the database and those added earlier in this unit of work
    // (a batch of the outbox), which Local holds together.
    private async Task<Dictionary<Guid, ThreadSubscription>> ChoicesAsync(Guid threadId, CancellationToken cancellationToken)
    {
        await db.ThreadSubscriptions.Where(s => s.ReflectionId == threadId).LoadAsync(cancellationToken);
        return db.ThreadSubscriptions.Local.Where(s => s.ReflectionId == threadId).ToDictionary(s => s.UserId);
    }

    private async Task<IReadOnlyList<Guid>> NotifyAsync(
        Reflection thread, Guid postId, Guid actorId, List<(Guid UserId, NotificationKind Kind)> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notified = new List<Guid>();
        var added = new List<Notification>();
        foreach (var (userId, kind) in recipients)
        {
            if (!await access.CanReadAsync(thread.Id, userId, cancellationToken))
            {
                continue;
            }
            var notification = new Notification
            {
                UserId = userId,
                Kind = kind,
                CohortId = thread.CohortId,
                ReflectionId = thread.Id,
                PostId = postId,
                ActorId = actorId,
                CreatedAt = now,
            };
            db.Notifications.Add(notification);
            added.Add(notification);
            notified.Add(userId);
        }
        await mails.QueueAsync(added, now, cancellationToken);
        return notified;
    }
}
